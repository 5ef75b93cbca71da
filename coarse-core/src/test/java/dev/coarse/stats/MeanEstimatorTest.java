package dev.coarse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeanEstimatorTest {

    private static final int REPLICAS = 400;
    private static final int LENGTH = 20_000;
    /** The empirical spread of 400 replica means is known to ~1/√(2·400) = 3.5%; 4σ ≈ 14%. */
    private static final double RELATIVE_TOLERANCE = 0.14;

    @Test
    void errorMatchesTheKnownVarianceOfTheMeanOfAr1() {
        double phi = 0.8;
        // Var(mean) → 2τ_int σ²/n for n ≫ τ.
        double exactError = Math.sqrt(2 * Ar1.tauInt(phi) * Ar1.variance(phi) / LENGTH);
        double sumSquares = 0;
        double reportedError = 0;
        int covered = 0;
        for (int r = 0; r < REPLICAS; r++) {
            double[] x = Ar1.series(phi, LENGTH, new SplittableRandom(1000 + r));
            Estimate e = MeanEstimator.of(x);
            sumSquares += e.mean() * e.mean();
            reportedError += e.error();
            if (Math.abs(e.mean()) < 2 * e.error()) {
                covered++;
            }
        }
        double empirical = Math.sqrt(sumSquares / REPLICAS);
        assertThat(empirical).isCloseTo(exactError, within(RELATIVE_TOLERANCE * exactError));
        assertThat(reportedError / REPLICAS).isCloseTo(exactError, within(0.05 * exactError));
        // 2σ coverage 95.4%; with 400 replicas the binomial sd is 1.0%, so ≥ 91% fails ~1e-4 of seeds.
        assertThat(covered).isGreaterThanOrEqualTo((int) (0.91 * REPLICAS));
    }

    @Test
    void severalChainsArePooled() {
        double phi = 0.5;
        double[][] chains = new double[4][];
        for (int c = 0; c < 4; c++) {
            chains[c] = Ar1.series(phi, 25_000, new SplittableRandom(7 + c));
        }
        Estimate e = MeanEstimator.of(chains);
        double exactError = Math.sqrt(2 * Ar1.tauInt(phi) * Ar1.variance(phi) / 100_000);
        assertThat(e.error()).isCloseTo(exactError, within(0.1 * exactError));
        assertThat(e.tauInt()).isCloseTo(Ar1.tauInt(phi), within(0.15));
        assertThat(Math.abs(e.mean())).isLessThan(4 * exactError);
    }

    @Test
    void uncorrelatedDataHaveNaiveError() {
        double[] x = Ar1.series(0.0, 100_000, new SplittableRandom(3));
        Estimate e = MeanEstimator.of(x);
        assertThat(e.tauInt()).isCloseTo(0.5, within(0.05));
        assertThat(e.error()).isCloseTo(1 / Math.sqrt(100_000), within(0.1 / Math.sqrt(100_000)));
    }

    @Test
    void independentValuesHaveTheStandardErrorOfTheMean() {
        // mean 2.5, Σ(x − x̄)² = 5, n = 4: √(5/3/4)
        Estimate e = MeanEstimator.ofIndependent(new double[] {1, 2, 3, 4});
        assertThat(e.mean()).isEqualTo(2.5);
        assertThat(e.error()).isCloseTo(Math.sqrt(5.0 / 12), within(1e-15));
        assertThat(e.tauInt()).isNaN();
    }
}
