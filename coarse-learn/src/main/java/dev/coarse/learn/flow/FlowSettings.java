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

    /** The architecture these settings give on an L×L lattice with the given channels. */
    public FlowArchitecture architecture(int linearSize, int channels) {
        return new FlowArchitecture(linearSize, channels, couplings, hiddenLayers, hiddenWidth);
    }
}
