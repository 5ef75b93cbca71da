package dev.coarse.rg;

import dev.coarse.naming.Identified;

/**
 * Divergent sums regularised by a smooth cut-off (Tao 2010, "The Euler–Maclaurin formula, Bernoulli numbers,
 * the zeta function, and real-variable analytic continuation"; SCIENCE.md §4): for η smooth with η(0) = 1 and
 * rapid decay (or compact support),
 * S<sub>η</sub>(N) = Σ<sub>n≥1</sub> n η(n/N) = N² ∫<sub>0</sub><sup>∞</sup> x η(x) dx − 1/12 + O(N<sup>−2</sup>).
 * The N² term depends on the scheme η, the constant −1/12 = ζ(−1) does not. By Euler–Maclaurin the remainder
 * R(N) = S(N) − N²∫xη is −1/12 + Σ<sub>k≥1</sub> c<sub>k</sub> N<sup>−2k</sup> (only even powers, since
 * f(x) = x η(x/N) has f<sup>(2k−1)</sup>(0) ∝ η<sup>(2k−2)</sup>(0)/N<sup>2k−2</sup>), so Richardson extrapolation
 * in 1/N² removes the corrections.
 */
public final class SmoothedSums {

    /** The scheme-independent constant term ζ(−1) = −1/12 that every cut-off's extrapolation approaches. */
    public static final double CONSTANT_TERM = -1.0 / 12;

    /**
     * Three valid cut-offs: smooth, η(0) = 1, and rapidly decaying or compactly supported with all derivatives. Results
     * and the command line name them by their {@link #id()}: "exp", "gauss" or "bump".
     */
    public enum Cutoff implements Identified {
        /** η(x) = e<sup>−x</sup>; ∫xη = 1. */
        EXP(50, 1.0),
        /** η(x) = e<sup>−x²</sup>; ∫xη = ½. */
        GAUSS(9, 0.5),
        /**
         * η(x) = exp(1 − 1/(1 − x²)) on [0, 1), 0 beyond: C<sup>∞</sup> with compact support.
         * ∫<sub>0</sub><sup>1</sup> xη dx = ½e·E<sub>2</sub>(1) = ½(1 − G) with G = e·E<sub>1</sub>(1) =
         * 0.596347362323194074341… the Euler–Gompertz constant (OEIS A073003).
         */
        BUMP(1, 0.5 * (1 - 0.59634736232319407434));

        private final double support;
        private final double firstMoment;

        Cutoff(double support, double firstMoment) {
            this.support = support;
            this.firstMoment = firstMoment;
        }

        /** ∫<sub>0</sub><sup>∞</sup> x η(x) dx, the scheme-dependent N² coefficient. */
        public double firstMoment() {
            return firstMoment;
        }

        /** η(x) for x ≥ 0 (for exp and gauss, terms beyond x = support are below 1e−21 and dropped). */
        public double eta(double x) {
            return switch (this) {
                case EXP -> Math.exp(-x);
                case GAUSS -> Math.exp(-x * x);
                case BUMP -> x < 1 ? Math.exp(-x * x / (1 - x * x)) : 0;
            };
        }

        /** The cut-off of this {@link #id()}. */
        public static Cutoff forId(String name) {
            return Identified.find(Cutoff.class, name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown cut-off '" + name + "' (expected exp, gauss or bump)"));
        }
    }

    /**
     * @param constant   the extrapolated constant term (→ −1/12)
     * @param error      |difference of the last two diagonal Richardson entries|, an error estimate
     * @param cutoffs    the N used
     * @param remainders R(N) = S(N) − N²∫xη for each N
     */
    public record Extrapolation(double constant, double error, int[] cutoffs, double[] remainders) {
    }

    private SmoothedSums() {
    }

    /** S(N) = Σ<sub>n≥1</sub> n η(n/N), with Neumaier-compensated summation. */
    public static double sum(Cutoff eta, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("cut-off scale N must be ≥ 1, got " + n);
        }
        long last = (long) Math.ceil(eta.support * n);
        double sum = 0;
        double compensation = 0;
        for (long k = 1; k <= last; k++) {
            double term = k * eta.eta((double) k / n);
            double t = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    /** R(N) = S(N) − N² ∫xη. */
    public static double remainder(Cutoff eta, int n) {
        return sum(eta, n) - (double) n * n * eta.firstMoment();
    }

    /**
     * The constant term by Richardson extrapolation of R(N) in h = 1/N² over N = baseN·2<sup>j</sup>,
     * j = 0 … levels − 1.
     */
    public static Extrapolation constantTerm(Cutoff eta, int baseN, int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("Richardson extrapolation needs at least 2 levels, got " + levels);
        }
        if (baseN < 1 || (long) baseN << (levels - 1) > 1 << 20) {
            throw new IllegalArgumentException("need 1 ≤ N ≤ 2^20 at every level, got baseN = " + baseN
                    + " and " + levels + " levels");
        }
        int[] ns = new int[levels];
        double[] r = new double[levels];
        double[][] table = new double[levels][levels];
        for (int i = 0; i < levels; i++) {
            ns[i] = baseN << i;
            r[i] = remainder(eta, ns[i]);
            table[i][0] = r[i];
            double factor = 4;
            for (int j = 1; j <= i; j++) {
                table[i][j] = table[i][j - 1] + (table[i][j - 1] - table[i - 1][j - 1]) / (factor - 1);
                factor *= 4;
            }
        }
        double best = table[levels - 1][levels - 1];
        double previous = table[levels - 2][levels - 2];
        return new Extrapolation(best, Math.abs(best - previous), ns, r);
    }
}
