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
 * axis), subspace overlap ≥ 0.9. One sample, one training seed.
 */
class RsmiDimerTest {

    private static final int L = 24;

    @Test
    void twoHiddenVariablesLearnTheElectricField() {
        DiscreteConfigurations data = Samples.freeDimers(L, 2000, 45);
        RsmiTrainingSettings settings = RsmiTrainingSettings.defaults(8, 2, 4, 2, 3).withTraining(500, 15, 5e-3)
                .withPairs(9, 0.2);
        TrainedFilter trained = new RsmiTrainer(settings).train(Lattice.square(L), data, EpochListener.NONE);
        double overlap = FilterMeasures.subspaceOverlap(trained.filter().weights(), FilterMeasures.electricField(8));
        assertThat(overlap).as("overlap with the electric field; I(H:E) = %s", trained.mi())
                .isGreaterThanOrEqualTo(0.9);
    }
}
