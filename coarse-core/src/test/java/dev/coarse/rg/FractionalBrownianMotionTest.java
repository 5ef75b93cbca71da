package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FractionalBrownianMotionTest {

    /** The acceptance tolerance of issue 5 for the recovered Hurst exponent. */
    private static final double HURST_TOLERANCE = 0.02;
    private static final double SIGMAS = 4;

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5, 0.8})
    void hurstExponentIsRecoveredFromBlockSums(double h) {
        FractionalBrownianMotion fbm = new FractionalBrownianMotion(h);
        var rng = new SplittableRandom(12345);
        double[][] series = new double[64][];
        for (int s = 0; s < series.length; s++) {
            series[s] = fbm.increments(4096, rng);
        }
        FractionalBrownianMotion.HurstEstimate est = FractionalBrownianMotion.estimateHurst(series, 256);
        assertThat(est.hurst().mean()).isCloseTo(h, within(HURST_TOLERANCE));
        assertThat(est.hurst().sigmasFrom(h)).as("%s vs %s (≈6e-5 false failures)", est.hurst(), h)
                .isLessThan(SIGMAS);
        assertThat(est.blockSizes()).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 256);
    }

    @Test
    void incrementsHaveTheFgnCovariance() {
        // Empirical lag-0 and lag-1 covariance against γ(k); 200 × 1024 samples, tolerance ≈ 5 standard errors.
        FractionalBrownianMotion fbm = new FractionalBrownianMotion(0.7);
        var rng = new SplittableRandom(3);
        double c0 = 0;
        double c1 = 0;
        long n0 = 0;
        long n1 = 0;
        for (int s = 0; s < 200; s++) {
            double[] x = fbm.increments(1024, rng);
            for (int j = 0; j < x.length; j++) {
                c0 += x[j] * x[j];
                n0++;
                if (j + 1 < x.length) {
                    c1 += x[j] * x[j + 1];
                    n1++;
                }
            }
        }
        assertThat(c0 / n0).isCloseTo(1.0, within(0.03));
        assertThat(c1 / n1).isCloseTo(fbm.incrementCovariance(1), within(0.03));
        assertThat(fbm.incrementCovariance(1)).isCloseTo(0.5 * (Math.pow(2, 1.4) - 2), within(1e-12));
        double[] path = fbm.path(8, rng);
        assertThat(path).hasSize(9);
        assertThat(path[0]).isZero();
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> new FractionalBrownianMotion(1.0)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new FractionalBrownianMotion(0.5).increments(100, new SplittableRandom(1)))
                .hasMessageContaining("power of two");
    }

    @Test
    void incrementSeriesAreTheSplitStreamsOfOneSeed() {
        FractionalBrownianMotion fbm = new FractionalBrownianMotion(0.6);
        double[][] series = fbm.incrementSeries(3, 64, 42);
        SplittableRandom root = new SplittableRandom(42);
        for (double[] s : series) {
            assertThat(s).containsExactly(fbm.increments(64, root.split()));
        }
        assertThat(fbm.incrementSeries(3, 64, 42)).isDeepEqualTo(series);
        assertThat(series[1]).isNotEqualTo(series[0]);
        assertThatThrownBy(() -> fbm.incrementSeries(0, 64, 42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }
}
