package dev.coarse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values are closed forms or scipy.special 1.x (gammainc, gammaincc, chi2.sf), noted per line. */
class IncompleteGammaTest {

    private static final double EXACT = 1e-12;

    @Test
    void logGammaMatchesFactorialsAndHalfInteger() {
        assertThat(Gamma.lnGamma(10)).isCloseTo(Math.log(362880), within(EXACT));
        assertThat(Gamma.lnGamma(1)).isCloseTo(0.0, within(EXACT));
        assertThat(Gamma.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(EXACT));
        assertThat(Gamma.lnGamma(0.25)).isCloseTo(Math.log(3.625609908221908), within(EXACT));
    }

    @Test
    void exponentialCaseIsOneMinusExp() {
        for (double x : new double[] {0.01, 0.5, 1, 2, 5, 30}) {
            assertThat(IncompleteGamma.regularizedLower(1, x)).isCloseTo(-Math.expm1(-x), within(EXACT));
            assertThat(IncompleteGamma.regularizedUpper(1, x)).isCloseTo(Math.exp(-x), within(EXACT * Math.exp(-x)));
        }
    }

    @Test
    void integerShapeIsPoissonTail() {
        for (double x : new double[] {0.3, 3, 20}) {
            double q = 0;
            double term = 1;
            for (int j = 0; j < 5; j++) {
                q += term;
                term *= x / (j + 1);
            }
            q *= Math.exp(-x);
            assertThat(IncompleteGamma.regularizedUpper(5, x)).isCloseTo(q, within(1e-12 * Math.max(q, 1e-3)));
        }
    }

    @Test
    void halfShapeIsErf() {
        // erf(1) and erfc(1) to 16 digits.
        assertThat(IncompleteGamma.regularizedLower(0.5, 1)).isCloseTo(0.8427007929497149, within(EXACT));
        assertThat(IncompleteGamma.regularizedUpper(0.5, 1)).isCloseTo(0.15729920705028513, within(EXACT));
    }

    @Test
    void matchesScipyOnBothBranches() {
        assertThat(IncompleteGamma.regularizedLower(2.5, 1.7)).isCloseTo(0.36143007689620493, within(1e-12));
        assertThat(IncompleteGamma.regularizedUpper(7.3, 15.0)).isCloseTo(0.010015701826128851, within(1e-13));
        assertThat(IncompleteGamma.regularizedUpper(30, 10)).isCloseTo(0.9999997490048799, within(1e-12));
    }

    @Test
    void chiSquaredPValues() {
        assertThat(IncompleteGamma.chiSquaredPValue(3.841458820694124, 1)).isCloseTo(0.05, within(1e-12));
        assertThat(IncompleteGamma.chiSquaredPValue(18.307038053275146, 10)).isCloseTo(0.05, within(1e-12));
        assertThat(IncompleteGamma.chiSquaredPValue(124.34211340400407, 100)).isCloseTo(0.05, within(1e-11));
        assertThat(IncompleteGamma.chiSquaredPValue(50, 100)).isCloseTo(0.9999930466947524, within(1e-12));
        assertThat(IncompleteGamma.chiSquaredPValue(200, 100)).isCloseTo(1.1784500720979781e-08, within(1e-18));
        assertThat(IncompleteGamma.chiSquaredPValue(0, 4)).isEqualTo(1.0);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> IncompleteGamma.regularizedLower(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncompleteGamma.regularizedUpper(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncompleteGamma.chiSquaredPValue(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
