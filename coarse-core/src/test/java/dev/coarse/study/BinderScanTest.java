package dev.coarse.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.mc.SamplerKind;
import dev.coarse.mc.ProgressRecorder;
import dev.coarse.rg.BinderCrossing;
import dev.coarse.rg.SyntheticBinderCurves;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinderScanTest {

    private static final double TC = 2.269185314213022;
    /** Statistical tolerance in error bars; ≈ 6e-5 false failures per assertion if Gaussian. */
    private static final double SIGMAS = 4;

    private static BinderScan.Spec small(int threads, long seed) {
        return new BinderScan.Spec(StudyModel.Family.ISING2D, 3, new int[] {4, 8},
                BinderScan.window(TC, 0.15, 6), SamplerKind.WOLFF, 400, 20, seed, threads);
    }

    @Test
    void sameSeedSameResultWhateverTheThreadCount() {
        BinderScan.Result one = BinderScan.run(small(1, 7), null);
        BinderScan.Result two = BinderScan.run(small(2, 7), null);
        assertThat(two.curves()).isEqualTo(one.curves());
        assertThat(two.criticalTemperature()).isEqualTo(one.criticalTemperature());
    }

    @Test
    void smallScanCrossesNearTcAndReportsProgressToTheTotal() {
        BinderScan.Spec spec = small(1, 11);
        ProgressRecorder progress = new ProgressRecorder(spec.totalSweeps());
        BinderScan.Result r = BinderScan.run(spec, progress);
        progress.assertReachedTheTotal();
        assertThat(r.curves()).hasSize(2);
        assertThat(r.curves().get(0).points()).hasSize(6);
        assertThat(r.crossings()).hasSize(1);
        assertThat(r.systematic()).isZero();
        // L = 4, 8 cross a few percent from Tc: this checks the pipeline, not the precision
        assertThat(r.criticalTemperature().mean()).isCloseTo(TC, within(0.1 * TC));
        assertThat(r.criticalCoupling().mean()).isCloseTo(1 / r.criticalTemperature().mean(), within(1e-12));
        for (BinderScan.SizeCurve c : r.curves()) {
            for (BinderScan.Point p : c.points()) {
                assertThat(p.binder().mean()).isBetween(0.0, 2.0 / 3);
                assertThat(p.susceptibility().mean()).isPositive();
                assertThat(p.energyPerSite().mean()).isBetween(-2.0, 0.0);
            }
        }
    }

    @Test
    void pottsAndSwendsenWangScansRun() {
        double tc = 1 / Math.log(1 + Math.sqrt(3));
        BinderScan.Result r = BinderScan.run(new BinderScan.Spec(StudyModel.Family.POTTS2D, 3, new int[] {4, 8},
                BinderScan.window(tc, 0.2, 6), SamplerKind.WOLFF, 200, 20, 3, 1), null);
        assertThat(r.curves().get(1).points().get(0).absMagnetization().mean()).isBetween(0.0, 1.0);
        BinderScan.Result sw = BinderScan.run(new BinderScan.Spec(StudyModel.Family.ISING3D, 3, new int[] {4, 6},
                BinderScan.window(4.51, 0.15, 5), SamplerKind.SWENDSEN_WANG, 100, 20, 3, 1), null);
        assertThat(sw.curves()).hasSize(2);
    }

    @Test
    void fittedCrossingOfSyntheticCurvesCoversTheTruth() {
        var rng = new SplittableRandom(5);
        List<BinderCrossing.Curve> curves = new ArrayList<>();
        SyntheticBinderCurves cumulants = new SyntheticBinderCurves(TC, 0.61, 0.05);
        for (int l : new int[] {16, 32}) {
            curves.add(cumulants.curve(l, 2.25, 0.005, 9, 1e-3, rng));
        }
        BinderCrossing.Crossing c = BinderScan.crossing(curves.get(0), curves.get(1), 400, 9);
        Estimate t = c.temperature();
        assertThat(t.error()).isBetween(1e-4, 2e-2);
        assertThat(t.sigmasFrom(TC)).as("%s, %s σ tolerance", t, SIGMAS).isLessThan(SIGMAS);
    }

    @Test
    void badSpecsAreRejected() {
        double[] grid = BinderScan.window(TC, 0.1, 5);
        assertThatThrownBy(() -> new BinderScan.Spec(StudyModel.Family.ISING2D, 3, new int[] {8}, grid, SamplerKind.WOLFF,
                100, 20, 1, 1)).hasMessageContaining("at least 2 sizes");
        assertThatThrownBy(() -> new BinderScan.Spec(StudyModel.Family.ISING2D, 3, new int[] {8, 4}, grid, SamplerKind.WOLFF,
                100, 20, 1, 1)).hasMessageContaining("increasing");
        assertThatThrownBy(() -> new BinderScan.Spec(StudyModel.Family.ISING2D, 3, new int[] {4, 8},
                new double[] {-1, 1, 2, 3}, SamplerKind.WOLFF, 100, 20, 1, 1)).hasMessageContaining("> 0");
        assertThatThrownBy(() -> new BinderScan.Spec(StudyModel.Family.ISING2D, 3, new int[] {4, 8}, grid, SamplerKind.WORM,
                100, 20, 1, 1)).hasMessageContaining("unknown sampler 'worm' for ising2d");
        assertThatThrownBy(() -> BinderScan.window(TC, 0.1, 3)).hasMessageContaining("4 points");
    }
}
