package dev.coarse.learn.rbm;

import java.util.random.RandomGenerator;

/** The two binary unit conventions of an RBM: Ising spins u ∈ {−1, +1} or bits u ∈ {0, 1}. */
public enum UnitType {
    /** u ∈ {−1, +1}; the "up" state is +1. */
    SPIN,
    /** u ∈ {0, 1}; the "up" state is 1. */
    BINARY;

    /** The value of the unit in state up (true) or down (false). */
    public double value(boolean up) {
        return up ? 1.0 : (this == SPIN ? -1.0 : 0.0);
    }

    /** True when a stored byte is the up state (+1 for spins, 1 for bits). */
    public boolean isUp(byte stored) {
        return stored > 0;
    }

    /** ln Σ<sub>u</sub> e<sup>u x</sup> over the unit's two states: ln 2cosh x (spins) or ln(1 + e<sup>x</sup>) (bits). */
    public double logSumExp(double field) {
        double a = Math.abs(field);
        if (this == SPIN) {
            return a + Math.log1p(Math.exp(-2 * a));
        }
        return Math.max(field, 0) + Math.log1p(Math.exp(-a));
    }

    /** E[u] under p(u) ∝ e<sup>u x</sup>: tanh x (spins) or the logistic σ(x) (bits). */
    public double mean(double field) {
        return this == SPIN ? Math.tanh(field) : 1.0 / (1.0 + Math.exp(-field));
    }

    /** Probability of the up state under p(u) ∝ e<sup>u x</sup>: σ(2x) for spins, σ(x) for bits. */
    public double upProbability(double field) {
        double x = this == SPIN ? 2 * field : field;
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** Draws u ∼ p(u) ∝ e<sup>u x</sup>. */
    public double sample(double field, RandomGenerator rng) {
        return value(rng.nextDouble() < upProbability(field));
    }
}
