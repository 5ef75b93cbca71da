package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.learn.flow.FlowArchitecture;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A trained flow scored on held-out images: bits per dimension (one dequantisation draw per image, so the mean is an
 * unbiased estimate of the dequantised bound and its error the standard error over images) and statistics of the
 * latents per level.
 *
 * @param bitsPerDim   the held-out bits per dimension, mean ± standard error over images
 * @param images       images scored
 * @param levels       per latent depth ℓ = 0 … k−1 (finest first)
 * @param bitsPerImage each image's bits per dimension (its one dequantisation draw), in the images' order
 */
public record RgFlowEvaluation(Estimate bitsPerDim, int images, List<LevelStatistics> levels, double[] bitsPerImage) {

    public RgFlowEvaluation {
        Objects.requireNonNull(bitsPerDim, "bitsPerDim");
        levels = List.copyOf(levels);
        bitsPerImage = bitsPerImage.clone();
        if (bitsPerImage.length != images) {
            throw new IllegalArgumentException("need one bits/dim per image: " + images + " images, "
                    + bitsPerImage.length + " values");
        }
    }

    @Override
    public double[] bitsPerImage() {
        return bitsPerImage.clone();
    }

    /**
     * {@code b} − {@code a} in bits per dimension, paired image by image: the mean of the per-image differences ±
     * their standard error. Two flows scored on the same images with the same dequantisation noise ({@link #of} with
     * the same seed) share most of their per-image variation (some images are simply harder), so the paired error is
     * far smaller than the two errors combined as if independent — the right error for "which flow is better on
     * these images".
     *
     * @throws IllegalArgumentException when the two were scored on different numbers of images
     */
    public static Estimate pairedDifference(RgFlowEvaluation a, RgFlowEvaluation b) {
        if (a.images != b.images) {
            throw new IllegalArgumentException("paired scores need the same images: " + a.images + " and " + b.images);
        }
        double[] d = new double[a.images];
        for (int i = 0; i < d.length; i++) {
            d[i] = b.bitsPerImage[i] - a.bitsPerImage[i];
        }
        return meanAndError(d);
    }

    /**
     * The latents of one depth: a site (i, j) of an L×L flow has depth min(v₂(i), v₂(j), k−1) (v₂: the 2-adic
     * valuation, v₂(0) = ∞) — the level at which the RG direction sets it aside; each site carries C latents.
     *
     * @param depth          ℓ
     * @param latents        latents of this depth per image (sites × channels)
     * @param mean           their mean over images and latents
     * @param std            their standard deviation
     * @param meanAbs        mean |z| (1 under the Laplace prior, √(2/π) under the Gaussian)
     * @param excessKurtosis ⟨z⁴⟩/⟨z²⟩² − 3 about the mean (3 for Laplace, 0 for Gaussian)
     * @param bitsPerLatent  mean −log₂ p<sub>prior</sub>(z) per latent of this depth
     */
    public record LevelStatistics(int depth, int latents, double mean, double std, double meanAbs,
                                  double excessKurtosis, double bitsPerLatent) {
    }

    /** Variables per evaluation batch (about 100 images of 32×32×3). */
    private static final int CHUNK_VARIABLES = 1 << 18;

    /** @throws IllegalArgumentException for images of another size or channel count than the flow takes */
    static void requireShape(FlowArchitecture a, ImageSet images) {
        if (images.size() != a.linearSize() || images.channels() != a.channels()) {
            throw new IllegalArgumentException("the flow takes " + a.channels() + "×" + a.linearSize() + "×"
                    + a.linearSize() + " images, got " + images.channels() + "×" + images.size() + "×"
                    + images.size());
        }
    }

    /** The depth of every variable of an image (channel-major, then row-major), as {@link #depth} gives it. */
    static int[] depthOfEach(FlowArchitecture a) {
        int l = a.linearSize();
        int k = a.depth();
        int[] depthOf = new int[a.channels() * l * l];
        for (int c = 0; c < a.channels(); c++) {
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < l; j++) {
                    depthOf[(c * l + i) * l + j] = depth(i, j, k);
                }
            }
        }
        return depthOf;
    }

    /** Scores {@code trained} on {@code images} with dequantisation noise from {@code seed}. */
    public static RgFlowEvaluation of(TrainedRgFlow trained, ImageSet images, long seed) {
        FlowArchitecture a = trained.architecture();
        requireShape(a, images);
        int n = images.count();
        int d = images.dimensions();
        int l = a.linearSize();
        int k = a.depth();
        int[] depthOf = depthOfEach(a);
        double[][] moments = new double[k][7];
        double[] bits = new double[n];
        SplittableRandom noise = new SplittableRandom(seed);
        Prior prior = trained.settings().prior();
        try (NDManager manager = TorchEngine.newManager(); RgFlowNetwork network = RgFlowNetwork.of(trained, manager)) {
            int chunkSize = Math.max(1, CHUNK_VARIABLES / d);
            for (int from = 0; from < n; from += chunkSize) {
                int m = Math.min(chunkSize, n - from);
                try (NDManager chunk = manager.newSubManager()) {
                    NDList out = network.encode(chunk.create(images.dequantise(from, m, noise), network.shape(m)));
                    float[] lnP = out.get(1).toFloatArray();
                    float[] z = out.get(0).toFloatArray();
                    for (int i = 0; i < m; i++) {
                        bits[from + i] = RgFlowNetwork.bitsPerDim(lnP[i], d);
                    }
                    for (int i = 0; i < z.length; i++) {
                        double v = z[i];
                        double[] s = moments[depthOf[i % d]];
                        s[0]++;
                        s[1] += v;
                        s[2] += v * v;
                        s[3] += Math.abs(v);
                        s[4] += -prior.logDensity(v) / Math.log(2);
                        s[5] += v * v * v;
                        s[6] += v * v * v * v;
                    }
                }
            }
            List<LevelStatistics> levels = new ArrayList<>();
            for (int level = 0; level < k; level++) {
                double[] s = moments[level];
                double count = s[0];
                double mu = s[1] / count;
                double m2 = s[2] / count;
                double var = m2 - mu * mu;
                double central4 = s[6] / count - 4 * mu * s[5] / count + 6 * mu * mu * m2 - 3 * mu * mu * mu * mu;
                levels.add(new LevelStatistics(level, (int) (count / n), mu, Math.sqrt(var), s[3] / count,
                        central4 / (var * var) - 3, s[4] / count));
            }
            return new RgFlowEvaluation(meanAndError(bits), n, levels, bits);
        }
    }

    /** The depth of site (i, j) in an L = 2<sup>k</sup> flow. */
    public static int depth(int i, int j, int k) {
        int vi = i == 0 ? k : Integer.numberOfTrailingZeros(i);
        int vj = j == 0 ? k : Integer.numberOfTrailingZeros(j);
        return Math.min(Math.min(vi, vj), k - 1);
    }

    static Estimate meanAndError(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Estimate.of(mean, x.length > 1 ? Math.sqrt(ss / (x.length - 1) / x.length) : Double.NaN);
    }
}
