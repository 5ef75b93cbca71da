package dev.coarse.dynamics.reaction;

import java.util.Arrays;
import java.util.Objects;

/**
 * One mass-action reaction: how many molecules of each species it consumes and produces, and its rate constant.
 * The stochastic propensity is Gillespie's (1977) combinatorial one, a(x) = k Π<sub>s</sub> C(x<sub>s</sub>,
 * r<sub>s</sub>) (number of distinct reactant combinations; system volume 1, counts as concentrations); the
 * matching deterministic rate is k Π x<sub>s</sub><sup>r<sub>s</sub></sup>/r<sub>s</sub>!.
 *
 * @param name      label used in outputs
 * @param reactants molecules consumed, one entry per species of the network (≥ 0)
 * @param products  molecules produced, one entry per species (≥ 0)
 * @param rate      rate constant k ≥ 0 (finite)
 * @param fast      whether the reaction belongs to the fast reversible pair that
 *                  {@link AveragedFastReactions} averages out
 */
public record Reaction(String name, int[] reactants, int[] products, double rate, boolean fast) {

    public Reaction {
        Objects.requireNonNull(name, "name");
        if (reactants.length != products.length) {
            throw new IllegalArgumentException("reaction " + name + ": reactants and products cover "
                    + reactants.length + " and " + products.length + " species");
        }
        for (int s = 0; s < reactants.length; s++) {
            if (reactants[s] < 0 || products[s] < 0) {
                throw new IllegalArgumentException("reaction " + name + ": negative stoichiometry");
            }
        }
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("reaction " + name + ": rate must be finite and >= 0, got " + rate);
        }
        reactants = reactants.clone();
        products = products.clone();
    }

    @Override
    public int[] reactants() {
        return reactants.clone();
    }

    @Override
    public int[] products() {
        return products.clone();
    }

    /** Net change of every species' count when the reaction fires. */
    public int[] change() {
        int[] change = new int[reactants.length];
        for (int s = 0; s < change.length; s++) {
            change[s] = products[s] - reactants[s];
        }
        return change;
    }

    /** Stochastic propensity k Π C(x_s, r_s) in state {@code counts}. */
    public double propensity(long[] counts) {
        double a = rate;
        for (int s = 0; s < reactants.length; s++) {
            for (int j = 0; j < reactants[s]; j++) {
                a *= (double) (counts[s] - j) / (j + 1);
            }
        }
        return a > 0 ? a : 0;
    }

    /** Deterministic rate k Π x_s^{r_s}/r_s! at concentrations {@code x}. */
    public double deterministicRate(double[] x) {
        double v = rate;
        for (int s = 0; s < reactants.length; s++) {
            for (int j = 0; j < reactants[s]; j++) {
                v *= x[s] / (j + 1);
            }
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reaction r && name.equals(r.name) && Arrays.equals(reactants, r.reactants)
                && Arrays.equals(products, r.products) && Double.compare(rate, r.rate) == 0 && fast == r.fast;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(reactants), Arrays.hashCode(products), rate, fast);
    }

    @Override
    public String toString() {
        return name + " (k=" + rate + (fast ? ", fast" : "") + ")";
    }
}
