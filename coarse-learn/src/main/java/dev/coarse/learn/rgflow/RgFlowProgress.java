package dev.coarse.learn.rgflow;

/** Told after every epoch of {@link RgFlowTrainer#train}; a CLI draws its progress bar and writes checkpoints. */
@FunctionalInterface
public interface RgFlowProgress {

    /**
     * @param epoch          the epoch just finished (1-based, counting resumed epochs)
     * @param epochs         the epochs asked for
     * @param trainBitsPerDim the epoch's mean training bits per dimension
     * @param snapshot       the flow after this epoch (weights copied)
     */
    void epochDone(int epoch, int epochs, double trainBitsPerDim, TrainedRgFlow snapshot);

    /** Does nothing. */
    RgFlowProgress NONE = (epoch, epochs, bits, snapshot) -> { };
}
