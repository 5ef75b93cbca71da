package dev.coarse.learn.flow;

/**
 * How a flow is shaped and trained: per block {@code couplings} affine couplings with {@code hiddenLayers} ×
 * {@code hiddenWidth} tanh MLPs; Adam at {@code learningRate} on batches of {@code batch} latent draws,
 * {@code stepsPerEpoch} steps an epoch, {@code epochs} epochs; {@code evaluationSamples} fresh draws score the result.
 *
 * @param couplings         affine couplings per plaquette block, ≥ 1
 * @param hiddenLayers      hidden layers per coupling MLP, ≥ 1
 * @param hiddenWidth       units per hidden layer, ≥ 1
 * @param batch             latent draws per step, ≥ 2
 * @param epochs            epochs, ≥ 1
 * @param stepsPerEpoch     Adam steps per epoch, ≥ 1
 * @param learningRate      Adam's step size, positive and finite
 * @param evaluationSamples draws for the final estimates, ≥ 2
 * @param symmetric         Z₂-symmetrise the flow, q<sub>s</sub>(x) = ½[q(x) + q(−x)] (for targets with S(−x) = S(x)):
 *                          a flow trained on the energy (reverse KL) otherwise tends to settle in one of two
 *                          ordered modes and miss ln 2 of ln Z
 * @param seed              the one seed of the run
 */
public record FlowSettings(int couplings, int hiddenLayers, int hiddenWidth, int batch, int epochs, int stepsPerEpoch,
                           double learningRate, int evaluationSamples, boolean symmetric, long seed) {

    public FlowSettings {
        if (couplings < 1 || hiddenLayers < 1 || hiddenWidth < 1) {
            throw new IllegalArgumentException("couplings, hidden layers and hidden width must be >= 1, got "
                    + couplings + ", " + hiddenLayers + ", " + hiddenWidth);
        }
        if (batch < 2 || epochs < 1 || stepsPerEpoch < 1 || evaluationSamples < 2) {
            throw new IllegalArgumentException("need batch >= 2, epochs >= 1, steps per epoch >= 1 and evaluation "
                    + "samples >= 2, got " + batch + ", " + epochs + ", " + stepsPerEpoch + ", " + evaluationSamples);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
    }

    /**
     * A lower bound on the Java heap a run of {@link FlowTrainer} and the final draws ({@link FlowSampler}, then
     * {@link IndependenceMetropolis}) hold on an L×L lattice, for refusing before training one that cannot fit: a
     * batch of float latents (batch × L² × channels) while training and one while drawing, the fields of one batch, 36
     * bytes per evaluation draw (log weight, observable, importance weight and the independence sampler's series as
     * doubles, its state as an int), and the weights as floats four times (the flow's, the checkpoint snapshot's and
     * Adam's two moments). The network's activations and gradients live in libtorch's native memory, outside the
     * Java heap: they are not counted, and a heap that fits the estimate does not guarantee them room.
     *
     * @return bytes, saturating at {@link Long#MAX_VALUE}
     */
    public long estimatedBytes(int linearSize, int channels) {
        double variables = (double) linearSize * linearSize * Math.max(1, channels);
        double batches = 3 * variables * batch * Float.BYTES;
        double draws = 36.0 * evaluationSamples;
        double weights = 0;
        if (linearSize >= 2 && Integer.bitCount(linearSize) == 1 && channels >= 1) {
            for (long size : architecture(linearSize, channels).parameterSizes()) {
                weights += size;
            }
        }
        double bytes = batches + draws + 4 * weights * Float.BYTES;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** The architecture these settings give on an L×L lattice with the given channels. */
    public FlowArchitecture architecture(int linearSize, int channels) {
        return new FlowArchitecture(linearSize, channels, couplings, hiddenLayers, hiddenWidth);
    }
}
