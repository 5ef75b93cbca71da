package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FiniteSizeScalingTest {

    private static final double TC = 2.269185;
    /** Statistical tolerance in error bars; ≈ 6e-5 false failures per assertion if Gaussian. */
    private static final double SIGMAS = 4;

    private static final SyntheticBinderCurves CUMULANTS = new SyntheticBinderCurves(TC, 0.4, 0.8);

    /** Synthetic cumulants on 21 temperatures from 2.2 in steps of 0.007, crossing exactly at Tc. */
    private static BinderCrossing.Curve curve(int l, double noise, SplittableRandom rng) {
        return CUMULANTS.curve(l, 2.2, 0.007, 21, noise, rng);
    }

    @Test
    void noiseFreeCurvesCrossAtTc() {
        var rng = new SplittableRandom(1);
        BinderCrossing.Crossing c = BinderCrossing.crossing(curve(8, 0, rng), curve(16, 0, rng), 10, 2);
        // limited only by cubic interpolation on the grid of spacing 0.007
        assertThat(c.temperature().mean()).isCloseTo(TC, within(2e-4));
    }

    @Test
    void noisyCurvesCrossAtTcWithinTheResamplingError() {
        var rng = new SplittableRandom(3);
        List<BinderCrossing.Curve> curves = new ArrayList<>();
        for (int l : new int[] {8, 16, 32}) {
            curves.add(curve(l, 2e-3, rng));
        }
        List<BinderCrossing.Crossing> crossings = BinderCrossing.crossings(curves, 400, 5);
        assertThat(crossings).hasSize(2);
        for (BinderCrossing.Crossing c : crossings) {
            assertThat(c.temperature().error()).isBetween(1e-5, 5e-3);
            assertThat(c.temperature().sigmasFrom(TC)).as("%s", c).isLessThan(SIGMAS);
        }
        Estimate tc = BinderCrossing.combine(crossings);
        assertThat(tc.sigmasFrom(TC)).as("%s", tc).isLessThan(SIGMAS);
    }

    @Test
    void curvesThatDoNotCrossAreReported() {
        var rng = new SplittableRandom(1);
        BinderCrossing.Curve a = curve(8, 0, rng);
        double[] shifted = a.values().clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 1;
        }
        BinderCrossing.Curve b = new BinderCrossing.Curve(16, a.temperatures(), shifted, a.errors());
        assertThatThrownBy(() -> BinderCrossing.crossing(a, b, 10, 1)).hasMessageContaining("do not cross");
    }

    @Test
    void cumulantOfGaussianAndOrderedMagnetisation() {
        assertThat(BinderCrossing.cumulant(new double[] {1, -1, 1, 1})).isCloseTo(2.0 / 3, within(1e-15));
        var rng = new SplittableRandom(2);
        double[] m = new double[200000];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextGaussian();
        }
        // Gaussian: ⟨m⁴⟩ = 3⟨m²⟩² → U = 0; standard error ≈ 0.004, tolerance 5σ
        assertThat(BinderCrossing.cumulant(m)).isCloseTo(0, within(0.02));
    }

    @Test
    void powerLawFitRecoversGammaOverNu() {
        double[] l = {8, 16, 32, 64, 128};
        double[] chi = new double[l.length];
        double[] err = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            chi[i] = 0.9 * Math.pow(l[i], 1.75);
            err[i] = 0.01 * chi[i];
        }
        PowerLawFit exact = PowerLawFit.fit(l, chi, err);
        assertThat(exact.exponent().mean()).isCloseTo(1.75, within(1e-12));
        assertThat(exact.logAmplitude().mean()).isCloseTo(Math.log(0.9), within(1e-12));
        var rng = new SplittableRandom(4);
        double[] noisy = chi.clone();
        for (int i = 0; i < l.length; i++) {
            noisy[i] *= 1 + 0.01 * rng.nextGaussian();
        }
        PowerLawFit fit = PowerLawFit.fit(l, noisy, err);
        assertThat(fit.exponent().sigmasFrom(1.75)).as("%s", fit.exponent()).isLessThan(SIGMAS);
        assertThat(fit.degreesOfFreedom()).isEqualTo(3);
    }
}
