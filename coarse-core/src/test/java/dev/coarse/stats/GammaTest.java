package dev.coarse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GammaTest {

    private static final double TIGHT = 1e-13;

    @Test
    void digammaAtKnownPoints() {
        // ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(1/4) = −γ − π/2 − 3 ln 2 (A&S 6.3.2–6.3.4)
        assertThat(Gamma.digamma(1)).isCloseTo(-Gamma.EULER_GAMMA, within(TIGHT));
        assertThat(Gamma.digamma(0.5)).isCloseTo(-Gamma.EULER_GAMMA - 2 * Math.log(2), within(TIGHT));
        assertThat(Gamma.digamma(0.25)).isCloseTo(-Gamma.EULER_GAMMA - Math.PI / 2 - 3 * Math.log(2), within(TIGHT));
        // ψ(n) = H_{n−1} − γ
        double harmonic = 0;
        for (int n = 1; n < 200; n++) {
            harmonic += 1.0 / n;
            assertThat(Gamma.digamma(n + 1)).isCloseTo(harmonic - Gamma.EULER_GAMMA, within(TIGHT * 10));
        }
    }

    @Test
    void digammaRecurrenceAndLargeArguments() {
        for (double x = 1e-3; x < 50; x *= 1.37) {
            assertThat(Gamma.digamma(x + 1) - Gamma.digamma(x)).isCloseTo(1 / x, within(1e-12 * Math.max(1, 1 / x)));
        }
        // ψ(x) ~ ln x − 1/(2x) for large x
        assertThat(Gamma.digamma(1e8)).isCloseTo(Math.log(1e8) - 0.5e-8, within(1e-15 * 20));
    }

    @Test
    void trigammaAndLnGamma() {
        assertThat(Gamma.trigamma(1)).isCloseTo(Math.PI * Math.PI / 6, within(TIGHT));
        assertThat(Gamma.trigamma(0.5)).isCloseTo(Math.PI * Math.PI / 2, within(TIGHT * 10));
        assertThat(Gamma.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(TIGHT));
        assertThat(Gamma.lnGamma(10)).isCloseTo(Math.log(362880), within(TIGHT * 10));
        assertThat(Gamma.lnGamma(1e-5)).isCloseTo(-Math.log(1e-5) - Gamma.EULER_GAMMA * 1e-5, within(1e-9));
        for (double x = 0.1; x < 30; x += 0.7) {
            assertThat(Gamma.lnGamma(x + 1) - Gamma.lnGamma(x)).isCloseTo(Math.log(x), within(1e-12));
        }
    }

    @Test
    void rejectsNonPositive() {
        assertThatThrownBy(() -> Gamma.digamma(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gamma.trigamma(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
