package dev.coarse.learn.mi;

/**
 * Told after every epoch of a {@link MiTrainer} run, on the training thread: for progress bars, and for trainers
 * built on this one that change their network between epochs (RSMI anneals its Gumbel-softmax temperature
 * here). It must not close or re-initialise the block.
 */
@FunctionalInterface
public interface EpochListener {

    /** Does nothing. */
    EpochListener NONE = progress -> { };

    /** Epoch {@code progress.epoch()} is done. */
    void epochDone(Progress progress);

    /**
     * Where training stands after an epoch.
     *
     * @param epoch               the epoch just finished, from 1
     * @param epochs              the most epochs the run may take
     * @param trainingBound       the mean of the bound over this epoch's training batches, in nats
     * @param validationBound     the bound of this epoch's critic on the validation half, in nats
     * @param bestEpoch           the epoch whose critic is kept so far (0: the untrained one)
     * @param bestValidationBound its validation bound
     */
    record Progress(int epoch, int epochs, double trainingBound, double validationBound, int bestEpoch,
            double bestValidationBound) {
    }
}
