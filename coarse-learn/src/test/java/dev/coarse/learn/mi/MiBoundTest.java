package dev.coarse.learn.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.stats.Estimate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bounds' formulas on score matrices written out by hand: no training. */
class MiBoundTest {

    /** float32 scores summed over 64 entries: agreement of the engine's and the double-precision evaluation. */
    private static final double FLOAT_SUMS = 1e-5;

    private static float[] randomScores(int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] scores = new float[k * k];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) (3 * random.nextGaussian());
        }
        return scores;
    }

    /** The three bounds straight from their definitions (Poole et al. 2019), in double precision. */
    private static double definition(MiBound bound, float[] s, int k) {
        double joint = 0;
        double offDiagonal = 0;
        double infoNce = 0;
        for (int i = 0; i < k; i++) {
            joint += s[i * k + i] / (double) k;
            double row = 0;
            for (int j = 0; j < k; j++) {
                row += Math.exp(s[i * k + j]);
                if (j != i) {
                    offDiagonal += Math.exp(s[i * k + j]) / ((double) k * (k - 1));
                }
            }
            infoNce += (s[i * k + i] - Math.log(row / k)) / k;
        }
        return switch (bound) {
            case INFONCE -> infoNce;
            case DONSKER_VARADHAN -> joint - Math.log(offDiagonal);
            case NWJ -> joint - Math.exp(-1) * offDiagonal;
        };
    }

    @Test
    void engineBoundAndHeldOutStatisticsMatchTheDefinitions() {
        int k = 8;
        float[] s = randomScores(k, 3);
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray scores = manager.create(s, new Shape(k, k));
            for (MiBound bound : MiBound.values()) {
                double expected = definition(bound, s, k);
                assertThat((double) bound.batchBound(scores).getFloat()).as(bound.id())
                        .isCloseTo(expected, within(FLOAT_SUMS * (1 + Math.abs(expected))));
                // two identical batches pooled give the batch's own value, and zero spread
                double[] stats = MiBound.batchStatistics(s, k);
                Estimate pooled = bound.pooled(new double[][] {stats, stats.clone()});
                assertThat(pooled.mean()).as(bound.id()).isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
                assertThat(pooled.error()).isCloseTo(0, within(1e-9));
            }
        }
    }

    @Test
    void dvAndNwjPoolTheirExpectationsOverBatchesBeforeTheLogarithm() {
        int k = 6;
        float[] a = randomScores(k, 4);
        float[] b = randomScores(k, 5);
        double[][] stats = {MiBound.batchStatistics(a, k), MiBound.batchStatistics(b, k)};
        double joint = (stats[0][0] + stats[1][0]) / 2;
        double marginal = (Math.exp(stats[0][1]) + Math.exp(stats[1][1])) / 2;
        // with two batches the jackknife's bias correction is 2 f(all) − mean of the two leave-one-out values
        double dvAll = joint - Math.log(marginal);
        double dvJackknifed = 2 * dvAll - (definition(MiBound.DONSKER_VARADHAN, a, k)
                + definition(MiBound.DONSKER_VARADHAN, b, k)) / 2;
        assertThat(MiBound.DONSKER_VARADHAN.pooled(stats).mean()).isCloseTo(dvJackknifed, within(1e-9));
        double nwjMean = (definition(MiBound.NWJ, a, k) + definition(MiBound.NWJ, b, k)) / 2;
        assertThat(MiBound.NWJ.pooled(stats).mean()).isCloseTo(nwjMean, within(1e-9));
        assertThat(MiBound.NWJ.pooled(stats).error()).isCloseTo(
                Math.abs(definition(MiBound.NWJ, a, k) - definition(MiBound.NWJ, b, k)) / 2, within(1e-9));
    }

    @Test
    void infoNceCannotExceedLnKWhileDvCan() {
        int k = 16;
        float[] perfect = new float[k * k];
        for (int i = 0; i < k; i++) {
            perfect[i * k + i] = 40; // a critic that tells every true pair apart with certainty
        }
        double[] stats = MiBound.batchStatistics(perfect, k);
        double[][] two = {stats, stats};
        assertThat(MiBound.INFONCE.pooled(two).mean()).isCloseTo(Math.log(k), within(1e-12));
        assertThat(MiBound.INFONCE.ceiling(k)).isEqualTo(Math.log(k));
        assertThat(MiBound.INFONCE.nearCeiling(Math.log(k), k)).isTrue();
        assertThat(MiBound.INFONCE.nearCeiling(0.85 * Math.log(k), k)).isFalse();
        assertThat(MiBound.DONSKER_VARADHAN.pooled(two).mean()).isCloseTo(40, within(1e-9));
        assertThat(MiBound.DONSKER_VARADHAN.ceiling(k)).isInfinite();
        assertThat(MiBound.NWJ.nearCeiling(1e6, k)).isFalse();
    }

    @Test
    void namesRoundTripAndUnknownNamesAreRejected() {
        for (MiBound bound : MiBound.values()) {
            assertThat(MiBound.ofId(bound.id())).isSameAs(bound);
        }
        assertThat(MiBound.ofId("DV")).isSameAs(MiBound.DONSKER_VARADHAN);
        assertThatThrownBy(() -> MiBound.ofId("mine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown bound 'mine'");
        assertThatThrownBy(() -> MiBound.INFONCE.pooled(new double[][] {{0, 0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 batches");
    }
}
