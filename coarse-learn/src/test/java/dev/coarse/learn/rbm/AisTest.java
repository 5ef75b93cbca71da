package dev.coarse.learn.rbm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.stats.Estimate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AisTest {

    /** The acceptance bound: |ln Z_AIS − ln Z| ≤ 0.5 % of |ln Z|. */
    private static final double RELATIVE_TOLERANCE = 0.005;
    /** The AIS error bar must cover the exact value within this many of its sigmas. */
    private static final double STAT_SIGMAS = 4;

    @Test
    void lnZOfA16VisibleRbmIsWithinHalfAPercentOfExact() {
        // Random weights of moderate scale: W ~ N(0, 0.3²), biases ~ N(0, 0.3²), 16 visible × 10 hidden spins;
        // the couplings make p(v) far from the base (β = 0) distribution, so the annealing matters.
        SplittableRandom rng = new SplittableRandom(11);
        Rbm rbm = Rbm.randomWeights(UnitType.SPIN, 16, 10, 0.3, rng);
        for (int i = 0; i < 16; i++) {
            rbm.visibleBias()[i] = 0.3 * rng.nextGaussian();
        }
        for (int j = 0; j < 10; j++) {
            rbm.hiddenBias()[j] = 0.3 * rng.nextGaussian();
        }
        double exact = RbmExact.logPartitionFunction(rbm);
        Estimate ais = Ais.logPartitionFunction(rbm, 1000, 100, 7, 2);
        assertThat(Math.abs(ais.mean() - exact)).isLessThan(RELATIVE_TOLERANCE * Math.abs(exact));
        assertThat(ais.sigmasFrom(exact)).as("AIS %s vs exact %s", ais, exact).isLessThan(STAT_SIGMAS);
        assertThat(Math.abs(exact - Ais.baseLogPartitionFunction(rbm)))
                .as("the base model alone must be a poor estimate, else the test cannot fail")
                .isGreaterThan(10 * RELATIVE_TOLERANCE * Math.abs(exact));
    }

    @Test
    void binaryUnitsAndThreadCountIndependence() {
        SplittableRandom rng = new SplittableRandom(12);
        Rbm rbm = Rbm.randomWeights(UnitType.BINARY, 12, 6, 0.5, rng);
        double exact = RbmExact.logPartitionFunction(rbm);
        Estimate one = Ais.logPartitionFunction(rbm, 300, 50, 3, 1);
        Estimate two = Ais.logPartitionFunction(rbm, 300, 50, 3, 2);
        assertThat(two).isEqualTo(one);
        assertThat(one.sigmasFrom(exact)).isLessThan(STAT_SIGMAS);
    }
}
