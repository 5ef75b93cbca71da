package dev.coarse.mc;

import dev.coarse.exact.ExactDistribution;
import dev.coarse.stats.IncompleteGamma;
import java.util.Arrays;

/**
 * Pearson's χ² test of sampled configurations against an exact distribution, with configurations grouped
 * into classes (e.g. orbits of a symmetry the sampler may be slow to mix over, but the distribution has).
 * Classes with expected count below {@value #MIN_EXPECTED} are lumped together (the lump is merged with the
 * next-smallest class until it reaches that count).
 */
final class ChiSquareGoodnessOfFit {

    static final double MIN_EXPECTED = 5.0;

    /** The outcome: the statistic, degrees of freedom and upper-tail p-value. */
    record Result(double chiSquared, int degreesOfFreedom, double pValue) {
    }

    private ChiSquareGoodnessOfFit() {
    }

    /**
     * @param exact   the exact distribution over configuration codes
     * @param classOf class index of each code, in [0, classes)
     * @param samples the sampled configurations
     */
    static Result test(ExactDistribution exact, int[] classOf, int classes, byte[][] samples) {
        double[] probability = new double[classes];
        double[] p = exact.probabilities();
        for (int code = 0; code < p.length; code++) {
            probability[classOf[code]] += p[code];
        }
        long[] observed = new long[classes];
        for (byte[] s : samples) {
            observed[classOf[exact.encode(s)]]++;
        }
        int n = samples.length;
        Integer[] order = new Integer[classes];
        for (int i = 0; i < classes; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probability[a], probability[b]));
        double chi2 = 0;
        int bins = 0;
        double lumpExpected = 0;
        long lumpObserved = 0;
        for (int idx : order) {
            double expected = n * probability[idx];
            if (lumpExpected < MIN_EXPECTED) {
                lumpExpected += expected;
                lumpObserved += observed[idx];
                continue;
            }
            chi2 += square(observed[idx] - expected) / expected;
            bins++;
        }
        if (lumpExpected > 0) {
            chi2 += square(lumpObserved - lumpExpected) / lumpExpected;
            bins++;
        }
        int dof = Math.max(bins - 1, 1);
        return new Result(chi2, dof, IncompleteGamma.chiSquaredPValue(chi2, dof));
    }

    /** Every configuration its own class. */
    static int[] identityClasses(int states) {
        int[] c = new int[states];
        for (int i = 0; i < states; i++) {
            c[i] = i;
        }
        return c;
    }

    /**
     * Classes of configurations equal up to a permutation of the site values (global flip for Ising,
     * relabelling for Potts): the canonical form relabels values in order of first appearance. Returns the
     * class of each code; class indices are canonical codes (so {@code classes = stateCount}).
     */
    static int[] relabellingClasses(ExactDistribution exact) {
        int states = exact.stateCount();
        int[] classOf = new int[states];
        int q = exact.model().statesPerSite();
        boolean ising = exact.model() instanceof dev.coarse.model.IsingModel;
        for (int code = 0; code < states; code++) {
            byte[] c = exact.decode(code);
            int[] relabel = new int[q];
            Arrays.fill(relabel, -1);
            int next = 0;
            byte[] canonical = new byte[c.length];
            for (int i = 0; i < c.length; i++) {
                int v = ising ? (c[i] > 0 ? 1 : 0) : c[i];
                if (relabel[v] < 0) {
                    relabel[v] = next++;
                }
                int w = relabel[v];
                canonical[i] = ising ? (byte) (w == 1 ? 1 : -1) : (byte) w;
            }
            classOf[code] = exact.encode(canonical);
        }
        return classOf;
    }

    private static double square(double x) {
        return x * x;
    }
}
