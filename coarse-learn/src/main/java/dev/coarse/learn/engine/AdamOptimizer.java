package dev.coarse.learn.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015) whose moment estimates can be read out and restored — DJL's {@code Adam} keeps them
 * private, so a checkpoint could not hold them. The arithmetic is DJL's own: the engine's fused {@code adamUpdate}
 * kernel with the same bias-corrected step size lr·√(1−β₂<sup>t</sup>)/(1−β₁<sup>t</sup>), β₁ = 0.9, β₂ = 0.999,
 * ε = 1e-8, no weight decay or clipping (clip the gradients before {@link #step}). Modifies the parameters and its
 * own moments in place. Not thread-safe. Used by the energy-trained flows ({@code learn.flow}) and RG-Flow
 * ({@code learn.rgflow}), whose checkpoints carry its {@link #state()}.
 */
public final class AdamOptimizer implements AutoCloseable {

    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final NDManager manager;
    private final List<NDArray> parameters;
    private final NDArray[] means;
    private final NDArray[] variances;
    private int steps;

    /** Fresh moments (zero) for {@code parameters}, or the ones in {@code state} when it is not null. */
    public AdamOptimizer(List<NDArray> parameters, NDManager parent, AdamState state) {
        this.parameters = List.copyOf(parameters);
        this.manager = parent.newSubManager();
        means = new NDArray[this.parameters.size()];
        variances = new NDArray[this.parameters.size()];
        if (state != null && state.means().length != means.length) {
            throw new IllegalArgumentException("the optimizer state covers " + state.means().length
                    + " parameters, the flow has " + means.length);
        }
        for (int i = 0; i < means.length; i++) {
            NDArray p = this.parameters.get(i);
            if (state == null) {
                means[i] = manager.zeros(p.getShape(), p.getDataType());
                variances[i] = manager.zeros(p.getShape(), p.getDataType());
            } else {
                if (state.means()[i].length != p.size()) {
                    throw new IllegalArgumentException("the optimizer state of parameter " + i + " has "
                            + state.means()[i].length + " values, the parameter " + p.size());
                }
                means[i] = manager.create(state.means()[i], p.getShape()).toType(p.getDataType(), false);
                variances[i] = manager.create(state.variances()[i], p.getShape()).toType(p.getDataType(), false);
            }
        }
        steps = state == null ? 0 : state.steps();
    }

    /** Updates taken so far. */
    public int steps() {
        return steps;
    }

    /**
     * One update of every parameter with its current gradient at step size {@code rate} (before bias correction);
     * the gradients are then zeroed.
     */
    public void step(float rate) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        float corrected = (float) (rate * Math.sqrt(correction2) / correction1);
        if (!Float.isFinite(corrected)) {
            throw new IllegalArgumentException("the learning rate is not finite: " + corrected);
        }
        for (int i = 0; i < means.length; i++) {
            NDArray p = parameters.get(i);
            try (NDArray grad = p.getGradient()) {
                p.getNDArrayInternal().adamUpdate(new NDList(p, grad, means[i], variances[i]), new NDList(p), rate,
                        corrected, 0f, 1f, -1f, BETA1, BETA2, EPSILON, true, false);
                grad.subi(grad);
            }
        }
    }

    /** A copy of the state, for a checkpoint. */
    public AdamState state() {
        float[][] m = new float[means.length][];
        float[][] v = new float[means.length][];
        for (int i = 0; i < means.length; i++) {
            m[i] = means[i].toType(DataType.FLOAT32, false).toFloatArray();
            v[i] = variances[i].toType(DataType.FLOAT32, false).toFloatArray();
        }
        return new AdamState(steps, m, v);
    }

    @Override
    public void close() {
        manager.close();
    }
}
