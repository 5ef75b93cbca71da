package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.coarse.learn.flow.FlowArchitecture;
import dev.coarse.learn.flow.HierarchicalFlow;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A live RG-Flow: dequantised pixels y ∈ [0, 1]<sup>D</sup> → preprocessing x → latents z = g⁻¹(x) (the RG direction of
 * a {@link HierarchicalFlow}, or its flat variant), with the density
 * ln p(y) = ln p<sub>prior</sub>(z) + ln|det ∂z/∂x| + ln|det ∂x/∂y|. For 8-bit data the discrete likelihood obeys
 * ln P(k) ≥ E<sub>u</sub>[ln p((k + u)/256)] − D ln 256 (uniform dequantisation), so bits per dimension are
 * (D ln 256 − ln p(y)) / (D ln 2), an upper bound on the data's entropy rate in its expectation over u.
 * Not thread-safe; close it.
 */
public final class RgFlowNetwork implements AutoCloseable {

    private static final double LN2 = Math.log(2);
    private static final double LN256 = Math.log(256);

    private final RgFlowSettings settings;
    private final FlowArchitecture architecture;
    private final HierarchicalFlow flow;

    /** A network with fresh weights from {@code weights} (the flow starts at the identity). */
    public RgFlowNetwork(RgFlowSettings settings, FlowArchitecture architecture, NDManager manager,
                         SplittableRandom weights) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.flow = settings.flat() ? HierarchicalFlow.flat(architecture, manager, weights)
                : new HierarchicalFlow(architecture, manager, weights);
    }

    /** A network with a trained flow's weights. */
    public static RgFlowNetwork of(TrainedRgFlow trained, NDManager manager) {
        RgFlowNetwork network = new RgFlowNetwork(trained.settings(), trained.architecture(), manager,
                new SplittableRandom(0));
        network.flow.setWeights(trained.weights());
        return network;
    }

    public HierarchicalFlow flow() {
        return flow;
    }

    public RgFlowSettings settings() {
        return settings;
    }

    public FlowArchitecture architecture() {
        return architecture;
    }

    /** The array shape of a batch of n images. */
    public Shape shape(int n) {
        int l = architecture.linearSize();
        return new Shape(n, architecture.channels(), l, l);
    }

    /** y (B, C, L, L) → {z, ln p(y) of shape (B), in nats}. */
    public NDList encode(NDArray y) {
        NDList pre = settings.preprocessing().forward(y);
        NDList inv = flow.inverse(pre.get(0));
        NDArray z = inv.get(0);
        NDArray lnP = settings.prior().logDensity(z).add(inv.get(1)).add(pre.get(1));
        return new NDList(z, lnP);
    }

    /** Bits per dimension of a dequantised 8-bit image with density ln p(y) (nats) over D variables. */
    public static double bitsPerDim(double lnP, int dimensions) {
        return (dimensions * LN256 - lnP) / (dimensions * LN2);
    }

    /** Latents (n·D floats, (B, C, L, L) layout) → pixels y (same layout; may leave [0, 1] slightly). */
    public float[] decode(float[] z, int n, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = flow.generate(m.create(z, shape(n))).get(0);
            float[] out = x.toFloatArray();
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) settings.preprocessing().inverse(out[i]);
            }
            return out;
        }
    }

    /** Pixels y → latents z (n·D floats each, (B, C, L, L) layout). */
    public float[] latents(float[] y, int n, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            return encode(m.create(y, shape(n))).get(0).toFloatArray();
        }
    }

    @Override
    public void close() {
        flow.close();
    }
}
