package dev.coarse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinningTest {

    @Test
    void plateauReachesTheTrueErrorOfTheMean() {
        double phi = 0.9;
        int n = 1 << 19;
        double[] x = Ar1.series(phi, n, new SplittableRandom(21));
        double exact = Math.sqrt(2 * Ar1.tauInt(phi) * Ar1.variance(phi) / n);
        List<Binning.Level> levels = Binning.levels(x, 64);
        assertThat(levels.get(0).binSize()).isEqualTo(1);
        assertThat(levels.get(levels.size() - 1).binCount()).isGreaterThanOrEqualTo(64);
        // Bin size 1 underestimates by √(2τ) = √19.
        assertThat(levels.get(0).error()).isCloseTo(exact / Math.sqrt(2 * Ar1.tauInt(phi)), within(0.05 * exact));
        // Bins of 1024 ≫ τ: 512 bins, relative error of the error ~ 1/√1024 = 3%; allow 4σ.
        assertThat(Binning.errorAt(x, 1024)).isCloseTo(exact, within(0.13 * exact));
    }

    @Test
    void rejectsTooFewBins() {
        assertThatThrownBy(() -> Binning.errorAt(new double[5], 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer than 2 bins");
    }
}
