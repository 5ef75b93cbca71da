package dev.coarse.learn.mi;

import java.util.Objects;

/**
 * How a critic is trained on samples and its bound estimated ({@link MiTrainer}).
 *
 * <p>The samples are split once, by a seeded permutation, into a training part and a held-out part of
 * {@code heldOutFraction} of them; the held-out part is halved into a validation half, which picks the epoch
 * whose critic is kept (early stopping), and a test half, on which that critic's bound is the reported estimate.
 * Scoring the kept critic on data that did not choose it keeps the maximum over epochs of a noisy validation
 * bound out of the estimate.
 *
 * @param bound           the bound trained and reported
 * @param batchSize       K, samples per mini-batch and per held-out scoring batch, ≥ 2 (InfoNCE is capped at ln K)
 * @param epochs          passes over the training part at most, ≥ 0 (0: the untrained critic is scored)
 * @param learningRate    Adam's step size η &gt; 0 (β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸, DJL's defaults)
 * @param patience        training stops after this many epochs, ≥ 1, without a better validation bound
 * @param heldOutFraction the share of the samples held out, in (0, 1); each half must hold ≥ 2 batches
 * @param standardize     whether every input column is shifted and scaled to zero mean and unit variance (by the
 *                        training part's moments) before the critic sees it; MI is unchanged by such maps
 * @param seed            fixes the split, the shuffles and the initial weights
 */
public record MiTrainingSettings(MiBound bound, int batchSize, int epochs, double learningRate, int patience,
        double heldOutFraction, boolean standardize, long seed) {

    /** The default batch size K. */
    public static final int DEFAULT_BATCH = 256;
    /** The default maximum number of epochs. */
    public static final int DEFAULT_EPOCHS = 50;
    /** The default Adam step size. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** The default patience, in epochs. */
    public static final int DEFAULT_PATIENCE = 5;
    /** The default held-out fraction. */
    public static final double DEFAULT_HELD_OUT = 0.2;

    public MiTrainingSettings {
        Objects.requireNonNull(bound, "bound");
        if (batchSize < 2) {
            throw new IllegalArgumentException("batch size must be at least 2, got " + batchSize);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1 epoch, got " + patience);
        }
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + heldOutFraction);
        }
    }

    /**
     * How N samples are divided: training part, validation half, test half.
     *
     * @param training   samples trained on, ≥ K
     * @param validation samples that pick the epoch, ≥ 2K
     * @param test       samples that give the estimate, ≥ 2K
     */
    public record Split(int training, int validation, int test) {
    }

    /**
     * The split of {@code samples} samples: round(N · heldOutFraction) held out, halved (the test half takes the odd
     * one).
     *
     * @throws IllegalArgumentException when the training part holds less than one batch or a held-out half less
     *                                  than two, saying which
     */
    public Split split(int samples) {
        int heldOut = (int) Math.round(samples * heldOutFraction);
        int validation = heldOut / 2;
        int training = samples - heldOut;
        if (training < batchSize) {
            throw new IllegalArgumentException("batch " + batchSize + " is larger than the " + training
                    + " training samples (" + samples + " samples, " + heldOutFraction + " held out)");
        }
        if (validation < 2 * batchSize) {
            throw new IllegalArgumentException("each half of the " + heldOut
                    + " held-out samples must hold 2 batches of " + batchSize + " (" + samples + " samples, "
                    + heldOutFraction + " held out): use a smaller batch, a larger held-out fraction or more samples");
        }
        return new Split(training, validation, heldOut - validation);
    }

    /** The defaults: K = 256, at most 50 epochs, η = 10⁻³, patience 5, 20% held out, standardised. */
    public static MiTrainingSettings defaults(MiBound bound, long seed) {
        return new MiTrainingSettings(bound, DEFAULT_BATCH, DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE, DEFAULT_PATIENCE,
                DEFAULT_HELD_OUT, true, seed);
    }

    public MiTrainingSettings withBound(MiBound b) {
        return new MiTrainingSettings(b, batchSize, epochs, learningRate, patience, heldOutFraction, standardize, seed);
    }

    public MiTrainingSettings withBatches(int size, int epochCount) {
        return new MiTrainingSettings(bound, size, epochCount, learningRate, patience, heldOutFraction, standardize,
                seed);
    }

    public MiTrainingSettings withLearningRate(double eta) {
        return new MiTrainingSettings(bound, batchSize, epochs, eta, patience, heldOutFraction, standardize, seed);
    }

    public MiTrainingSettings withStopping(int epochsWithoutImprovement, double heldOut) {
        return new MiTrainingSettings(bound, batchSize, epochs, learningRate, epochsWithoutImprovement, heldOut,
                standardize, seed);
    }

    public MiTrainingSettings withStandardize(boolean on) {
        return new MiTrainingSettings(bound, batchSize, epochs, learningRate, patience, heldOutFraction, on, seed);
    }

    public MiTrainingSettings withSeed(long s) {
        return new MiTrainingSettings(bound, batchSize, epochs, learningRate, patience, heldOutFraction, standardize,
                s);
    }
}
