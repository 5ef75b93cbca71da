package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.learn.flow.FlowArchitecture;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A trained hierarchical RG-Flow's reading of images scale by scale: every image's latents, and its code length split
 * by depth. Level ℓ of the flow maps the field on the stride-2<sup>ℓ</sup> sites to the field on the
 * stride-2<sup>ℓ+1</sup> sites and the latents of depth ℓ, with ln|det J<sub>ℓ</sub>| (x → z); the prior makes those
 * latents independent of the coarser field, so −ln p(φ<sub>ℓ</sub>) = −ln p(φ<sub>ℓ+1</sub>) + c<sub>ℓ</sub> with
 * c<sub>ℓ</sub> = −Σ<sub>depth ℓ</sub> ln p<sub>prior</sub>(z) − ln|det J<sub>ℓ</sub>| — the nats the flow spends on
 * the detail level ℓ sets aside, in the flow's variables. Summed over ℓ they give −ln p(x); adding the pixel term
 * D ln 256 − ln|det ∂x/∂y| gives the image's dequantised code length, so bits/dim is
 * (pixel term + Σ c<sub>ℓ</sub>)/(D ln 2), as {@link RgFlowNetwork#bitsPerDim}.
 *
 * <p>The split between levels is not fixed by the data: a flow may scale its coarse field φ<sub>n</sub> by any
 * factor and undo it at the next level, moving ln(factor) nats per variable between c<sub>n−1</sub> and the levels
 * above; its blocks are shared by all sites, so the factor is one per channel. {@link #logScale} fixes that gauge:
 * with g<sub>n</sub> = Σ<sub>c</sub> N<sub>n</sub> ln σ<sub>n,c</sub>, σ<sub>n,c</sub> the standard deviation of
 * channel c of φ<sub>n</sub> pooled over its N<sub>n</sub> sites and the images (φ<sub>0</sub> = the preprocessed
 * pixels), −ln p(φ<sub>n</sub>) − g<sub>n</sub> is the code length of the field with each channel divided by its
 * σ<sub>n,c</sub>, which no such rescaling changes (a Gaussian variable of unit variance costs ½ ln 2πe ≈ 1.419 nats).
 *
 * @param architecture the flow's shape (L = 2<sup>k</sup>, C)
 * @param latents      per image the latents at the dequantisation midpoint (pixel k ↦ (k + ½)/256, no noise, so
 *                     that an image has one reading), D floats in (C, L, L) layout
 * @param codeLength   per image and depth ℓ = 0 … k−1, c<sub>ℓ</sub> in nats, with one uniform dequantisation draw
 *                     per image (an unbiased estimate of its expectation over the noise)
 * @param pixelNats    per image, D ln 256 − ln|det ∂x/∂y| with the same draw, nats
 * @param logScale     per level n = 0 … k−1, g<sub>n</sub> = Σ<sub>c</sub> N<sub>n</sub> ln σ<sub>n,c</sub> for
 *                     φ<sub>n</sub> (the values at the N<sub>n</sub> = (L/2<sup>n</sup>)² sites of the
 *                     stride-2<sup>n</sup> grid after n levels), with the same draws
 */
public record RgFlowScales(FlowArchitecture architecture, float[][] latents, double[][] codeLength,
                           double[] pixelNats, double[] logScale) {

    /** Variables per evaluation batch. */
    private static final int CHUNK_VARIABLES = 1 << 18;

    public RgFlowScales {
        Objects.requireNonNull(architecture, "architecture");
        if (latents.length != codeLength.length || latents.length != pixelNats.length || latents.length < 1) {
            throw new IllegalArgumentException("need one row of latents, code lengths and pixel nats per image, got "
                    + latents.length + ", " + codeLength.length + ", " + pixelNats.length);
        }
        if (logScale.length != architecture.depth()) {
            throw new IllegalArgumentException("need one scale per level, got " + logScale.length);
        }
    }

    /** Images read. */
    public int images() {
        return latents.length;
    }

    /**
     * Reads {@code images} with {@code trained} (a hierarchical flow of their shape), the dequantisation noise of the
     * code lengths from {@code seed}.
     *
     * @throws IllegalArgumentException for a flat flow (it has no scales) or images of another shape
     */
    public static RgFlowScales of(TrainedRgFlow trained, ImageSet images, long seed) {
        FlowArchitecture a = trained.architecture();
        if (trained.settings().flat()) {
            throw new IllegalArgumentException("a flat flow has no scales: use a hierarchical RG-Flow");
        }
        RgFlowEvaluation.requireShape(a, images);
        int n = images.count();
        int d = images.dimensions();
        int l = a.linearSize();
        int k = a.depth();
        int[] depthOf = RgFlowEvaluation.depthOfEach(a);
        float[][] latents = new float[n][];
        double[][] code = new double[n][k];
        double[] pixel = new double[n];
        double[][] sum = new double[k][d];
        double[][] squares = new double[k][d];
        SplittableRandom noise = new SplittableRandom(seed);
        Prior prior = trained.settings().prior();
        Preprocessing pre = trained.settings().preprocessing();
        try (NDManager manager = TorchEngine.newManager(); RgFlowNetwork network = RgFlowNetwork.of(trained, manager)) {
            if (n < 2) {
                throw new IllegalArgumentException("need at least two images to scale the fields, got " + n);
            }
            int chunkSize = Math.max(1, CHUNK_VARIABLES / d);
            for (int from = 0; from < n; from += chunkSize) {
                int m = Math.min(chunkSize, n - from);
                float[] z = network.latents(images.dequantise(from, m, null), m, manager);
                for (int i = 0; i < m; i++) {
                    latents[from + i] = java.util.Arrays.copyOfRange(z, i * d, (i + 1) * d);
                }
                try (NDManager chunk = manager.newSubManager()) {
                    NDList x = pre.forward(chunk.create(images.dequantise(from, m, noise), network.shape(m)));
                    NDList inv = network.flow().inverseByLevel(x.get(0));
                    float[] zz = inv.get(0).toFloatArray();
                    float[] ld = inv.get(1).toFloatArray();
                    float[] preLd = x.get(1).toFloatArray();
                    for (int i = 0; i < m; i++) {
                        double[] c = code[from + i];
                        for (int v = 0; v < d; v++) {
                            c[depthOf[v]] -= prior.logDensity(zz[i * d + v]);
                        }
                        for (int level = 0; level < k; level++) {
                            c[level] -= ld[i * k + level];
                        }
                        pixel[from + i] = d * Math.log(256) - preLd[i];
                    }
                    for (int level = 0; level < k; level++) {
                        float[] field = (level == 0 ? x.get(0) : inv.get(1 + level)).toFloatArray();
                        for (int v = 0; v < field.length; v++) {
                            if (depthOf[v % d] >= level) {
                                double value = field[v];
                                sum[level][v % d] += value;
                                squares[level][v % d] += value * value;
                            }
                        }
                    }
                }
            }
        }
        double[] logScale = new double[k];
        for (int level = 0; level < k; level++) {
            for (int channel = 0; channel < a.channels(); channel++) {
                double total = 0;
                double totalSquares = 0;
                long count = 0;
                for (int v = channel * l * l; v < (channel + 1) * l * l; v++) {
                    if (depthOf[v] >= level) {
                        total += sum[level][v];
                        totalSquares += squares[level][v];
                        count += n;
                    }
                }
                double mean = total / count;
                double variance = (totalSquares - count * mean * mean) / (count - 1);
                logScale[level] += count / n * 0.5 * Math.log(variance);
            }
        }
        return new RgFlowScales(a, latents, code, pixel, logScale);
    }

    /**
     * Image r's code length of the level-n field, each channel scaled to unit variance, −ln p(φ<sub>n</sub>) − g<sub>n</sub> =
     * Σ<sub>ℓ ≥ n</sub> c<sub>ℓ</sub> − g<sub>n</sub> (n = 0: the pixels in the flow's variables), nats.
     */
    public double standardisedCodeLength(int r, int level) {
        double total = -logScale[level];
        for (int depth = level; depth < codeLength[r].length; depth++) {
            total += codeLength[r][depth];
        }
        return total;
    }

    /** Image r's bits per dimension: (pixel term + Σ<sub>ℓ</sub> c<sub>ℓ</sub>)/(D ln 2). */
    public double bitsPerDim(int r) {
        double total = pixelNats[r];
        for (double c : codeLength[r]) {
            total += c;
        }
        return total / (architecture.variables() * Math.log(2));
    }
}
