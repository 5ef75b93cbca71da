package dev.coarse.mc;

import dev.coarse.exact.ExactDistribution;
import dev.coarse.stats.IncompleteGamma;
import java.util.Arrays;

/**
 * Pearson's χ² test of sampled configurations against an exact distribution, with configurations grouped
 * into classes (e.g. orbits of a symmetry the sampler may be slow to mix over, but the distribution has).
 * Classes are taken in ascending order of probability and grouped into bins, each closed once it expects
 * {@value #MIN_EXPECTED} samples (the remainder joins the last bin), so that Pearson's statistic follows the
 * χ² law; a sample in a class of probability zero fails the test outright.
 */
public final class ChiSquareGoodnessOfFit {

    public static final double MIN_EXPECTED = 5.0;

    /** The outcome: the statistic, degrees of freedom and upper-tail p-value. */
    public record Result(double chiSquared, int degreesOfFreedom, double pValue) {
    }

    private ChiSquareGoodnessOfFit() {
    }

    /**
     * @param exact   the exact distribution over configuration codes
     * @param classOf class index of each code, in [0, classes)
     * @param samples the sampled configurations
     */
    public static Result test(ExactDistribution exact, int[] classOf, int classes, byte[][] samples) {
        double[] probability = new double[classes];
        double[] p = exact.probabilities();
        for (int code = 0; code < p.length; code++) {
            probability[classOf[code]] += p[code];
        }
        long[] observed = new long[classes];
        for (byte[] s : samples) {
            observed[classOf[exact.encode(s)]]++;
        }
        return test(probability, observed);
    }

    /**
     * @param probability the exact probability of each class
     * @param observed    how many samples fell in each class
     */
    static Result test(double[] probability, long[] observed) {
        int classes = probability.length;
        long n = Arrays.stream(observed).sum();
        Integer[] order = new Integer[classes];
        for (int i = 0; i < classes; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probability[a], probability[b]));
        // bins of consecutive classes (in ascending probability) closed as soon as their expected count reaches
        // MIN_EXPECTED; what is left at the end joins the last bin, so every bin expects at least MIN_EXPECTED
        // (until 2026-11-23 only the first bin was built this way and every later class was a bin of its own,
        // however small: thousands of bins expecting far below 5 gave the statistic a heavy tail, and p-values
        // of 10⁻⁵⁰ for exact samplers; see the class comment)
        double chi2 = 0;
        int bins = 0;
        double binExpected = 0;
        long binObserved = 0;
        double lastExpected = 0;
        long lastObserved = 0;
        for (int idx : order) {
            if (probability[idx] == 0 && observed[idx] > 0) {
                return new Result(Double.POSITIVE_INFINITY, Math.max(classes - 1, 1), 0.0); // an impossible state
            }
            binExpected += n * probability[idx];
            binObserved += observed[idx];
            if (binExpected >= MIN_EXPECTED) {
                chi2 += square(binObserved - binExpected) / binExpected;
                bins++;
                lastExpected = binExpected;
                lastObserved = binObserved;
                binExpected = 0;
                binObserved = 0;
            }
        }
        if (binExpected > 0 || binObserved > 0) {
            if (bins == 0) {
                chi2 = 0;
                bins = 1;
            } else {
                chi2 -= square(lastObserved - lastExpected) / lastExpected;
                final double e = lastExpected + binExpected;
                chi2 += square(lastObserved + binObserved - e) / e;
            }
        }
        int dof = Math.max(bins - 1, 1);
        return new Result(chi2, dof, IncompleteGamma.chiSquaredPValue(chi2, dof));
    }

    /** Every configuration its own class. */
    public static int[] identityClasses(int states) {
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
    public static int[] relabellingClasses(ExactDistribution exact) {
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
