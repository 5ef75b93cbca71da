package dev.coarse.info;

import dev.coarse.exact.ExactDistribution;

/**
 * Exact entropies, mutual information and total correlation of site subsets of an enumerated Boltzmann
 * distribution: the references the estimators are tested against. All values in nats.
 */
public final class ExactInformation {

    private ExactInformation() {
    }

    /**
     * The marginal distribution of the given sites: entry m is the probability of the sub-configuration whose
     * digits (in the distribution's base q, see {@link ExactDistribution}) are those of sites[0], sites[1], …
     * (sites[0] least significant).
     */
    public static double[] marginal(ExactDistribution d, int[] sites) {
        int q = d.model().statesPerSite();
        int n = d.model().lattice().siteCount();
        long size = 1;
        for (int s : sites) {
            if (s < 0 || s >= n) {
                throw new IllegalArgumentException("site " + s + " not on a lattice of " + n + " sites");
            }
            size *= q;
        }
        if (size > 1 << 26) {
            throw new IllegalArgumentException("marginal of " + sites.length + " sites is too large");
        }
        int[] power = new int[n];
        power[0] = 1;
        for (int i = 1; i < n; i++) {
            power[i] = power[i - 1] * q;
        }
        double[] out = new double[(int) size];
        double[] p = d.probabilities();
        for (int code = 0; code < p.length; code++) {
            int sub = 0;
            for (int j = sites.length - 1; j >= 0; j--) {
                sub = sub * q + (code / power[sites[j]]) % q;
            }
            out[sub] += p[code];
        }
        return out;
    }

    /** H of the joint state of the given sites. */
    public static double entropy(ExactDistribution d, int[] sites) {
        return entropy(marginal(d, sites));
    }

    /** I(A;B) between two disjoint site sets. */
    public static double mutualInformation(ExactDistribution d, int[] a, int[] b) {
        return entropy(d, a) + entropy(d, b) - entropy(d, DiscreteInformation.union(a, b));
    }

    /** I(A;B|C). */
    public static double conditionalMutualInformation(ExactDistribution d, int[] a, int[] b, int[] c) {
        int[] ac = DiscreteInformation.union(a, c);
        int[] bc = DiscreteInformation.union(b, c);
        return entropy(d, ac) + entropy(d, bc) - entropy(d, DiscreteInformation.union(ac, b)) - entropy(d, c);
    }

    /** Σ H(group) − H(all groups). */
    public static double totalCorrelation(ExactDistribution d, int[][] groups) {
        double sum = 0;
        int[] all = new int[0];
        for (int[] g : groups) {
            sum += entropy(d, g);
            all = DiscreteInformation.union(all, g);
        }
        return sum - entropy(d, all);
    }

    /** −Σ p ln p of a probability vector. */
    public static double entropy(double[] probabilities) {
        double h = 0;
        for (double p : probabilities) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
