package dev.coarse.learn.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.coarse.learn.engine.TorchEngine;
import java.util.Objects;
import java.util.SplittableRandom;
import dev.coarse.learn.engine.Scalars;

/**
 * Draws from a trained flow: latents z ∼ N(0, I) from a Coarse stream, fields x = g(z), and per draw the log
 * importance weight and the target's observable. Holds native memory: close it.
 */
public final class FlowSampler implements AutoCloseable {

    private final FlowTarget target;
    private final NDManager manager;
    private final HierarchicalFlow flow;
    private final int batch;
    private final boolean symmetric;

    /** One draw set: latents and fields as flat (n, C, L, L) row-major arrays, and the weights. */
    public record Draws(float[] latents, float[] fields, FlowSamples samples) {
    }

    public FlowSampler(FlowTarget target, TrainedFlow trained) {
        this.target = Objects.requireNonNull(target, "target");
        FlowArchitecture a = trained.architecture();
        if (a.linearSize() != target.linearSize() || a.channels() != target.channels()) {
            throw new IllegalArgumentException("the flow is for L = " + a.linearSize() + " with " + a.channels()
                    + " channel(s), the target is L = " + target.linearSize() + " with " + target.channels());
        }
        this.manager = TorchEngine.newManager();
        target.attach(manager);
        this.flow = new HierarchicalFlow(a, manager, new SplittableRandom(0));
        flow.setWeights(trained.weights());
        this.batch = trained.settings().batch();
        this.symmetric = trained.settings().symmetric();
    }

    /** Fills {@code out} with standard normal draws from {@code random}. Modified: {@code out}. */
    static void gaussian(float[] out, SplittableRandom random) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) random.nextGaussian();
        }
    }

    /** ln N(z; 0, I) per row of a (B, …) array. */
    static NDArray priorLogDensity(NDArray z) {
        long batch = z.getShape().get(0);
        long variables = z.size() / batch;
        return Scalars.sub(Scalars.mul(z.reshape(batch, variables).square().sum(new int[] {1}), -0.5),
                0.5 * variables * Math.log(2 * Math.PI));
    }

    /**
     * ln q(x) of the draws x = g(z) (shape (B)), given ln|det ∂g/∂z|; with {@code symmetric}, ln of
     * ½[q(x) + q(−x)], where q(−x) = N(g<sup>−1</sup>(−x)) |det ∂g<sup>−1</sup>/∂x| needs the inverse pass.
     */
    static NDArray logDensity(HierarchicalFlow flow, NDArray z, NDArray x, NDArray logDet, boolean symmetric) {
        NDArray lnQ = priorLogDensity(z).sub(logDet);
        if (!symmetric) {
            return lnQ;
        }
        NDList back = flow.inverse(x.neg());
        NDArray lnQMirror = priorLogDensity(back.get(0)).add(back.get(1));
        // log-sum-exp of the two, stable: max + ln(1 + e^{−|a−b|}) − ln 2
        NDArray max = lnQ.maximum(lnQMirror);
        NDArray gap = Scalars.add(lnQ.sub(lnQMirror).abs().neg().exp(), 1).log();
        return Scalars.sub(max.add(gap), Math.log(2));
    }

    /** n independent draws; {@code keep} also returns the latents and fields. */
    public Draws draw(int n, SplittableRandom random, boolean keep) {
        FlowArchitecture a = flow.architecture();
        int v = a.variables();
        int l = a.linearSize();
        double[] lnW = new double[n];
        double[] obs = new double[n];
        float[] latents = keep ? new float[n * v] : null;
        float[] fields = keep ? new float[n * v] : null;
        for (int start = 0; start < n; start += batch) {
            int b = Math.min(batch, n - start);
            float[] z = new float[b * v];
            gaussian(z, random);
            try (NDManager step = manager.newSubManager()) {
                NDArray zArray = step.create(z, new Shape(b, a.channels(), l, l));
                NDList out = flow.generate(zArray);
                NDArray x = out.get(0);
                NDArray lnQ = logDensity(flow, zArray, x, out.get(1), symmetric);
                if (symmetric) {
                    // a symmetrised draw is ±g(z) with equal odds; S, q_s and the observables are even in x
                    float[] signs = new float[b];
                    for (int i = 0; i < b; i++) {
                        signs[i] = random.nextBoolean() ? 1f : -1f;
                    }
                    x = x.mul(step.create(signs, new Shape(b, 1, 1, 1)));
                }
                float[] w = target.action(x).add(lnQ).neg().toFloatArray();
                float[] o = target.observable(x).toFloatArray();
                for (int i = 0; i < b; i++) {
                    lnW[start + i] = w[i];
                    obs[start + i] = o[i];
                }
                if (keep) {
                    System.arraycopy(z, 0, latents, start * v, b * v);
                    System.arraycopy(x.toFloatArray(), 0, fields, start * v, b * v);
                }
            }
        }
        return new Draws(latents, fields, new FlowSamples(lnW, obs, target.lnZOffset(), target.sites()));
    }

    @Override
    public void close() {
        flow.close();
        manager.close();
    }
}
