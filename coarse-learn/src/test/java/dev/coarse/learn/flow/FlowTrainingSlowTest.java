package dev.coarse.learn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.stats.Estimate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Ising gaps at T_c with longer trainings (tag "long", excluded from CI, run with -Dcoarse.long; results reported in
 * docs/flow.md). Exact ln Z: enumeration at L = 4, Kaufman at L = 8. "Within 4 errors" has a false-failure rate of
 * about 6·10⁻⁵ for Gaussian errors (importance-weighted errors are less reliable when the ESS is small).
 *
 * <p>Not yet run to completion: on the shared machine (2026-12-07) the same architectures stopped by
 * {@code --max-seconds 1500} after 15 of the epochs reached gap 0.0074 at L = 4 (the 0.005 target not met) and 0.0109
 * at L = 8 with the reweighted energy 2.8 errors from Kaufman (docs/flow.md, "Figures"). Trainings planned for
 * 3 CPU-minutes (BENCHMARKS.md): L = 4, 24 × 50 steps, gap 0.0065 (still above 0.005); L = 8, 30 × 50 steps,
 * gap 0.0091 and the reweighted energy 0.5 errors from Kaufman.
 */
@Tag("long")
class FlowTrainingSlowTest {

    @Test
    void isingL4GapBelowHalfAHundredth() {
        IsingHsTarget target = new IsingHsTarget(4, FlowTrainingTest.T_C);
        double exact = target.exactLnZ().getAsDouble() / 16;
        FlowSamples s = FlowTrainingTest.trainAndDraw(target,
                new FlowSettings(6, 2, 32, 512, 30, 50, 0.01, 50_000, true, 1));
        Estimate bound = s.boundPerSite();
        assertThat(bound.mean()).isLessThan(exact + 4 * bound.error());
        assertThat(exact - bound.mean()).as("gap at L = 4").isLessThan(0.005);
    }

    @Test
    void isingL8GapAndReweightedEnergy() {
        IsingHsTarget target = new IsingHsTarget(8, FlowTrainingTest.T_C);
        double exact = target.exactLnZ().getAsDouble() / 64;
        FlowSamples s = FlowTrainingTest.trainAndDraw(target,
                new FlowSettings(4, 2, 16, 256, 40, 50, 0.01, 20_000, true, 1));
        Estimate bound = s.boundPerSite();
        assertThat(bound.mean()).isLessThan(exact + 4 * bound.error());
        assertThat(exact - bound.mean()).as("gap at L = 8").isLessThan(0.02);
        Estimate energy = s.reweightedObservable();
        double kaufman = target.exactObservable().getAsDouble();
        assertThat(energy.sigmasFrom(kaufman)).as("energy %s vs Kaufman %s", energy, kaufman).isLessThan(4);
    }
}
