package dev.coarse.learn.corex;

/**
 * How one CorEx layer is fitted.
 *
 * @param factors       latent factors m, ≥ 1
 * @param states        values of each factor k, ≥ 2
 * @param maxIterations fixed-point iterations at most (mini-batches: one batch per iteration), ≥ 1
 * @param tolerance     convergence: stop when the mean TC of the last five iterations differs from that of the five
 *                      before by less than this (nats), ≥ 0
 * @param batchSize     samples per iteration; 0 (or ≥ the sample count) for the whole data each iteration
 * @param restarts      independent fits from split seeds, the one of largest TC kept, ≥ 1
 * @param threads       worker threads (the result does not depend on them), ≥ 1
 */
public record CorexSettings(int factors, int states, int maxIterations, double tolerance, int batchSize, int restarts,
                            int threads) {

    /** Iterations by default (bio_corex's default too). */
    public static final int DEFAULT_ITERATIONS = 100;
    /** Convergence tolerance by default, nats (bio_corex's eps). */
    public static final double DEFAULT_TOLERANCE = 1e-5;

    public CorexSettings {
        if (factors < 1 || states < 2 || maxIterations < 1 || !(tolerance >= 0) || batchSize < 0 || restarts < 1
                || threads < 1) {
            throw new IllegalArgumentException("need factors ≥ 1, states ≥ 2, iterations ≥ 1, tolerance ≥ 0,"
                    + " batch ≥ 0, restarts ≥ 1 and threads ≥ 1, got " + factors + ", " + states + ", "
                    + maxIterations + ", " + tolerance + ", " + batchSize + ", " + restarts + ", " + threads);
        }
    }

    /** m binary factors, whole-data iterations, one fit, one thread. */
    public static CorexSettings of(int factors) {
        return new CorexSettings(factors, 2, DEFAULT_ITERATIONS, DEFAULT_TOLERANCE, 0, 1, 1);
    }

    public CorexSettings withStates(int k) {
        return new CorexSettings(factors, k, maxIterations, tolerance, batchSize, restarts, threads);
    }

    public CorexSettings withBatchSize(int batch) {
        return new CorexSettings(factors, states, maxIterations, tolerance, batch, restarts, threads);
    }

    public CorexSettings withRestarts(int count) {
        return new CorexSettings(factors, states, maxIterations, tolerance, batchSize, count, threads);
    }

    public CorexSettings withThreads(int count) {
        return new CorexSettings(factors, states, maxIterations, tolerance, batchSize, restarts, count);
    }

    public CorexSettings withIterations(int count) {
        return new CorexSettings(factors, states, count, tolerance, batchSize, restarts, threads);
    }

    public CorexSettings withFactors(int count) {
        return new CorexSettings(count, states, maxIterations, tolerance, batchSize, restarts, threads);
    }
}
