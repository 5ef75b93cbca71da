package dev.coarse.learn.mi;

import dev.coarse.stats.Estimate;
import java.util.Objects;

/**
 * A trained critic's bound on held-out data, and how training went.
 *
 * <p>The error of {@link #value} is statistical: the spread of the bound over the test half's batches (a
 * delete-one-batch jackknife, {@link MiBound#pooled}), given the critic. It does not include how much the trained
 * critic itself varies with the seed (initial weights, shuffles, split), which costs a training per sample to
 * measure: rerun with other seeds for that. And a lower bound is below the MI by the critic's shortfall, which no
 * error bar shows (docs/info.md).
 *
 * @param value            the bound on the test half, in nats
 * @param bound            the bound
 * @param critic           the critic's short name ({@link Critic#id})
 * @param batchSize        K
 * @param epochsRun        epochs trained (≤ the maximum; fewer when stopped early)
 * @param bestEpoch        the epoch whose critic was kept and scored (0: the untrained critic)
 * @param stop             why training ended
 * @param trainingSize     samples in the training part
 * @param validationSize   samples in the validation half
 * @param testSize         samples in the test half (scored in ⌊testSize/K⌋ batches of K)
 * @param seed             the seed of the run
 * @param trainingBounds   the mean training-batch bound of epochs 1 … epochsRun (index epoch − 1)
 * @param validationBounds the validation bound of the critic after epochs 0 … epochsRun (index epoch)
 */
public record NeuralMiResult(Estimate value, MiBound bound, String critic, int batchSize, int epochsRun,
        int bestEpoch, Stop stop, int trainingSize, int validationSize, int testSize, long seed,
        double[] trainingBounds, double[] validationBounds) {

    /** Why training ended. */
    public enum Stop {
        /** The maximum number of epochs was reached. */
        EPOCHS("epochs"),
        /** {@code patience} epochs passed without a better validation bound. */
        PATIENCE("patience"),
        /** The training bound became NaN or infinite (learning rate too high, or DV/NWJ scores exploding). */
        DIVERGED("diverged");

        private final String id;

        Stop(String id) {
            this.id = id;
        }

        /** The name written in JSON. */
        public String id() {
            return id;
        }
    }

    public NeuralMiResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(critic, "critic");
        Objects.requireNonNull(stop, "stop");
        if (batchSize < 2 || epochsRun < 0 || bestEpoch < 0 || bestEpoch > epochsRun || trainingSize < batchSize
                || validationSize < batchSize || testSize < 2 * batchSize) {
            throw new IllegalArgumentException("inconsistent neural MI result: K = " + batchSize + ", epochs "
                    + epochsRun + ", best " + bestEpoch + ", sizes " + trainingSize + "/" + validationSize + "/"
                    + testSize);
        }
        if (trainingBounds.length != epochsRun || validationBounds.length != epochsRun + 1) {
            throw new IllegalArgumentException("histories of " + trainingBounds.length + " and "
                    + validationBounds.length + " epochs for " + epochsRun + " epochs run");
        }
        trainingBounds = trainingBounds.clone();
        validationBounds = validationBounds.clone();
    }

    /** The most the bound can be on batches of K: ln K for InfoNCE, +∞ otherwise. */
    public double ceiling() {
        return bound.ceiling(batchSize);
    }

    /**
     * Whether the estimate is within 10% of the ceiling: then it measures ln K more than the MI, which may be far
     * larger; use a larger batch, or DV or NWJ.
     */
    public boolean ceilingHit() {
        return bound.nearCeiling(value.mean(), batchSize);
    }

    /** Held-out samples, validation and test halves together. */
    public int heldOutSize() {
        return validationSize + testSize;
    }

    /** The test half's batches the estimate averages. */
    public int testBatches() {
        return testSize / batchSize;
    }

    @Override
    public double[] trainingBounds() {
        return trainingBounds.clone();
    }

    @Override
    public double[] validationBounds() {
        return validationBounds.clone();
    }
}
