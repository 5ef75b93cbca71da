package dev.coarse.study;

import dev.coarse.info.BlockGeometry;
import dev.coarse.info.BlockInformation;
import dev.coarse.info.DiscreteInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.rg.Coarsener;
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
        IntUnaryOperator rule = blockRule(c.rule(), (int) Math.round(Math.pow(c.b(), d)));
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

    /**
     * The rule as a function of the block pattern code (bit j = site j of the block up): majority with ties to
     * the block's first site, or decimation (the first site).
     *
     * <p>Issue 18: the one place that still writes the two rules out by hand. The rg rules evaluated on block
     * patterns (the CLI's {@code BlockPatternRule}, moving into core on another branch) give the same table —
     * {@code MajorityRule} with {@code TieBreak.FIXED_SITE} and {@code Decimation} — for blocks of up to 20 sites;
     * once merged, this method becomes that call.
     */
    private static IntUnaryOperator blockRule(Coarsening.Rule rule, int blockSites) {
        if (rule == Coarsening.Rule.DECIMATION) {
            return code -> code & 1;
        }
        return code -> {
            int up = Integer.bitCount(code);
            return 2 * up > blockSites ? 1 : 2 * up < blockSites ? 0 : code & 1;
        };
    }
}
