package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDManager;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.learn.flow.FlowArchitecture;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Inpainting by resampling only the latents in a patch's past light cone ({@link LightCone}): the patch of an image
 * is corrupted (uniform noise), the corrupted image is encoded, the latents in the cone of the patch are redrawn from
 * the prior at a temperature for each of several candidates, and each candidate's patch is pasted into the corrupted
 * image (pixels outside the patch are kept); the candidate whose composite image is most likely under the flow wins.
 * Latents outside the cone are never changed, and by construction of the cone they are the only ones that cannot
 * reach the patch.
 *
 * @param original       the image, y = (k + ½)/256, (C, L, L)
 * @param corrupted      the image with its patch replaced by noise
 * @param inpainted      the winning composite
 * @param latents        the corrupted image's latents
 * @param resampled      the winning candidate's latents (equal to {@code latents} outside the cone, bit for bit)
 * @param cone           the cone's mask over the latents ((C, L, L) layout)
 * @param latentsTouched latents in the cone
 * @param latentsTotal   all latents, C·L²
 * @param patchErrorCorrupted mean squared pixel error in the patch, corrupted vs original
 * @param patchErrorInpainted mean squared pixel error in the patch, inpainted vs original
 */
public record Inpainting(float[] original, float[] corrupted, float[] inpainted, float[] latents, float[] resampled,
                         boolean[] cone, int latentsTouched, int latentsTotal, double patchErrorCorrupted,
                         double patchErrorInpainted) {

    /** Fraction of the latents touched. */
    public double fractionTouched() {
        return (double) latentsTouched / latentsTotal;
    }

    /**
     * Inpaints the patch (rows {@code top…}, columns {@code left…}) of image {@code index} of {@code images}.
     *
     * @param candidates  redraws of the cone's latents, ≥ 1
     * @param temperature the prior's scale for the redraws, positive
     */
    public static Inpainting run(TrainedRgFlow trained, ImageSet images, int index, int top, int left, int height,
                                 int width, int candidates, double temperature, long seed) {
        Objects.requireNonNull(trained, "trained");
        if (candidates < 1 || !(temperature > 0)) {
            throw new IllegalArgumentException("need candidates >= 1 and a positive temperature, got " + candidates
                    + ", " + temperature);
        }
        FlowArchitecture a = trained.architecture();
        int l = a.linearSize();
        int d = a.variables();
        boolean[] cone = LightCone.of(a, trained.settings().flat(), top, left, height, width);
        boolean[] patch = new boolean[l * l];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                patch[Math.floorMod(top + r, l) * l + Math.floorMod(left + c, l)] = true;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] original = images.select(new int[] {index}).dequantise(0, 1, null);
        float[] corrupted = original.clone();
        for (int i = 0; i < d; i++) {
            if (patch[i % (l * l)]) {
                corrupted[i] = (float) random.nextDouble();
            }
        }
        try (NDManager manager = TorchEngine.newManager(); RgFlowNetwork network = RgFlowNetwork.of(trained, manager)) {
            float[] z = network.latents(corrupted, 1, manager);
            float[] proposals = new float[candidates * d];
            Prior prior = trained.settings().prior();
            for (int n = 0; n < candidates; n++) {
                for (int i = 0; i < d; i++) {
                    proposals[n * d + i] = cone[i] ? (float) prior.draw(random, temperature) : z[i];
                }
            }
            float[] generated = network.decode(proposals, candidates, manager);
            float[] composites = new float[candidates * d];
            for (int n = 0; n < candidates; n++) {
                for (int i = 0; i < d; i++) {
                    float v = patch[i % (l * l)] ? generated[n * d + i] : corrupted[i];
                    composites[n * d + i] = Math.max(0.5f / 256, Math.min(1 - 0.5f / 256, v));
                }
            }
            float[] lnP;
            try (NDManager m = manager.newSubManager()) {
                lnP = network.encode(m.create(composites, network.shape(candidates))).get(1).toFloatArray();
            }
            int best = 0;
            for (int n = 1; n < candidates; n++) {
                if (lnP[n] > lnP[best]) {
                    best = n;
                }
            }
            float[] inpainted = java.util.Arrays.copyOfRange(composites, best * d, (best + 1) * d);
            float[] resampled = java.util.Arrays.copyOfRange(proposals, best * d, (best + 1) * d);
            double errCorrupted = 0;
            double errInpainted = 0;
            int inPatch = 0;
            for (int i = 0; i < d; i++) {
                if (patch[i % (l * l)]) {
                    errCorrupted += (corrupted[i] - original[i]) * (corrupted[i] - original[i]);
                    errInpainted += (inpainted[i] - original[i]) * (inpainted[i] - original[i]);
                    inPatch++;
                }
            }
            return new Inpainting(original, corrupted, inpainted, z, resampled, cone, LightCone.count(cone), d,
                    errCorrupted / inPatch, errInpainted / inPatch);
        }
    }
}
