package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussKronrodTest {

    private static final double EXACT = 1e-14;

    @Test
    void singleRuleIsExactForDegree22Polynomials() {
        // K15 integrates polynomials of degree ≤ 22 exactly; ∫₀¹ x²² dx = 1/23.
        double[] ke = GaussKronrod.rule(x -> Math.pow(x, 22), 0, 1);
        assertThat(ke[0]).isCloseTo(1.0 / 23, within(EXACT));
        // The embedded 7-point Gauss rule is exact to degree 13, so the error estimate vanishes there.
        // ∫_{−1}^{2} x¹³ dx = (2¹⁴ − 1)/14; the estimate is zero up to rounding relative to that size.
        assertThat(GaussKronrod.rule(x -> Math.pow(x, 13), -1, 2)[1]).isLessThan(EXACT * (16383.0 / 14));
    }

    @Test
    void adaptiveIntegrationOfKnownIntegrals() {
        assertThat(GaussKronrod.integrate(Math::sin, 0, Math.PI, 1e-15)).isCloseTo(2.0, within(EXACT));
        // ∫₀^{π/2} ln cos θ dθ = −(π/2) ln 2: integrable log singularity at the end point.
        assertThat(GaussKronrod.integrate(x -> Math.log(Math.cos(x)), 0, 0.5 * Math.PI - 1e-300, 1e-13))
                .isCloseTo(-0.5 * Math.PI * Math.log(2), within(1e-10));
    }

    @Test
    void ellipticIntegralsMatchKnownValues() {
        // K(0) = E(0) = π/2; E(1) = 1; K(1/√2) = Γ(1/4)²/(4√π) = 1.8540746773013719 (A&S 17.3.11 lemniscate case).
        assertThat(EllipticIntegrals.firstKindFromComplement(1)).isCloseTo(0.5 * Math.PI, within(EXACT));
        assertThat(EllipticIntegrals.secondKind(0, 1)).isCloseTo(0.5 * Math.PI, within(EXACT));
        assertThat(EllipticIntegrals.secondKind(1, 0)).isCloseTo(1.0, within(EXACT));
        double s = Math.sqrt(0.5);
        assertThat(EllipticIntegrals.firstKindFromComplement(s)).isCloseTo(1.8540746773013719, within(EXACT));
        // E(1/√2) = 1.3506438810476755 (Legendre relation: 2EK − K² = π/2 at k = k' = 1/√2).
        double k = EllipticIntegrals.firstKindFromComplement(s);
        double e = EllipticIntegrals.secondKind(s, s);
        assertThat(2 * e * k - k * k).isCloseTo(0.5 * Math.PI, within(EXACT));
        assertThat(EllipticIntegrals.firstKindFromComplement(0)).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
