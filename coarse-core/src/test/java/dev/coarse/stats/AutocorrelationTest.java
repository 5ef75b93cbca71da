package dev.coarse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutocorrelationTest {

    /** Statistical tolerance in estimated standard deviations. */
    private static final double STAT_SIGMAS = 4.0;

    @Test
    void integratedTimeOfAr1MatchesClosedForm() {
        for (double phi : new double[] {0.0, 0.5, 0.8, 0.95, 0.99}) {
            int n = 400_000;
            double[] x = Ar1.series(phi, n, new SplittableRandom(11));
            double tau = Autocorrelation.integratedTime(x);
            double exact = Ar1.tauInt(phi);
            // Sokal's error estimate σ(τ) ≈ τ √(2(2M+1)/n), M = c·τ; plus the truncated tail φ^(M+1)/(1−φ).
            double window = Autocorrelation.SOKAL_WINDOW_FACTOR * exact;
            double sigma = exact * Math.sqrt(2 * (2 * window + 1) / n);
            double bias = Math.pow(phi, window + 1) / (1 - phi);
            assertThat(tau).as("φ = %s", phi).isCloseTo(exact, within(STAT_SIGMAS * sigma + bias));
        }
    }

    @Test
    void pooledChainsGiveTheSameTime() {
        double phi = 0.8;
        double[][] chains = new double[8][];
        for (int c = 0; c < chains.length; c++) {
            chains[c] = Ar1.series(phi, 50_000, new SplittableRandom(100 + c));
        }
        double exact = Ar1.tauInt(phi);
        double sigma = exact * Math.sqrt(2 * (2 * 6 * exact + 1) / 400_000.0);
        assertThat(Autocorrelation.integratedTime(chains)).isCloseTo(exact, within(STAT_SIGMAS * sigma + 0.01));
    }

    @Test
    void functionOfAr1DecaysAsPowerOfPhi() {
        double phi = 0.7;
        double[] rho = Autocorrelation.function(Ar1.series(phi, 400_000, new SplittableRandom(5)), 5);
        assertThat(rho).hasSize(6);
        assertThat(rho[0]).isEqualTo(1.0);
        for (int t = 1; t <= 5; t++) {
            // σ(ρ(t)) ≲ √((1+φ²)/(1−φ²)/n) ≈ 0.0025 for n = 4e5 (Bartlett); 4σ ≈ 0.01.
            assertThat(rho[t]).isCloseTo(Math.pow(phi, t), within(0.01));
        }
    }

    @Test
    void fftAutocovarianceEqualsDirectSumsForUnequalChains() {
        SplittableRandom rng = new SplittableRandom(9);
        double[][] chains = {Ar1.series(0.9, 1000, rng), Ar1.series(0.9, 777, rng), Ar1.series(0.9, 1500, rng)};
        double mean = Autocorrelation.mean(chains);
        double[] fft = Autocorrelation.autocovarianceByFft(chains, mean);
        assertThat(fft).hasSize(777);
        long n = Autocorrelation.totalLength(chains);
        for (int t : new int[] {0, 1, 5, 33, 200, 776}) {
            double direct = 0;
            for (double[] c : chains) {
                for (int i = 0; i + t < c.length; i++) {
                    direct += (c[i] - mean) * (c[i + t] - mean);
                }
            }
            assertThat(fft[t]).as("lag %d", t).isCloseTo(direct / n, within(1e-9 * Math.abs(fft[0])));
        }
        // ρ beyond the direct range comes from the FFT and agrees with ρ from the direct range at the seam.
        double[] rho = Autocorrelation.function(chains, 100);
        assertThat(rho[Autocorrelation.DIRECT_LAGS]).isCloseTo(fft[Autocorrelation.DIRECT_LAGS] / fft[0], within(1e-9));
    }

    @Test
    void constantSeriesHasHalfAndZeroCorrelation() {
        double[] x = {2, 2, 2, 2, 2};
        assertThat(Autocorrelation.integratedTime(x)).isEqualTo(0.5);
        assertThat(Autocorrelation.function(x, 3)).containsExactly(1, 0, 0, 0);
    }
}
