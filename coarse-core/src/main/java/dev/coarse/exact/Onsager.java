package dev.coarse.exact;

/**
 * The 2D Ising model (J = 1, h = 0) on the infinite square lattice, exactly (L. Onsager, Phys. Rev. 65, 117
 * (1944); free energy and energy as in K. Huang, <i>Statistical Mechanics</i>, 2nd ed., §15.4; specific heat
 * in the form of M. Hjorth-Jensen, <i>Computational Physics</i> lecture notes (2015), Eq. 13.1, verified here
 * against Kaufman's L = 256 torus and against dU/dT; magnetization from C. N. Yang, Phys. Rev. 85, 808 (1952)). All quantities are per site, with k<sub>B</sub> = 1 and K = 1/T.
 *
 * <p>With κ = 2 sinh 2K / cosh² 2K and the complementary modulus κ' = √(1 − κ²) = |1 − sinh² 2K| / cosh² 2K
 * (an identity that avoids cancellation near T<sub>c</sub>, where κ → 1):
 * <pre>
 *   −βf = ln(2 cosh 2K) + (1/π) ∫₀^{π/2} ln[(1 + √(1 − κ² sin²θ))/2] dθ
 *   u   = −coth 2K [1 + (2/π)(2 tanh² 2K − 1) K₁(κ)]
 *   C   = (4/π)(K coth 2K)² {K₁(κ) − E₁(κ) − (1 − tanh² 2K)[π/2 + (2 tanh² 2K − 1) K₁(κ)]}
 *   m   = (1 − sinh⁻⁴ 2K)^{1/8}  (T &lt; T_c), 0 otherwise.
 * </pre>
 * The integrand of −βf is symmetric about θ = π/2, where at T<sub>c</sub> it has a kink (|cos θ|); the
 * integral is therefore taken over [0, π/2] only, an interval on which the integrand is smooth, and doubled
 * (hence 1/π rather than 1/2π). K₁ is computed by the arithmetic–geometric mean, E₁ by adaptive Gauss–Kronrod.
 */
public final class Onsager {

    /** T<sub>c</sub> = 2 / ln(1 + √2) = 2.269185314213022… */
    public static final double CRITICAL_TEMPERATURE = 2.0 / Math.log(1.0 + Math.sqrt(2.0));

    /** K<sub>c</sub> = ln(1 + √2) / 2 = 0.4406867935097715… */
    public static final double CRITICAL_COUPLING = 0.5 * Math.log(1.0 + Math.sqrt(2.0));

    private static final double QUADRATURE_TOLERANCE = 1e-15;

    private Onsager() {
    }

    /** −βf = ln Z / N in the thermodynamic limit. */
    public static double logPartitionFunctionPerSite(double T) {
        double k = Kaufman.couplingOf(T);
        double s = Math.sinh(2 * k);
        double c = Math.cosh(2 * k);
        double kappa = 2 * s / (c * c);
        double kappa2 = kappa * kappa;
        double kPrime = complementaryModulus(s, c);
        double kPrime2 = kPrime * kPrime;
        double integral = GaussKronrod.integrate(theta -> {
            double cos = Math.cos(theta);
            double root = Math.sqrt(kPrime2 + kappa2 * cos * cos);
            return Math.log1p(0.5 * (root - 1));
        }, 0, 0.5 * Math.PI, QUADRATURE_TOLERANCE);
        return Kaufman.logTwoCosh(2 * k) + integral / Math.PI;
    }

    /** Free energy per site f = −T ln Z / N. */
    public static double freeEnergyPerSite(double T) {
        return -T * logPartitionFunctionPerSite(T);
    }

    /** Energy per site u; u(T<sub>c</sub>) = −√2 (the K₁ term vanishes there, its log divergence times zero). */
    public static double energyPerSite(double T) {
        double k = Kaufman.couplingOf(T);
        double s = Math.sinh(2 * k);
        double c = Math.cosh(2 * k);
        double kPrime = complementaryModulus(s, c);
        double twoTanh2Minus1 = (s * s - 1) / (c * c);
        double ellipticTerm = kPrime == 0 ? 0
                : (2 / Math.PI) * twoTanh2Minus1 * EllipticIntegrals.firstKindFromComplement(kPrime);
        return -(c / s) * (1 + ellipticTerm);
    }

    /**
     * Specific heat per site C = du/dT; +∞ at T = {@link #CRITICAL_TEMPERATURE} (log divergence). Absolute
     * accuracy about 1e-13: at low T the exponentially small result comes from cancelling O(1) terms, so it
     * is clamped at 0 rather than allowed to go slightly negative.
     */
    public static double specificHeatPerSite(double T) {
        double k = Kaufman.couplingOf(T);
        double s = Math.sinh(2 * k);
        double c = Math.cosh(2 * k);
        double kPrime = complementaryModulus(s, c);
        if (kPrime == 0 || T == CRITICAL_TEMPERATURE) {
            return Double.POSITIVE_INFINITY;
        }
        double kappa = 2 * s / (c * c);
        double k1 = EllipticIntegrals.firstKindFromComplement(kPrime);
        double e1 = EllipticIntegrals.secondKind(kappa, kPrime);
        double tanh2 = (s / c) * (s / c);
        double twoTanh2Minus1 = (s * s - 1) / (c * c);
        double kc = k * c / s;
        double heat = (4 / Math.PI) * kc * kc
                * (k1 - e1 - (1 - tanh2) * (0.5 * Math.PI + twoTanh2Minus1 * k1));
        return Math.max(0, heat);
    }

    /** Spontaneous magnetization per site (Yang 1952): (1 − sinh⁻⁴ 2K)^{1/8} below T<sub>c</sub>, 0 at and above. */
    public static double spontaneousMagnetization(double T) {
        double k = Kaufman.couplingOf(T);
        if (!(T < CRITICAL_TEMPERATURE)) {
            return 0;
        }
        double s2 = Math.sinh(2 * k);
        s2 *= s2;
        return Math.pow(Math.max(0, 1 - 1 / (s2 * s2)), 0.125);
    }

    /** κ' = √(1 − κ²) = |1 − sinh² 2K| / cosh² 2K. */
    private static double complementaryModulus(double s, double c) {
        return Math.abs((1 - s) * (1 + s)) / (c * c);
    }
}
