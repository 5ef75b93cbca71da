package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmoothedSumsTest {

    /** Issue 5's acceptance tolerance for the scheme-independent constant. */
    private static final double CONSTANT_TOLERANCE = 1e-6;

    @ParameterizedTest
    @EnumSource(SmoothedSums.Cutoff.class)
    void constantTermIsMinusOneTwelfthForEveryCutoff(SmoothedSums.Cutoff eta) {
        SmoothedSums.Extrapolation e = SmoothedSums.constantTerm(eta, 32, 5);
        assertThat(e.constant()).isCloseTo(-1.0 / 12, within(CONSTANT_TOLERANCE));
        assertThat(e.error()).isLessThan(CONSTANT_TOLERANCE);
    }

    @Test
    void exponentialCutoffMatchesItsClosedForm() {
        // Σ n e^{−n/N} = e^{1/N}/(e^{1/N} − 1)² = 1/(4 sinh²(1/2N)) exactly: independent of the summation code.
        int n = 100;
        double exact = 1 / (4 * Math.pow(Math.sinh(0.5 / n), 2));
        assertThat(SmoothedSums.sum(SmoothedSums.Cutoff.EXP, n)).isCloseTo(exact, within(1e-8));
        // and the unextrapolated remainder already shows −1/12 + 1/(240 N²)
        assertThat(SmoothedSums.remainder(SmoothedSums.Cutoff.EXP, n)).isCloseTo(-1.0 / 12 + 1.0 / (240.0 * n * n),
                within(1e-9));
    }

    @Test
    void bumpMomentMatchesNumericalQuadrature() {
        // composite Simpson on ∫₀¹ x exp(−x²/(1−x²)) dx, an independent check of the Euler–Gompertz closed form
        int steps = 200000;
        double h = 1.0 / steps;
        double s = 0;
        for (int i = 0; i <= steps; i++) {
            double x = i * h;
            double f = x * SmoothedSums.Cutoff.BUMP.eta(x);
            s += (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        assertThat(s * h / 3).isCloseTo(SmoothedSums.Cutoff.BUMP.firstMoment(), within(1e-12));
    }
}
