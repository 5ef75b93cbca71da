package dev.coarse.emergence.sandpile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.info.Tolerances;
import dev.coarse.stats.Estimate;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class AvalancheStatisticsTest {

    @Test
    void truncatedPowerLawFitRecoversAKnownExponent() {
        // Exact draws from P(s) ∝ s^-1.3 on [1, 10^4] by inverting the discrete CDF; fit window [10, 2000].
        double tau = 1.3;
        int max = 10_000;
        double[] cdf = new double[max + 1];
        for (int s = 1; s <= max; s++) {
            cdf[s] = cdf[s - 1] + Math.pow(s, -tau);
        }
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(21);
        long[] values = new long[400_000];
        for (int i = 0; i < values.length; i++) {
            double u = random.nextDouble() * cdf[max];
            int lo = 1;
            int hi = max;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            values[i] = lo;
        }
        Estimate fitted = AvalancheStatistics.truncatedPowerLawExponent(values, 10, 2000);
        assertThat(fitted.sigmasFrom(tau)).as("%s", fitted).isLessThan(Tolerances.STAT_SIGMAS);
        assertThat(fitted.error()).isLessThan(0.02);
    }

    @Test
    void whiteNoiseHasAFlatSpectrum() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(22);
        int[] noise = random.ints(1 << 16, 0, 100).toArray();
        ActivitySpectrum spectrum = ActivitySpectrum.of(noise, 1024, 0.001, 0.5);
        assertThat(spectrum.alpha().sigmasFrom(0)).as("%s", spectrum.alpha()).isLessThan(Tolerances.STAT_SIGMAS);
        // Var = (100² − 1)/12 per step; the Hann-normalised periodogram averages to it.
        double mean = 0;
        for (double p : spectrum.power()) {
            mean += p / spectrum.power().length;
        }
        assertThat(mean).isCloseTo((100.0 * 100 - 1) / 12, org.assertj.core.data.Percentage.withPercentage(3));
    }

    @Test
    void logBinnedDensityIsNormalised() {
        long[] values = new long[9_990];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 + (i % 999);
        }
        AvalancheStatistics.Distribution d = AvalancheStatistics.logBinned(values, 5);
        // Σ density × (number of integers in the bin) = 1; 1 … 999 uniformly (999 ends a bin) give a flat density 1/999.
        for (double p : d.density()) {
            assertThat(p).isCloseTo(1.0 / 999, org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
    }
}
