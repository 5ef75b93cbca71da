package dev.coarse.study;

import dev.coarse.exact.CriticalPoint;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.rg.Mcrg;
import dev.coarse.rg.OperatorSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Swendsen's MCRG at (or near) T_c: sample each size, coarse-grain it {@code levels} times and take y_t and
 * y_h from the leading eigenvalues of the linearised RG matrix at every level (SCIENCE.md §4).
 */
public final class McrgStage extends BuiltInStage<McrgSettings, McrgResult> {

    public static final String NAME = "mcrg";

    public McrgStage() {
        super(NAME, 2, McrgSettings.class, true, McrgSettings::defaults, McrgSettings::read, McrgResult::fromJson);
    }

    @Override
    public long estimatedBytes(StudyModel model, McrgSettings settings, int threads) {
        double copies = settings.rule().coarseCopies(model.dimension());
        return settings.sizes().stream().mapToLong(size -> settings.sampling().estimatedBytes(model, size, threads,
                copies)).max().orElse(0);
    }

    @Override
    public McrgResult run(StudyModel model, McrgSettings settings, StageContext context) {
        Sampling s = settings.sampling();
        context.expect(s.work() * settings.sizes().size());
        int d = model.dimension();
        OperatorSet even = settings.even(d);
        OperatorSet odd = settings.odd(d);
        Coarsening rule = settings.rule();
        List<McrgResult.Size> sizes = new ArrayList<>();
        long i = 0;
        for (int size : settings.sizes()) {
            ChainResult r = context.sample(model.model(size, settings.temperature()), s, i);
            List<Mcrg.Level> levels = Mcrg.run(r.configurations(), Lattice.of(d, size), rule.build(), rule.levels(),
                    even, odd, settings.bins(), context.seed(1000 + i));
            i++;
            List<McrgResult.Level> out = new ArrayList<>();
            for (Mcrg.Level level : levels) {
                out.add(new McrgResult.Level(level.level(), level.b(), level.yT(), level.yH(),
                        level.eigenvaluesEven(), level.eigenvaluesOdd(), level.evenOperators(),
                        level.oddOperators()));
            }
            sizes.add(new McrgResult.Size(size, r.configurations().length, out));
        }
        CriticalPoint reference = model.criticalPoint();
        return new McrgResult(settings.temperature(), reference.thermalExponent(), reference.magneticExponent(),
                sizes);
    }
}
