package dev.coarse.stats;

/**
 * The digamma ψ(x) = d ln Γ(x)/dx, the trigamma ψ′(x) and ln Γ(x) for real x &gt; 0, as used by the KSG and
 * NSB estimators. Small arguments are shifted up with the recurrences ψ(x) = ψ(x+1) − 1/x and
 * ψ′(x) = ψ′(x+1) + 1/x² until x ≥ 10, then the asymptotic (Bernoulli) series is summed
 * (Abramowitz &amp; Stegun 6.3.18, 6.4.12); the absolute error is below 1e-14 on x ≥ 1e-8.
 */
public final class Gamma {

    /** Euler–Mascheroni constant γ = −ψ(1). */
    public static final double EULER_GAMMA = 0.5772156649015329;

    private static final double SHIFT_TO = 10.0;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private Gamma() {
    }

    /** ψ(x) for x &gt; 0. */
    public static double digamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("digamma needs x > 0, got " + x);
        }
        double result = 0;
        while (x < SHIFT_TO) {
            result -= 1.0 / x;
            x += 1.0;
        }
        double inv2 = 1.0 / (x * x);
        // A&S 6.3.18: ψ(x) ~ ln x − 1/(2x) − Σ B_{2n}/(2n x^{2n})
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 * (1.0 / 12)))))));
        return result + Math.log(x) - 0.5 / x - series;
    }

    /** ψ′(x) for x &gt; 0. */
    public static double trigamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("trigamma needs x > 0, got " + x);
        }
        double result = 0;
        while (x < SHIFT_TO) {
            result += 1.0 / (x * x);
            x += 1.0;
        }
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        // A&S 6.4.12: ψ′(x) ~ 1/x + 1/(2x²) + Σ B_{2n}/x^{2n+1}
        double series = inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30 - inv2 * (5.0 / 66 - inv2 * (691.0 / 2730 - inv2 * (7.0 / 6)))))));
        return result + inv + 0.5 * inv2 + series;
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
    public static double lnGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("lnGamma needs x > 0, got " + x);
        }
        if (x < 0.5) {
            // reflection: Γ(x)Γ(1−x) = π / sin(πx)
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
        }
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
