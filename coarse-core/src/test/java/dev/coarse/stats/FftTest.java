package dev.coarse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {

    private static final double EXACT = 1e-10;

    @Test
    void matchesTheNaiveDftAndInverts() {
        int n = 64;
        var rng = new SplittableRandom(1);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rng.nextGaussian();
            im[i] = rng.nextGaussian();
        }
        double[] r0 = re.clone();
        double[] i0 = im.clone();
        Fft.transform(re, im, false);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * j * k / n;
                sr += r0[j] * Math.cos(a) - i0[j] * Math.sin(a);
                si += r0[j] * Math.sin(a) + i0[j] * Math.cos(a);
            }
            assertThat(re[k]).isCloseTo(sr, within(EXACT));
            assertThat(im[k]).isCloseTo(si, within(EXACT));
        }
        Fft.transform(re, im, true);
        for (int j = 0; j < n; j++) {
            assertThat(re[j]).isCloseTo(r0[j], within(EXACT));
            assertThat(im[j]).isCloseTo(i0[j], within(EXACT));
        }
    }

    @Test
    void rejectsNonPowersOfTwo() {
        assertThatThrownBy(() -> Fft.transform(new double[6], new double[6], false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
    }
}
