package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDManager;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.learn.flow.FlowArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the latents of a trained flow show, as images y ∈ [0, 1] in the (C, L, L) layout: samples from the prior,
 * traversals of one latent per level, and mixing of two images' latents by level (Hu et al. 2020, Figs. 3–5).
 */
public final class LatentEdits {

    private LatentEdits() {
    }

    /** n samples from the prior at {@code temperature}, clamped to [0, 1]. */
    public static List<float[]> samples(TrainedRgFlow trained, int n, double temperature, long seed) {
        int d = trained.architecture().variables();
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[n * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) trained.settings().prior().draw(random, temperature);
        }
        return decode(trained, z, n);
    }

    /**
     * For each depth ℓ = 0 … k−1, {@code steps} images: the latents of image {@code index} with channel 0 of one site of
     * depth ℓ — (2<sup>ℓ</sup>, 2<sup>ℓ</sup>) below the top, (0, 0) at the top — set to values evenly spaced over
     * [−{@code range}, {@code range}].
     */
    public static List<List<float[]>> traversals(TrainedRgFlow trained, ImageSet images, int index, int steps,
                                                 double range) {
        if (steps < 2 || !(range > 0)) {
            throw new IllegalArgumentException("need steps >= 2 and a positive range, got " + steps + ", " + range);
        }
        FlowArchitecture a = trained.architecture();
        int l = a.linearSize();
        int d = a.variables();
        float[] base = encode(trained, images, index);
        List<List<float[]>> levels = new ArrayList<>();
        for (int level = 0; level < a.depth(); level++) {
            int s = level == a.depth() - 1 ? 0 : 1 << level;
            int site = s * l + s;
            float[] z = new float[steps * d];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(base, 0, z, t * d, d);
                z[t * d + site] = (float) (-range + 2 * range * t / (steps - 1));
            }
            levels.add(decode(trained, z, steps));
        }
        return levels;
    }

    /**
     * Mixing: for each cut c = 1 … k−1, the image whose latents of depth ≥ c are image {@code a}'s and of depth &lt; c
     * image {@code b}'s (coarse structure from a, fine detail from b); first a and b themselves reconstructed.
     */
    public static List<float[]> mixing(TrainedRgFlow trained, ImageSet images, int a, int b) {
        FlowArchitecture arch = trained.architecture();
        int l = arch.linearSize();
        int d = arch.variables();
        int k = arch.depth();
        float[] za = encode(trained, images, a);
        float[] zb = encode(trained, images, b);
        float[] z = new float[(k + 1) * d];
        System.arraycopy(za, 0, z, 0, d);
        System.arraycopy(zb, 0, z, d, d);
        for (int cut = 1; cut < k; cut++) {
            for (int i = 0; i < d; i++) {
                int site = i % (l * l);
                boolean coarse = RgFlowEvaluation.depth(site / l, site % l, k) >= cut;
                z[(cut + 1) * d + i] = coarse ? za[i] : zb[i];
            }
        }
        return decode(trained, z, k + 1);
    }

    private static float[] encode(TrainedRgFlow trained, ImageSet images, int index) {
        try (NDManager manager = TorchEngine.newManager(); RgFlowNetwork network = RgFlowNetwork.of(trained, manager)) {
            return network.latents(images.select(new int[] {index}).dequantise(0, 1, null), 1, manager);
        }
    }

    private static List<float[]> decode(TrainedRgFlow trained, float[] z, int n) {
        int d = trained.architecture().variables();
        try (NDManager manager = TorchEngine.newManager(); RgFlowNetwork network = RgFlowNetwork.of(trained, manager)) {
            float[] y = network.decode(z, n, manager);
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[] image = java.util.Arrays.copyOfRange(y, i * d, (i + 1) * d);
                for (int j = 0; j < d; j++) {
                    image[j] = Math.max(0, Math.min(1, image[j]));
                }
                out.add(image);
            }
            return out;
        }
    }
}
