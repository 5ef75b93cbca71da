package dev.coarse.study;

import dev.coarse.info.BlockGeometry;
import dev.coarse.info.BlockInformation;
import dev.coarse.info.DiscreteInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.rg.BlockPatternRule;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.Decimation;
import dev.coarse.rg.MajorityRule;
import dev.coarse.rg.TieBreak;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Relevant information kept by each RG step (SCIENCE.md §3; Apenko 2012, Koch-Janusz and Ringel 2018): at every
 * level the visible b^d block V, its coarse spin H = rule(V) and the environment shell E beyond a buffer give
 * I(V:E), I(H:E), the kept fraction I(H:E)/I(V:E) and the loss H(V|H).
 */
public final class InfoStage extends BuiltInStage<InfoSettings, InfoResult> {

    public static final String NAME = "info";

    public InfoStage() {
        super(NAME, 4, InfoSettings.class, true, InfoSettings::defaults, InfoSettings::read, InfoResult::fromJson);
    }

    @Override
    public long estimatedBytes(StudyModel model, InfoSettings settings, int threads) {
        return settings.sampling().estimatedBytes(model, settings.size(), threads,
                settings.rule().coarseCopies(model.dimension()));
    }

    @Override
    public InfoResult run(StudyModel model, InfoSettings settings, StageContext context) {
        Sampling s = settings.sampling();
        Coarsening c = settings.rule();
        context.expect(s.work() + s.work() / 4 * c.levels());
        int d = model.dimension();
        Lattice lattice = Lattice.of(d, settings.size());
        ChainResult r = context.sample(model.model(settings.size(), settings.temperature()), s, 0);
        List<byte[][]> levels = Coarsener.iterate(r.configurations(), lattice, c.build(), c.levels() - 1,
                context.seed(1));
        List<Lattice> lattices = Coarsener.lattices(lattice, c.build(), c.levels() - 1);
        DiscreteInformation info = new DiscreteInformation(settings.estimator().create(), settings.resamples(),
                context.seed(2));
        // majority ties go to the block's first site (FIXED_SITE), so that the rule is a function of the pattern alone
        IntUnaryOperator rule = BlockPatternRule.of(c.rule() == Coarsening.Rule.DECIMATION ? new Decimation(c.b())
                : new MajorityRule(c.b(), TieBreak.FIXED_SITE), d, c.b());
        List<InfoResult.Step> steps = new ArrayList<>();
        for (int n = 0; n < c.levels(); n++) {
            Lattice fine = lattices.get(n);
            BlockInformation blocks = new BlockInformation(fine, 2, info);
            BlockInformation.KeptInformation kept = blocks.keptInformation(levels.get(n),
                    new BlockGeometry(fine, c.b(), settings.buffer(), settings.environment()), rule, true,
                    settings.environmentCode());
            steps.add(new InfoResult.Step(n + 1, fine.linearSize(), kept.visibleEnvironment(),
                    kept.coarseEnvironment(), kept.keptFraction(), kept.lossGivenCoarse()));
            context.advance(s.work() / 4);
        }
        return new InfoResult(r.configurations().length, settings.temperature(), steps);
    }
}
