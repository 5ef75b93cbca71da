package dev.coarse.learn.rsmi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.learn.mi.EpochListener;
import dev.coarse.lattice.Lattice;
import org.junit.jupiter.api.Test;

/**
 * The emergent degrees of freedom of free close-packed dimers (Gökmen et al. 2021): an 8×8 block (128 bond
 * occupations), two binary hidden variables, buffer 2, environment 4, on 24×24 tori — the two filters span the
 * block's electric field ({@link FilterMeasures#electricField}, the staggered sums of the occupations of each
 * axis), subspace overlap ≥ 0.9. One sample (4,000 worm configurations), one training seed; 9 pairs per
 * configuration, K = 500, 25 epochs at η = 2·10⁻³ (≈ 720 steps, about 20 s). With fewer steps, or the filter's gain
 * started at 2 instead of 6, both hidden variables settled on the same field direction (overlap ≈ 0.5).
 *
 * <p>Three training seeds, and the filter kept is the one with the largest held-out bound on I(H:E) — the choice a
 * user makes, by the objective and never by the known answer. One seed is not enough: in the full suite on
 * 2026-12-07 seed 3 reached only I(H:E) = 0.074 and overlap 0.31, although alone and after the flow tests it passes;
 * the learned filter's floating-point path is not yet reproducible between JVMs (docs/rsmi.md).
 */
class RsmiDimerTest {

    private static final int L = 24;

    @Test
    void twoHiddenVariablesLearnTheElectricField() {
        DiscreteConfigurations data = Samples.freeDimers(L, 4000, 45);
        RsmiTrainingSettings settings = RsmiTrainingSettings.defaults(8, 2, 4, 2, 3).withTraining(500, 25, 2e-3)
                .withPairs(9, 0.2).withGain(6);
        TrainedFilter trained = null;
        for (long seed = 3; seed <= 5; seed++) {
            TrainedFilter t = new RsmiTrainer(settings.withSeed(seed)).train(Lattice.square(L), data,
                    EpochListener.NONE);
            if (trained == null || t.mi().mean() > trained.mi().mean()) {
                trained = t;
            }
        }
        double overlap = FilterMeasures.subspaceOverlap(trained.filter().weights(), FilterMeasures.electricField(8));
        assertThat(overlap).as("overlap with the electric field; I(H:E) = %s", trained.mi())
                .isGreaterThanOrEqualTo(0.9);
    }
}
