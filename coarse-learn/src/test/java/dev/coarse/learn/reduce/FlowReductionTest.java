package dev.coarse.learn.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.learn.rgflow.ImageSet;
import dev.coarse.learn.rgflow.Preprocessing;
import dev.coarse.learn.rgflow.Prior;
import dev.coarse.learn.rgflow.RgFlowEvaluation;
import dev.coarse.learn.rgflow.RgFlowProgress;
import dev.coarse.learn.rgflow.RgFlowScales;
import dev.coarse.learn.rgflow.RgFlowSettings;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/** {@link FlowReduction}: RG-Flow reading a field whose coarse variables are known. */
class FlowReductionTest {

    static final int L = 8;

    /** Samples of an 8×8 field constant on 2×2 blocks, block values N(0, 1), plus N(0, σ²) per pixel. */
    static double[][] blockField(int samples, double sigma, double[][] blocks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = L / 2;
        double[][] columns = new double[L * L][samples];
        for (int r = 0; r < samples; r++) {
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    double v = random.nextGaussian();
                    blocks[a * m + b][r] = v;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            columns[(2 * a + dy) * L + 2 * b + dx][r] = v + sigma * random.nextGaussian();
                        }
                    }
                }
            }
        }
        return columns;
    }

    /** R² of the least-squares fit of y on the columns of x and an intercept. */
    static double rSquared(double[] y, double[][] x) {
        int n = y.length;
        SimpleMatrix design = new SimpleMatrix(n, x.length + 1);
        SimpleMatrix target = new SimpleMatrix(n, 1);
        double mean = 0;
        for (int r = 0; r < n; r++) {
            design.set(r, 0, 1);
            for (int j = 0; j < x.length; j++) {
                design.set(r, j + 1, x[j][r]);
            }
            target.set(r, 0, y[r]);
            mean += y[r] / n;
        }
        SimpleMatrix residual = target.minus(design.mult(design.solve(target)));
        double total = 0;
        for (int r = 0; r < n; r++) {
            total += (y[r] - mean) * (y[r] - mean);
        }
        return 1 - residual.dot(residual) / total;
    }

    /**
     * A field constant on 2×2 blocks (block values N(0, 1), 1,024 samples of 8×8, pixel noise σ = 0.01), reduced by
     * a flow trained here (Gaussian prior, logit, 2 couplings, width 32, batch 32, 8 epochs, Adam 0.01, seed 1;
     * about 15 s). The block values are all there is to the field beyond noise, so:
     * <ul>
     * <li>level 1's 16 coarse latents carry every block value: the least-squares R² of each block value on them is
     * ≥ 0.95. A perfect reading recovers B up to the pixel noise and the quantisation (step = range/255 ≈ 0.035):
     * R² = 1/(1 + σ²<sub>e</sub>) with σ²<sub>e</sub> ≤ 0.01² + 0.035²/12, i.e. ≥ 0.9998; the bound leaves an
     * imperfect flow 5 % of the variance (seed 1 gives 0.990);</li>
     * <li>the three detail latents (depth 0) of a block carry almost none of it: R² ≤ 0.3. A perfect flow leaves them
     * independent of B, R² then being chance, 3/(n − 1) ≈ 0.003 ± 0.003; the untrained flow (the identity) has
     * 0.997 (measured with a learning rate of 10⁻⁹), so the test fails unless training moved the block value out of
     * the details (seed 1: 0.095).</li>
     * </ul>
     * The code lengths by depth add up to the flow's bits/dim as {@link RgFlowEvaluation} computes them on its own
     * (same dequantisation draws), and level 2 sits on level 1: kept₁ = kept₂ + lost₂.
     */
    @Test
    void coarseLatentsCarryTheBlockValuesAndTheDetailsOnlyNoise() {
        int n = 1024;
        double[][] blocks = new double[16][n];
        double[][] columns = blockField(n, 0.01, blocks, 5);
        ReductionInput input = ReductionInput.table("blocks", columns);
        RgFlowSettings settings = new RgFlowSettings(false, Prior.GAUSSIAN, Preprocessing.LOGIT, 2, 1, 32, 32, 8, 1e-2,
                50, 1);
        FlowReduction.Outcome outcome = FlowReduction.train(input, 2, settings, Double.POSITIVE_INFINITY,
                RgFlowProgress.NONE, 2);
        assertThat(outcome.quantisation()).isNotNull();
        ReductionResult.Level level = outcome.result().levels().get(0);
        assertThat(level.inputs()).isEqualTo(64);
        assertThat(level.outputs()).isEqualTo(16);
        assertThat(level.continuous()).isTrue();
        assertThat(level.labels()[9]).as("pixel (1, 1) is in block (0, 0)").isZero();
        assertThat(level.labels()[2 * L + 6]).as("pixel (2, 6) is in block (1, 3)").isEqualTo(4 + 3);
        double[][] coarse = new double[level.outputs()][n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < level.outputs(); j++) {
                coarse[j][r] = level.value(r, j);
            }
        }
        ImageSet images = FlowReduction.images(input).images();
        RgFlowScales scales = RgFlowScales.of(outcome.flow(), images, 3);
        int[][] detailSites = {{0, 1}, {1, 0}, {1, 1}};
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double[] y = blocks[a * 4 + b];
                assertThat(rSquared(y, coarse)).as("block (%d, %d) from the coarse latents", a, b)
                        .isGreaterThanOrEqualTo(0.95);
                double[][] detail = new double[3][n];
                for (int s = 0; s < 3; s++) {
                    for (int r = 0; r < n; r++) {
                        detail[s][r] = scales.latents()[r][(2 * a + detailSites[s][0]) * L + 2 * b
                                + detailSites[s][1]];
                    }
                }
                assertThat(rSquared(y, detail)).as("block (%d, %d) from its detail latents", a, b)
                        .isLessThanOrEqualTo(0.3);
            }
        }
        assertThat(outcome.bitsPerDim().mean()).isCloseTo(RgFlowEvaluation.of(outcome.flow(), images, 2)
                .bitsPerDim().mean(), within(1e-4));
        ReductionResult.Level top = outcome.result().levels().get(1);
        assertThat(top.inputs()).isEqualTo(16);
        assertThat(top.outputs()).isEqualTo(4);
        assertThat(level.kept().mean()).isCloseTo(top.kept().mean() + top.lost().mean(), within(1e-9));
        assertThat(outcome.result().composedLabels(2)[7 * L + 7]).as("pixel (7, 7) ends in top site (1, 1)")
                .isEqualTo(3);
    }

    /**
     * The untrained flow is the identity (ln|det| = 0, z = x), so under the Gaussian prior the code length of level
     * n's field scaled to unit variance is, per sample on average, Σ over its N variables v of ½⟨x<sub>v</sub>²⟩ +
     * ½ ln 2π, minus N ln σ, σ the standard deviation of x pooled over those variables and the samples — computed
     * here from the preprocessed pixels directly (at the dequantisation midpoint; the noise of the flow's draws moves
     * each term by well under 0.01 nats, 64 terms by under 1).
     */
    @Test
    void theIdentityFlowCostsTheGaussianCodeLengthOfTheScaledField() {
        int n = 400;
        double[][] blocks = new double[16][n];
        ReductionInput input = ReductionInput.table("blocks", blockField(n, 0.3, blocks, 6));
        RgFlowSettings settings = new RgFlowSettings(false, Prior.GAUSSIAN, Preprocessing.LOGIT, 2, 1, 8, 32, 1, 1e-3,
                50, 1);
        ImageSet images = FlowReduction.images(input).images();
        dev.coarse.learn.flow.FlowArchitecture architecture = settings.architecture(L, 1);
        float[][] weights;
        try (ai.djl.ndarray.NDManager manager = dev.coarse.learn.engine.TorchEngine.newManager();
             dev.coarse.learn.rgflow.RgFlowNetwork network = new dev.coarse.learn.rgflow.RgFlowNetwork(settings,
                     architecture, manager, new SplittableRandom(1))) {
            weights = network.flow().weights();
        }
        FlowReduction.Outcome outcome = FlowReduction.apply(input, 2,
                new dev.coarse.learn.rgflow.TrainedRgFlow(settings, architecture, weights, 0, 0, new double[0]), 7);
        float[] y = images.dequantise(0, n, null);
        for (int level = 0; level <= 2; level++) {
            int stride = 1 << level;
            double sum = 0;
            double squares = 0;
            int count = 0;
            for (int i = 0; i < L; i += stride) {
                for (int j = 0; j < L; j += stride) {
                    for (int r = 0; r < n; r++) {
                        double p = Preprocessing.ALPHA + (1 - 2 * Preprocessing.ALPHA) * y[r * L * L + i * L + j];
                        double x = Math.log(p / (1 - p));
                        sum += x;
                        squares += x * x;
                        count++;
                    }
                }
            }
            double mean = sum / count;
            double variance = (squares - count * mean * mean) / (count - 1);
            int sites = count / n;
            double expected = 0.5 * squares / n + sites * (0.5 * Math.log(2 * Math.PI) - 0.5 * Math.log(variance));
            double measured = level == 0
                    ? outcome.result().levels().get(0).kept().mean() + outcome.result().levels().get(0).lost().mean()
                    : outcome.result().levels().get(level - 1).kept().mean();
            assertThat(measured).as("level %d", level).isCloseTo(expected, within(1.0));
        }
    }

    @Test
    void refusesWhatIsNotAFieldOfSideAPowerOfTwo() {
        assertThatThrownBy(() -> FlowReduction.images(ReductionInput.table("six", varying(36, 4))))
                .hasMessageContaining("L = 6 is not a power of two ≥ 4").hasMessageContaining("L×L field");
        assertThatThrownBy(() -> FlowReduction.images(ReductionInput.table("ten", varying(10, 4))))
                .hasMessageContaining("10 columns are not L² values");
        assertThatThrownBy(() -> FlowReduction.images(ReductionInput.table("two", varying(4, 4))))
                .hasMessageContaining("L = 2 is not a power of two ≥ 4");
        assertThatThrownBy(() -> FlowReduction.images(new ReductionInput("a chain of 16 sites", varying(16, 4), null,
                null))).hasMessageContaining("no L×L geometry");
        double[][] nan = varying(16, 4);
        nan[3][2] = Double.NaN;
        assertThatThrownBy(() -> FlowReduction.images(ReductionInput.table("nan", nan)))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> FlowReduction.train(ReductionInput.table("four", varying(16, 4)), 2,
                FlowReduction.defaultSettings(1), 1, RgFlowProgress.NONE, 1))
                .hasMessageContaining("--levels 2 needs L ≥ 8").hasMessageContaining("at most 1");
    }

    /** Columns that are not constant: column j of sample r is j + r. */
    private static double[][] varying(int width, int samples) {
        double[][] columns = new double[width][samples];
        for (int j = 0; j < width; j++) {
            for (int r = 0; r < samples; r++) {
                columns[j][r] = j + r * r;
            }
        }
        return columns;
    }
}
