package dev.coarse.learn.rsmi;

/**
 * An RSMI training ended with a non-finite filter weight. Users see it as a one-line error with its advice (a smaller
 * learning rate); a study retries with another seed ({@code RsmiStage}), because a diverged filter says nothing
 * about the data.
 */
public final class TrainingDivergedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
