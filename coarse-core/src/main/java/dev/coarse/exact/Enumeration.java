package dev.coarse.exact;

import dev.coarse.model.DimerModel;
import dev.coarse.model.Model;

/** Exhaustive enumeration of a small model's configurations: the exact reference for samplers and estimators. */
public final class Enumeration {

    /** Largest number of configurations enumerated (2^24, e.g. 24 Ising spins or 15 three-state Potts sites). */
    public static final int MAX_STATES = 1 << 24;

    private Enumeration() {
    }

    /**
     * The exact Boltzmann distribution of {@code model}.
     *
     * @throws IllegalArgumentException if the model has more than {@link #MAX_STATES} configurations, or is a dimer
     *                                  model (whose coverings {@link DimerCoverings} enumerates)
     */
    public static ExactDistribution boltzmann(Model model) {
        if (model instanceof DimerModel) {
            throw new IllegalArgumentException("dimer coverings are not products of site values: enumerate them with "
                    + "DimerCoverings");
        }
        int n = model.lattice().siteCount();
        int q = model.statesPerSite();
        double count = Math.pow(q, n);
        if (count > MAX_STATES) {
            throw new IllegalArgumentException("cannot enumerate " + q + "^" + n + " configurations (limit "
                    + MAX_STATES + ")");
        }
        int states = (int) count;
        double beta = model.beta();
        double[] logWeights = new double[states];
        double max = Double.NEGATIVE_INFINITY;
        for (int code = 0; code < states; code++) {
            logWeights[code] = -beta * model.energy(ExactDistribution.decode(model, code));
            max = Math.max(max, logWeights[code]);
        }
        double sum = 0;
        double[] p = new double[states];
        for (int code = 0; code < states; code++) {
            p[code] = Math.exp(logWeights[code] - max);
            sum += p[code];
        }
        for (int code = 0; code < states; code++) {
            p[code] /= sum;
        }
        return new ExactDistribution(model, p, max + Math.log(sum));
    }
}
