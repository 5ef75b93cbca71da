package dev.coarse.learn.rgflow;

import dev.coarse.learn.engine.AdamState;
import dev.coarse.learn.flow.FlowArchitecture;
import java.util.Objects;

/**
 * A flow trained (or being trained) on images: its settings, architecture, weights, and progress.
 *
 * @param settings          how it was trained
 * @param architecture      its shape (L, channels, blocks)
 * @param weights           one flat array per parameter, in {@link dev.coarse.learn.flow.HierarchicalFlow#parameters()}
 *                          order (not copied)
 * @param epochsDone        epochs finished, ≥ 0
 * @param seconds           wall-clock seconds of training so far, over every session
 * @param trainBitsPerDim   per finished epoch: the mean training bits per dimension of its batches
 * @param optimizer         Adam's state after the last epoch (so a resumed run is bit-identical to an uninterrupted
 *                          one), or null (untrained, or a file written before Coarse kept it)
 */
public record TrainedRgFlow(RgFlowSettings settings, FlowArchitecture architecture, float[][] weights,
                            int epochsDone, double seconds, double[] trainBitsPerDim, AdamState optimizer) {

    /** A flow without optimizer state. */
    public TrainedRgFlow(RgFlowSettings settings, FlowArchitecture architecture, float[][] weights, int epochsDone,
            double seconds, double[] trainBitsPerDim) {
        this(settings, architecture, weights, epochsDone, seconds, trainBitsPerDim, null);
    }

    public TrainedRgFlow {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(weights, "weights");
        if (epochsDone < 0 || trainBitsPerDim.length != epochsDone || !(seconds >= 0)) {
            throw new IllegalArgumentException("need epochs done >= 0 with one training figure each and seconds >= 0, "
                    + "got " + epochsDone + ", " + trainBitsPerDim.length + ", " + seconds);
        }
        if (optimizer != null && optimizer.means().length != weights.length) {
            throw new IllegalArgumentException("the optimizer state covers " + optimizer.means().length
                    + " parameters, the flow has " + weights.length);
        }
    }

    /** Trainable numbers. */
    public long parameterCount() {
        long n = 0;
        for (float[] w : weights) {
            n += w.length;
        }
        return n;
    }
}
