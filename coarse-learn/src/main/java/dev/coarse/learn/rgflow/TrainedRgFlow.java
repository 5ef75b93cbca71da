package dev.coarse.learn.rgflow;

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
 */
public record TrainedRgFlow(RgFlowSettings settings, FlowArchitecture architecture, float[][] weights,
                            int epochsDone, double seconds, double[] trainBitsPerDim) {

    public TrainedRgFlow {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(weights, "weights");
        if (epochsDone < 0 || trainBitsPerDim.length != epochsDone || !(seconds >= 0)) {
            throw new IllegalArgumentException("need epochs done >= 0 with one training figure each and seconds >= 0, "
                    + "got " + epochsDone + ", " + trainBitsPerDim.length + ", " + seconds);
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
