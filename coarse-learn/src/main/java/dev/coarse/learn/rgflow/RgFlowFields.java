package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.learn.flow.FlowArchitecture;

/**
 * A hierarchical RG-Flow's coarse fields: after its first n levels (RG direction, image → latents) the field
 * φ<sub>n</sub> on the sites of the stride-2<sup>n</sup> grid, n = 1 … k−1 — the flow's analogue of a block spin at
 * level n. Read without noise (each pixel at its dequantisation cell's midpoint, y = (k + ½)/256), so that an image has
 * one reading. φ<sub>n</sub> at grid site (a, b) sits at the 2<sup>n</sup>×2<sup>n</sup> block whose lowest corner is
 * (a·2<sup>n</sup>, b·2<sup>n</sup>), but is a function of the whole past light cone of that site, not of the block
 * alone.
 */
public final class RgFlowFields {

    /** Variables per evaluation batch. */
    private static final int CHUNK_VARIABLES = 1 << 18;

    private RgFlowFields() {
    }

    /**
     * φ<sub>n</sub> for n = 1 … {@code levels}: {@code [n − 1][image][(a·M + b)·C + c]}, M = L/2<sup>n</sup>.
     *
     * @throws IllegalArgumentException for a flat flow, images of another shape, or levels outside 1 … k−1
     */
    public static double[][][] of(TrainedRgFlow trained, ImageSet images, int levels) {
        FlowArchitecture a = trained.architecture();
        if (trained.settings().flat()) {
            throw new IllegalArgumentException("a flat flow has no coarse fields: use a hierarchical RG-Flow");
        }
        RgFlowEvaluation.requireShape(a, images);
        int k = a.depth();
        if (levels < 1 || levels > k - 1) {
            throw new IllegalArgumentException("an L = " + a.linearSize() + " flow has coarse fields at levels 1 … "
                    + (k - 1) + ", asked for " + levels);
        }
        int n = images.count();
        int d = images.dimensions();
        int l = a.linearSize();
        int c = a.channels();
        double[][][] out = new double[levels][n][];
        try (NDManager manager = TorchEngine.newManager(); RgFlowNetwork network = RgFlowNetwork.of(trained, manager)) {
            int chunkSize = Math.max(1, CHUNK_VARIABLES / d);
            for (int from = 0; from < n; from += chunkSize) {
                int m = Math.min(chunkSize, n - from);
                try (NDManager chunk = manager.newSubManager()) {
                    NDList x = trained.settings().preprocessing().forward(
                            chunk.create(images.dequantise(from, m, null), network.shape(m)));
                    NDList inv = network.flow().inverseByLevel(x.get(0));
                    for (int level = 1; level <= levels; level++) {
                        float[] field = inv.get(1 + level).toFloatArray();
                        int stride = 1 << level;
                        int side = l / stride;
                        for (int i = 0; i < m; i++) {
                            double[] phi = new double[side * side * c];
                            for (int p = 0; p < side; p++) {
                                for (int q = 0; q < side; q++) {
                                    for (int ch = 0; ch < c; ch++) {
                                        phi[(p * side + q) * c + ch] =
                                                field[i * d + (ch * l + p * stride) * l + q * stride];
                                    }
                                }
                            }
                            out[level - 1][from + i] = phi;
                        }
                    }
                }
            }
        }
        return out;
    }
}
