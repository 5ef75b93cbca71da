package dev.coarse.learn.rgflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.learn.flow.FlowArchitecture;
import dev.coarse.stats.Estimate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bits per dimension against values known without the code under test: an untrained flow is exactly the identity, so
 * on 8-bit data drawn uniformly (dequantised y exactly uniform on [0, 1]) the expected bits/dim is
 * 8 + E[−ln p<sub>prior</sub>(x(y)) − ln x'(y)]/ln 2, a one-dimensional integral done here by the midpoint rule.
 * Every assertion is within 4 standard errors (false-failure rate about 6·10⁻⁵ each).
 */
class BitsPerDimTest {

    private static TrainedRgFlow identity(RgFlowSettings settings, int size, int channels) {
        FlowArchitecture a = settings.architecture(size, channels);
        try (NDManager manager = TorchEngine.newManager();
             RgFlowNetwork network = new RgFlowNetwork(settings, a, manager, new SplittableRandom(3))) {
            return new TrainedRgFlow(settings, a, network.flow().weights(), 0, 0, new double[0]);
        }
    }

    private static ImageSet uniformBytes(int n, int channels, int size, long seed) {
        byte[] values = new byte[n * channels * size * size];
        new java.util.Random(seed).nextBytes(values);
        return new ImageSet(channels, size, values);
    }

    private static RgFlowSettings settings(Prior prior, Preprocessing preprocessing) {
        return new RgFlowSettings(false, prior, preprocessing, 2, 1, 8, 16, 1, 1e-3, 10, 1);
    }

    /** Affine x = 2y − 1, Gaussian prior: 8 + [½ ln 2π + E(x²)/2 − ln 2]/ln 2 with E(x²) = 1/3: 8.5661972 bits. */
    @Test
    void affineGaussianIdentityOnUniformBytes() {
        double exact = 8 + (0.5 * Math.log(2 * Math.PI) + 1.0 / 6 - Math.log(2)) / Math.log(2);
        assertThat(exact).isCloseTo(8.5661972, org.assertj.core.api.Assertions.within(1e-6));
        TrainedRgFlow flow = identity(settings(Prior.GAUSSIAN, Preprocessing.AFFINE), 8, 3);
        Estimate bits = RgFlowEvaluation.of(flow, uniformBytes(4000, 3, 8, 7), 11).bitsPerDim();
        assertThat(bits.sigmasFrom(exact)).as("%s vs %s", bits, exact).isLessThan(4);
        assertThat(bits.error()).isLessThan(0.01);
    }

    /** Logit (α = 0.05), Laplace prior: 8 + ∫₀¹ [|x| + ln 2 − ln x'(y)] dy / ln 2, the integral by 10⁶ midpoints. */
    @Test
    void logitLaplaceIdentityOnUniformBytes() {
        int m = 1_000_000;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double y = (i + 0.5) / m;
            double p = 0.05 + 0.9 * y;
            double x = Math.log(p / (1 - p));
            double derivative = 0.9 / (p * (1 - p));
            sum += Math.abs(x) + Math.log(2) - Math.log(derivative);
        }
        double exact = 8 + sum / m / Math.log(2);
        TrainedRgFlow flow = identity(settings(Prior.LAPLACE, Preprocessing.LOGIT), 4, 1);
        Estimate bits = RgFlowEvaluation.of(flow, uniformBytes(10000, 1, 4, 8), 12).bitsPerDim();
        assertThat(bits.sigmasFrom(exact)).as("%s vs %s", bits, exact).isLessThan(4);
        assertThat(exact).as("uniform bytes cannot be compressed below 8 bits").isGreaterThan(8);
    }

    /**
     * Per-level statistics of the identity flow on uniform bytes with the affine map: x = 2y − 1 is uniform on
     * [−1, 1] at every level, so mean 0, variance 1/3, mean |x| ½ and excess kurtosis −6/5 (4 errors of each, errors
     * from the known fourth and higher moments of the uniform law).
     */
    @Test
    void levelStatisticsOfUniformLatents() {
        TrainedRgFlow flow = identity(settings(Prior.LAPLACE, Preprocessing.AFFINE), 8, 1);
        RgFlowEvaluation e = RgFlowEvaluation.of(flow, uniformBytes(4000, 1, 8, 9), 13);
        assertThat(e.levels()).hasSize(3);
        int[] sites = {48, 12, 4};
        for (RgFlowEvaluation.LevelStatistics s : e.levels()) {
            double n = (double) s.latents() * 4000;
            assertThat(s.latents()).isEqualTo(sites[s.depth()]);
            // var(x) = 1/3, var(x²) = 1/5 − 1/9, var(|x|) = 1/3 − 1/4
            assertThat(Math.abs(s.mean())).isLessThan(4 * Math.sqrt(1.0 / 3 / n));
            assertThat(Math.abs(s.std() * s.std() - 1.0 / 3)).isLessThan(4 * Math.sqrt((0.2 - 1.0 / 9) / n));
            assertThat(Math.abs(s.meanAbs() - 0.5)).isLessThan(4 * Math.sqrt((1.0 / 3 - 0.25) / n));
            assertThat(s.excessKurtosis()).isBetween(-1.3, -1.1);
        }
    }
}
