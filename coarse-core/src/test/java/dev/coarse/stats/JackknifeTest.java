package dev.coarse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JackknifeTest {

    private static final double EXACT = 1e-12;

    @Test
    void linearQuantityReproducesBinnedErrorExactly() {
        double[] x = Ar1.series(0.6, 10_000, new SplittableRandom(4));
        Estimate jk = Jackknife.estimate(new double[][] {x}, 50, v -> v[0]);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        assertThat(jk.mean()).isCloseTo(mean / x.length, within(EXACT));
        assertThat(jk.error()).isCloseTo(Binning.errorAt(x, 50), within(EXACT));
    }

    @Test
    void varianceOfIndependentGaussiansHasTheDeltaMethodError() {
        // f = ⟨x²⟩ − ⟨x⟩² of N(0, 1): Var(f) ≈ (μ4 − σ⁴)/n = 2/n.
        int n = 200_000;
        SplittableRandom rng = new SplittableRandom(8);
        double[] x = new double[n];
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
            x2[i] = x[i] * x[i];
        }
        Estimate jk = Jackknife.estimate(new double[][] {x, x2}, 1000, v -> v[1] - v[0] * v[0]);
        double expectedError = Math.sqrt(2.0 / n);
        // 200 blocks: the error itself is known to 1/√400 = 5%; 4σ = 20%.
        assertThat(jk.error()).isCloseTo(expectedError, within(0.2 * expectedError));
        assertThat(jk.mean()).isCloseTo(1.0, within(4 * expectedError));
    }

    @Test
    void concatenationDropsEachChainsRemainder() {
        double[][] chains = {{1, 2, 3, 4, 5}, {6, 7, 8}};
        assertThat(Jackknife.concatenateBlocks(chains, 2)).containsExactly(1, 2, 3, 4, 6, 7);
    }

    @Test
    void errorOfLeaveOneOutReplicasIsTheScaledSpread() {
        // mean 2.5, Σ(θ − θ̄)² = 5, B = 4: √(5 · 3/4)
        assertThat(Jackknife.error(new double[] {1, 2, 3, 4})).isCloseTo(Math.sqrt(3.75), within(EXACT));
        assertThat(Jackknife.error(new double[] {1, Double.NaN})).isNaN();
    }
}
