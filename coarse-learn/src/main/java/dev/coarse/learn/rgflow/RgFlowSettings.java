package dev.coarse.learn.rgflow;

import dev.coarse.learn.flow.FlowArchitecture;
import java.util.Objects;

/**
 * How an RG-Flow is shaped and trained by maximum likelihood.
 *
 * @param flat          the flat baseline (the same blocks, all on the full lattice) instead of the hierarchy
 * @param prior         the latents' prior
 * @param preprocessing the map from dequantised pixels to the flow's variables
 * @param couplings     affine couplings per plaquette block, ≥ 1
 * @param hiddenLayers  hidden layers per coupling MLP, ≥ 1
 * @param hiddenWidth   units per hidden layer, ≥ 1
 * @param batch         images per Adam step, ≥ 1
 * @param epochs        passes over the training images, ≥ 1
 * @param learningRate  Adam's step size, positive and finite
 * @param clipNorm      the gradient's global L2 norm is scaled down to at most this, positive (infinity: no clipping)
 * @param seed          the one seed of the run (weights, shuffles, dequantisation noise)
 */
public record RgFlowSettings(boolean flat, Prior prior, Preprocessing preprocessing, int couplings, int hiddenLayers,
                             int hiddenWidth, int batch, int epochs, double learningRate, double clipNorm, long seed) {

    public RgFlowSettings {
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(preprocessing, "preprocessing");
        if (couplings < 1 || hiddenLayers < 1 || hiddenWidth < 1) {
            throw new IllegalArgumentException("couplings, hidden layers and hidden width must be >= 1, got "
                    + couplings + ", " + hiddenLayers + ", " + hiddenWidth);
        }
        if (batch < 1 || epochs < 1) {
            throw new IllegalArgumentException("need batch >= 1 and epochs >= 1, got " + batch + ", " + epochs);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("the gradient clipping norm must be positive, got " + clipNorm);
        }
    }

    /** The flow's architecture on L×L images of {@code channels} channels. */
    public FlowArchitecture architecture(int linearSize, int channels) {
        return new FlowArchitecture(linearSize, channels, couplings, hiddenLayers, hiddenWidth);
    }

    /** The same settings with another epoch count. */
    public RgFlowSettings withEpochs(int newEpochs) {
        return new RgFlowSettings(flat, prior, preprocessing, couplings, hiddenLayers, hiddenWidth, batch, newEpochs,
                learningRate, clipNorm, seed);
    }

    /** The same settings for the other variant (flat or hierarchical). */
    public RgFlowSettings withFlat(boolean newFlat) {
        return new RgFlowSettings(newFlat, prior, preprocessing, couplings, hiddenLayers, hiddenWidth, batch, epochs,
                learningRate, clipNorm, seed);
    }
}
