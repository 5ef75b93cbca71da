package dev.coarse.stats;

/**
 * The regularised incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P(a, x), and the
 * χ² upper-tail p-value Q(ν/2, χ²/2). Series for x &lt; a + 1, Lentz's continued fraction otherwise
 * (Numerical Recipes, 3rd ed., §6.2, eqs. 6.2.5 and 6.2.7); ln Γ from {@link Gamma#lnGamma}.
 */
public final class IncompleteGamma {

    private static final double EPS = 1e-15;
    private static final int MAX_ITERATIONS = 100_000;
    private static final double TINY = 1e-300;

    private IncompleteGamma() {
    }

    /** P(a, x), a &gt; 0, x ≥ 0. */
    public static double regularizedLower(double a, double x) {
        check(a, x);
        if (x == 0) {
            return 0;
        }
        return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x);
    }

    /** Q(a, x) = 1 − P(a, x), accurate in the far tail. */
    public static double regularizedUpper(double a, double x) {
        check(a, x);
        if (x == 0) {
            return 1;
        }
        return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x);
    }

    /** Probability that a χ² variable with {@code degreesOfFreedom} exceeds {@code chiSquared}. */
    public static double chiSquaredPValue(double chiSquared, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + degreesOfFreedom);
        }
        return regularizedUpper(0.5 * degreesOfFreedom, 0.5 * Math.max(chiSquared, 0));
    }

    private static void check(double a, double x) {
        if (!(a > 0) || !(x >= 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("incomplete gamma needs a > 0 and x >= 0, got a = " + a + ", x = " + x);
        }
    }

    /** P(a, x) = e^{−x} x^a / Γ(a+1) · Σ_n x^n / ((a+1)…(a+n)). */
    private static double series(double a, double x) {
        double term = 1.0 / a;
        double sum = term;
        double ap = a;
        for (int n = 0; n < MAX_ITERATIONS; n++) {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPS) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - Gamma.lnGamma(a));
    }

    /** Q(a, x) by the continued fraction, modified Lentz. */
    private static double continuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - Gamma.lnGamma(a)) * h;
    }
}
