package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import dev.coarse.rg.PowerLawFit;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.MeanEstimator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Free dimers are critical: the connected correlation of two x-dimers a distance r apart along x,
 * C(r) = ⟨n<sub>x</sub>(0) n<sub>x</sub>(r e<sub>x</sub>)⟩ − 1/16, falls off as (−1)<sup>r</sup>/(π² r²) (Fisher &amp;
 * Stephenson, Phys. Rev. 132, 1411, 1963), not exponentially.
 */
@Tag("slow")
class DimerCorrelationTest {

    private static final int L = 64;
    private static final int SAMPLES = 6000;

    @Test
    void parallelDimerCorrelationAlongTheRowDecaysAsTheInverseSquare() {
        DimerModel model = DimerModel.free(Lattice.square(L));
        DimerWorm worm = new DimerWorm(model);
        SplittableRandom rng = new SplittableRandom(20261202L);
        byte[] c = model.columnarCovering();
        worm.sweeps(c, rng, 200);
        int maxR = 12;
        double[][] series = new double[maxR + 1][SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            worm.sweeps(c, rng, 2);
            for (int r = 0; r <= maxR; r++) {
                series[r][i] = correlation(c, r);
            }
        }
        // r = 3 … 12 = L/5.3: beyond r = 2, where the lattice still shows, and well inside the torus, whose
        // images bend C(r) by r ≈ L/4. Fits over windows from [2, 12] to [4, 16] of a 40 000-sample run give
        // exponents from 1.98 to 2.17 (the non-oscillating part of C adds a little to odd r), hence the ±0.25
        // tolerance; the statistical error of the exponent here is about 0.05, so a correct sampler fails far less
        // often than once in 10⁴ seeds.
        int first = 3;
        double[] r = new double[maxR - first + 1];
        double[] magnitude = new double[r.length];
        double[] error = new double[r.length];
        double amplitude = 0;
        for (int k = 0; k < r.length; k++) {
            int distance = first + k;
            Estimate e = MeanEstimator.of(series[distance]);
            assertThat(Math.signum(e.mean())).as("sign of C(%d)", distance).isEqualTo(distance % 2 == 0 ? 1.0 : -1.0);
            r[k] = distance;
            magnitude[k] = Math.abs(e.mean());
            error[k] = e.error();
            amplitude += magnitude[k] * distance * distance / r.length;
        }
        PowerLawFit fit = PowerLawFit.fit(r, magnitude, error);
        assertThat(-fit.exponent().mean()).as("decay exponent of |C(r)|, %s", fit.exponent()).isBetween(1.75, 2.25);
        // mean of r²|C(r)| over the window: 0.109 in the long run, against 1/π² = 0.101 asymptotically
        assertThat(amplitude).as("r²|C(r)| against 1/π²").isBetween(0.08, 0.13);
    }

    /** C(r) averaged over the torus: (1/N) Σ<sub>s</sub> n<sub>x</sub>(s) n<sub>x</sub>(s + r e<sub>x</sub>) − 1/16. */
    private static double correlation(byte[] c, int r) {
        long sum = 0;
        for (int x = 0; x < L; x++) {
            int shifted = ((x + r) % L) * L;
            for (int y = 0; y < L; y++) {
                sum += c[2 * (x * L + y)] & c[2 * (shifted + y)];
            }
        }
        return sum / (double) (L * L) - 1.0 / 16;
    }
}
