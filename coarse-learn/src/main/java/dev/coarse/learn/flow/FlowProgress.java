package dev.coarse.learn.flow;

/** Told after every epoch of {@link FlowTrainer#train}; a CLI draws its progress bar and writes checkpoints. */
@FunctionalInterface
public interface FlowProgress {

    /**
     * @param epoch         the epoch just finished (1-based, counting resumed epochs)
     * @param epochs        the epochs asked for
     * @param boundPerSite  the epoch's mean variational bound on ln Z / N over its training batches
     * @param essFraction   the effective sample size fraction of the epoch's last batch
     * @param snapshot      the flow after this epoch (weights copied)
     */
    void epochDone(int epoch, int epochs, double boundPerSite, double essFraction, TrainedFlow snapshot);

    /** Does nothing. */
    FlowProgress NONE = (epoch, epochs, bound, ess, snapshot) -> { };
}
