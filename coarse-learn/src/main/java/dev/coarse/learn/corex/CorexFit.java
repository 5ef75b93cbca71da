package dev.coarse.learn.corex;

import java.util.Objects;

/**
 * The best of a layer's seeded restarts, with how much the restarts agree.
 *
 * @param best       the restart of largest TC
 * @param restartTc  the TC of every restart, in seed order, nats
 * @param stability  mean adjusted Rand index between the variable clusters of the best restart and of each other
 *                   restart (1: every restart groups the variables alike); NaN for a single restart
 */
public record CorexFit(CorexLayer best, double[] restartTc, double stability) {

    public CorexFit {
        Objects.requireNonNull(best, "best");
        if (restartTc.length < 1) {
            throw new IllegalArgumentException("at least one restart");
        }
    }
}
