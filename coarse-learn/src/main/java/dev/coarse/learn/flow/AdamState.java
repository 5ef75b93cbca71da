package dev.coarse.learn.flow;

import java.util.Objects;

/**
 * Adam's state after some updates: the step count t and, per parameter (in {@link HierarchicalFlow#parameters()}
 * order), the first and second moment estimates m and v — what a checkpoint must hold for a resumed training to be
 * bit-identical to an uninterrupted one.
 *
 * @param steps     updates taken, ≥ 0 (every parameter is updated at every step, so one count serves all)
 * @param means     m per parameter, flat; not copied
 * @param variances v per parameter, flat, same sizes as {@code means}; not copied
 */
public record AdamState(int steps, float[][] means, float[][] variances) {

    public AdamState {
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(variances, "variances");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (means.length != variances.length) {
            throw new IllegalArgumentException("means and variances cover " + means.length + " and "
                    + variances.length + " parameters");
        }
        for (int i = 0; i < means.length; i++) {
            if (means[i].length != variances[i].length) {
                throw new IllegalArgumentException("parameter " + i + " has " + means[i].length + " means and "
                        + variances[i].length + " variances");
            }
        }
    }
}
