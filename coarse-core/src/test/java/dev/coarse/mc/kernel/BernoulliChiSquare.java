package dev.coarse.mc.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.stats.IncompleteGamma;
import java.util.Collection;

/**
 * χ² statistics of Bernoulli trials whose success probabilities are known exactly, for testing a Monte Carlo
 * transition kernel itself: every attempted flip of one sweep is a trial with the Metropolis probability of the
 * configuration it sees.
 *
 * <p>A trial's probability p may depend on earlier trials of the same sweep (a colour-1 site's acceptance depends
 * on the colour-0 flips around it). The residual f − p (f = 1 for a flip) then has conditional mean 0 and
 * conditional variance p(1 − p) given everything before it, so a sum of residuals is a martingale: O − E over
 * a cell of trials, divided by the square root of the summed conditional variances V, is asymptotically
 * standard normal, and residual sums of different cells (or different trials) are uncorrelated. Hence
 * Σ (O − E)²/V over cells with V &gt; 0 is asymptotically χ² with one degree of freedom per cell (nothing is
 * fitted). For a pair of trials, the sum over sweeps of the product of their residuals is a martingale too
 * (the later trial's residual has mean 0 given the earlier one), with variance Σ r<sub>earlier</sub>² ·
 * p<sub>later</sub>(1 − p<sub>later</sub>); its square over that is again χ²₁, and different pairs are
 * uncorrelated. A kernel that shares random numbers between sites or replicas makes such a pair's residuals
 * correlated, which shows up as one huge term.
 */
final class BernoulliChiSquare {

    /**
     * The probability that one χ² assertion fails for a correct kernel. The seeds are fixed, so a failure is
     * reproducible; with a few hundred such assertions in the suite the chance of any false failure is below
     * 10⁻³.
     */
    static final double FALSE_FAILURE_RATE = 1e-6;

    private BernoulliChiSquare() {
    }

    /** The upper-tail quantile: the c with P(χ²_dof &gt; c) = tail, by bisection of the χ² p-value. */
    static double quantile(int degreesOfFreedom, double tail) {
        double lo = 0;
        double hi = degreesOfFreedom + 10;
        while (IncompleteGamma.chiSquaredPValue(hi, degreesOfFreedom) > tail) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (IncompleteGamma.chiSquaredPValue(mid, degreesOfFreedom) > tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Asserts χ² ≤ its upper {@link #FALSE_FAILURE_RATE} quantile (and that there was something to test). */
    static void assertConsistent(String what, double chiSquared, int degreesOfFreedom) {
        assertThat(degreesOfFreedom).as("%s: degrees of freedom", what).isPositive();
        double limit = quantile(degreesOfFreedom, FALSE_FAILURE_RATE);
        assertThat(chiSquared)
                .as("%s: χ² = %.1f for %d degrees of freedom exceeds %.1f, which a correct kernel does with "
                        + "probability %s", what, chiSquared, degreesOfFreedom, limit, FALSE_FAILURE_RATE)
                .isLessThanOrEqualTo(limit);
    }

    /** Asserts Σ r²/v over the entries with v &gt; 0, one degree of freedom each, is consistent with χ². */
    private static void assertStandardisedSquares(String what, double[] residual, double[] variance) {
        double chi2 = 0;
        int dof = 0;
        for (int k = 0; k < residual.length; k++) {
            if (variance[k] > 0) {
                chi2 += residual[k] * residual[k] / variance[k];
                dof++;
            }
        }
        assertConsistent(what, chi2, dof);
    }

    /** Cells of trials: observed successes O, expected E = Σ p and variance V = Σ p(1 − p) per cell. */
    static final class Cells {
        private final double[] observed;
        private final double[] expected;
        private final double[] variance;

        Cells(int cells) {
            observed = new double[cells];
            expected = new double[cells];
            variance = new double[cells];
        }

        /** One trial with probability p in the cell. */
        void add(int cell, boolean success, double p) {
            observed[cell] += success ? 1 : 0;
            expected[cell] += p;
            variance[cell] += p * (1 - p);
        }

        /** {@code trials} trials with the same probability p, {@code successes} of them successes. */
        void add(int cell, long successes, long trials, double p) {
            observed[cell] += successes;
            expected[cell] += trials * p;
            variance[cell] += trials * p * (1 - p);
        }

        /** The expected number of successes in the cell so far. */
        double expected(int cell) {
            return expected[cell];
        }

        void assertConsistent(String what) {
            double[] residual = new double[observed.length];
            for (int c = 0; c < observed.length; c++) {
                residual[c] = observed[c] - expected[c];
            }
            assertStandardisedSquares(what, residual, variance);
        }
    }

    /**
     * Pairs of trials (first, second), the second never decided before the first: per pair the sum of the
     * products of their residuals and its variance Σ r<sub>first</sub>² · v<sub>second</sub>.
     */
    static final class Pairs {
        private final int[] first;
        private final int[] second;
        private final double[] cross;
        private final double[] variance;

        Pairs(int[] first, int[] second) {
            this.first = first;
            this.second = second;
            this.cross = new double[first.length];
            this.variance = new double[first.length];
        }

        /** The pairs of {@link #key}s, in their order. */
        static Pairs of(Collection<Long> keys) {
            int[] first = new int[keys.size()];
            int[] second = new int[keys.size()];
            int k = 0;
            for (long key : keys) {
                first[k] = (int) (key >>> 32);
                second[k] = (int) key;
                k++;
            }
            return new Pairs(first, second);
        }

        /** The pair (first, second) as one key (for de-duplicating pair lists in a set). */
        static long key(int first, int second) {
            return (long) first << 32 | second;
        }

        int size() {
            return first.length;
        }

        /** One sweep: the residual f − p and the variance p(1 − p) of every trial, indexed as the pairs are. */
        void add(double[] residual, double[] trialVariance) {
            for (int k = 0; k < first.length; k++) {
                double r = residual[first[k]];
                cross[k] += r * residual[second[k]];
                variance[k] += r * r * trialVariance[second[k]];
            }
        }

        /** Adds to pair k directly (for callers that sum the products in bulk). */
        void add(int k, double crossSum, double varianceSum) {
            cross[k] += crossSum;
            variance[k] += varianceSum;
        }

        int first(int k) {
            return first[k];
        }

        int second(int k) {
            return second[k];
        }

        void assertConsistent(String what) {
            assertStandardisedSquares(what, cross, variance);
        }
    }
}
