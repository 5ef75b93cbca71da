package dev.coarse.learn.corex;

/**
 * How a linear Gaussian CorEx layer is fitted ({@link LinearCorex}).
 *
 * @param factors      latent factors m, ≥ 1
 * @param maxSteps     Adam steps at most, ≥ 10
 * @param learningRate Adam's step size, &gt; 0
 * @param tolerance    stop when the objective has grown by less than this (nats) over the last
 *                     {@link LinearCorex#WINDOW} steps, ≥ 0
 * @param restarts     independent fits from split seeds, the one of largest objective kept, ≥ 1
 */
public record LinearCorexSettings(int factors, int maxSteps, double learningRate, double tolerance, int restarts) {

    /** Adam steps at most by default. */
    public static final int DEFAULT_STEPS = 2000;
    /** Adam's step size by default (the weights act on standardised data, their optimum is of order 1/√(group size)). */
    public static final double DEFAULT_LEARNING_RATE = 0.02;
    /** Convergence tolerance by default, nats per {@link LinearCorex#WINDOW} steps. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    public LinearCorexSettings {
        if (factors < 1 || maxSteps < 10 || !(learningRate > 0) || !(tolerance >= 0) || restarts < 1) {
            throw new IllegalArgumentException("need factors ≥ 1, steps ≥ 10, learning rate > 0, tolerance ≥ 0 and"
                    + " restarts ≥ 1, got " + factors + ", " + maxSteps + ", " + learningRate + ", " + tolerance
                    + ", " + restarts);
        }
    }

    /** m factors, the defaults, one fit. */
    public static LinearCorexSettings of(int factors) {
        return new LinearCorexSettings(factors, DEFAULT_STEPS, DEFAULT_LEARNING_RATE, DEFAULT_TOLERANCE, 1);
    }

    public LinearCorexSettings withRestarts(int count) {
        return new LinearCorexSettings(factors, maxSteps, learningRate, tolerance, count);
    }

    public LinearCorexSettings withSteps(int count) {
        return new LinearCorexSettings(factors, count, learningRate, tolerance, restarts);
    }
}
