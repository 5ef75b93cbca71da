package dev.coarse.learn.corex;

import java.util.Objects;

/**
 * The best of a linear CorEx layer's seeded restarts, with how much the restarts agree.
 *
 * @param best       the restart of largest objective
 * @param restartTc  the objective of every restart, in seed order, nats
 * @param stability  mean adjusted Rand index between the input groups of the best restart and of each other restart;
 *                   NaN for a single restart
 */
public record LinearCorexFit(LinearCorexLayer best, double[] restartTc, double stability) {

    public LinearCorexFit {
        Objects.requireNonNull(best, "best");
        if (restartTc.length < 1) {
            throw new IllegalArgumentException("at least one restart");
        }
    }
}
