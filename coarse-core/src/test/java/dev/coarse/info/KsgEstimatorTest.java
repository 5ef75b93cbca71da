package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.stats.Estimate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KsgEstimatorTest {

    /** The acceptance criterion of issue 4 for 2+2 dimensions, ρ = 0.6, N = 10,000. */
    private static final double RELATIVE_TOLERANCE = 0.03;

    @Test
    void correlatedGaussiansTwoPlusTwoWithinThreePercent() {
        double[][][] d = KsgContractTest.gaussianPairs(42, 10_000, 2, 0.6);
        double exact = GaussianInformation.correlatedPairs(2, 0.6);
        Estimate e = new KsgEstimator(4).mutualInformation(d[0], d[1]);
        assertThat(e.mean()).isCloseTo(exact, within(RELATIVE_TOLERANCE * exact));
    }

    @Test
    void multiInformationOfTwoVariablesIsTheMutualInformationAndIndependentTriplesGiveZero() {
        double[][][] d = KsgContractTest.gaussianPairs(3, 3000, 1, 0.5);
        KsgEstimator ksg = new KsgEstimator(5);
        assertThat(ksg.multiInformation(d[0], d[1]).mean()).isEqualTo(ksg.mutualInformation(d[0], d[1]).mean());
        SplittableRandom rng = new SplittableRandom(4);
        double[][][] v = new double[3][3000][2];
        for (double[][] var : v) {
            for (double[] row : var) {
                row[0] = rng.nextGaussian();
                row[1] = rng.nextDouble();
            }
        }
        Estimate tc = ksg.multiInformation(v[0], v[1], v[2]);
        assertThat(Math.abs(tc.mean())).as("%s", tc).isLessThanOrEqualTo(Tolerances.STAT_SIGMAS * tc.error());
    }

    @Test
    void jitterMakesDiscretisedDataUsable() {
        // integer-valued copies of correlated Gaussians: without jitter ε is often 0
        double[][][] d = KsgContractTest.gaussianPairs(5, 4000, 1, 0.8);
        for (double[][] var : d) {
            for (double[] row : var) {
                row[0] = Math.rint(row[0] * 20);
            }
        }
        Estimate e = new KsgEstimator(4).withJitter(1e-6, 1).mutualInformation(d[0], d[1]);
        double exact = GaussianInformation.correlatedPairs(1, 0.8);
        // rounding to 1/20 of σ loses little information; allow 5% for that and the KSG bias
        assertThat(e.mean()).isCloseTo(exact, within(0.05 * exact));
    }

    @Test
    void rejectsTooFewSamples() {
        double[][] x = {{1}, {2}, {3}};
        assertThatThrownBy(() -> new KsgEstimator(3).mutualInformation(x, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k < N");
    }
}
