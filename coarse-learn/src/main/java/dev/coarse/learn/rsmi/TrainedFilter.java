package dev.coarse.learn.rsmi;

import dev.coarse.learn.mi.MiBound;
import dev.coarse.stats.Estimate;
import java.util.Objects;

/**
 * What {@link RsmiTrainer} returns: the filter and the information its hard hidden variables keep about the
 * environment.
 *
 * @param filter          the trained filter (hard argmax/sign)
 * @param settings        how it was trained
 * @param mi              the bound on I(H:E) of the trained critic with the hard H, on the held-out configurations'
 *                        pairs, in nats, with the delete-one-batch jackknife error
 * @param ceiling         the largest value the bound can take (ln K for InfoNCE, +∞ otherwise)
 * @param ceilingHit      whether {@code mi} is within 10% of the ceiling ({@link MiBound#nearCeiling}): then it
 *                        says more about K than about I(H:E)
 * @param steps           Adam steps taken
 * @param trainingPairs   (V, E) pairs trained on
 * @param heldOutPairs    (V, E) pairs scored for {@code mi}
 * @param trainingBounds  per epoch, the mean relaxed bound over its training batches
 * @param heldOutBounds   per epoch, the hard bound on the held-out pairs
 * @param intraOpThreads  PyTorch's intra-op thread count (results are bit-identical for one seed only at one count)
 */
public record TrainedFilter(RsmiFilter filter, RsmiTrainingSettings settings, Estimate mi, double ceiling,
        boolean ceilingHit, int steps, int trainingPairs, int heldOutPairs, double[] trainingBounds,
        double[] heldOutBounds, int intraOpThreads) {

    public TrainedFilter {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(mi, "mi");
        trainingBounds = trainingBounds.clone();
        heldOutBounds = heldOutBounds.clone();
    }

    @Override
    public double[] trainingBounds() {
        return trainingBounds.clone();
    }

    @Override
    public double[] heldOutBounds() {
        return heldOutBounds.clone();
    }
}
