package dev.coarse.exact;

/** Complete elliptic integrals of the first and second kind, parametrised by the modulus k. */
final class EllipticIntegrals {

    private static final double QUADRATURE_TOLERANCE = 1e-15;

    private EllipticIntegrals() {
    }

    /**
     * K(k) = ∫₀^{π/2} dθ / √(1 − k² sin²θ) = π / (2 AGM(1, k')) (Abramowitz &amp; Stegun 17.6.1), taking the
     * complementary modulus k' = √(1 − k²) directly so callers can supply it without cancellation.
     * Returns +∞ for k' = 0.
     */
    static double firstKindFromComplement(double kPrime) {
        if (kPrime == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double a = 1;
        double b = kPrime;
        // Quadratic convergence: at most ~6 steps in double precision for k' ≥ 1e-300.
        for (int i = 0; i < 100 && Math.abs(a - b) > 1e-16 * a; i++) {
            double next = 0.5 * (a + b);
            b = Math.sqrt(a * b);
            a = next;
        }
        return Math.PI / (a + b);
    }

    /**
     * E(k) = ∫₀^{π/2} √(1 − k² sin²θ) dθ by adaptive quadrature of the integrand written as
     * √(k'² + k² cos²θ) (no cancellation near k = 1, where E → 1). The AGM series for E loses all precision
     * near k = 1 (it subtracts two quantities of the size of K), so quadrature is used instead.
     */
    static double secondKind(double k, double kPrime) {
        double k2 = k * k;
        double kp2 = kPrime * kPrime;
        return GaussKronrod.integrate(theta -> {
            double c = Math.cos(theta);
            return Math.sqrt(kp2 + k2 * c * c);
        }, 0, 0.5 * Math.PI, QUADRATURE_TOLERANCE);
    }
}
