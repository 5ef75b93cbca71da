package dev.coarse.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.mc.SamplerKind;
import dev.coarse.mc.ProgressRecorder;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.Decimation;
import dev.coarse.rg.MajorityRule;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.Recursions;
import dev.coarse.stats.Estimate;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FlowDiagramTest {

    /** Statistical tolerance in error bars; ≈ 6e-5 false failures per assertion if Gaussian. */
    private static final double SIGMAS = 4;

    private static FlowDiagram.Spec chain(CoarseGraining rule, double[] ks, long seed) {
        return new FlowDiagram.Spec(1, 64, ks, rule, OperatorSet.of(1, "nn"), SamplerKind.WOLFF, 600, 2, 50, seed, 1);
    }

    @Test
    void decimationOfTheChainFollowsTheExactRecursion() {
        // 1D, b = 2 decimation: tanh K' = tanh² K exactly, and a decimated periodic chain is again an NN chain
        FlowDiagram.Result r = FlowDiagram.run(chain(new Decimation(2), new double[] {0.3, 0.6, 0.9}, 3), null);
        for (FlowDiagram.Point p : r.points()) {
            double t = Math.tanh(p.coupling());
            double exact = 0.5 * Math.log((1 + t * t) / (1 - t * t));
            Estimate k = p.projected();
            assertThat(k.sigmasFrom(exact)).as("K = %s: K' = %s vs exact %s, %s σ tolerance", p.coupling(), k,
                    exact, SIGMAS).isLessThan(SIGMAS);
        }
        // K' < K on the whole grid: no non-trivial fixed point, as for the exact 1D recursion
        assertThat(r.fixedPoint()).isEmpty();
    }

    @Test
    void identityRuleRecoversTheSampledCoupling() {
        // b = 1 decimation is the identity: the fit must return K itself (2D, NN + NNN, NNN coupling 0)
        FlowDiagram.Result r = FlowDiagram.run(new FlowDiagram.Spec(2, 16, new double[] {0.2, 0.35}, new Decimation(1),
                OperatorSet.of(2, "nn", "nnn"), SamplerKind.SWENDSEN_WANG, 200, 1, 30, 5, 2), null);
        for (FlowDiagram.Point p : r.points()) {
            assertThat(p.projected().sigmasFrom(p.coupling())).as("%s, %s σ tolerance", p, SIGMAS)
                    .isLessThan(SIGMAS);
            assertThat(p.coarse().get("nnn").sigmasFrom(0)).as("%s", p).isLessThan(SIGMAS);
        }
        assertThat(r.flow()[1][0]).isEqualTo(0.35);
    }

    @Test
    void fixedPointOfNoisyMigdalKadanoffDataCoversTheClosedForm() {
        // synthetic data from the exact MK map K' = ½ ln cosh 4K with Gaussian noise of known size
        double kStar = Recursions.migdalKadanoffFixedPointClosedForm();
        double nu = Recursions.migdalKadanoffNuClosedForm();
        var rng = new SplittableRandom(2);
        int n = 9;
        double[] k = new double[n];
        double[] kp = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = 0.26 + 0.01 * i;
            e[i] = 1e-3;
            kp[i] = 0.5 * Math.log(Math.cosh(4 * k[i])) + e[i] * rng.nextGaussian();
        }
        Optional<FlowDiagram.FixedPoint> fp = FlowDiagram.fixedPoint(k, kp, e, 2, 400, 4);
        assertThat(fp).isPresent();
        assertThat(fp.get().coupling().error()).isBetween(1e-5, 1e-2);
        assertThat(fp.get().coupling().sigmasFrom(kStar)).as("%s vs %s", fp.get(), kStar).isLessThan(SIGMAS);
        assertThat(fp.get().nu().sigmasFrom(nu)).as("%s vs %s", fp.get(), nu).isLessThan(SIGMAS);
        // noise-free data: the cubic smoothing alone is accurate to the grid's curvature
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            exact[i] = 0.5 * Math.log(Math.cosh(4 * k[i]));
        }
        assertThat(FlowDiagram.fixedPoint(k, exact, e, 2, 10, 4).orElseThrow().coupling().mean())
                .isCloseTo(kStar, within(1e-5));
    }

    @Test
    void progressReachesTheTotal() {
        FlowDiagram.Spec spec = new FlowDiagram.Spec(2, 8, new double[] {0.3, 0.4}, new MajorityRule(2),
                OperatorSet.of(2, "nn"), SamplerKind.SWENDSEN_WANG, 45, 3, 20, 1, 1);
        ProgressRecorder progress = new ProgressRecorder(spec.totalSweeps());
        FlowDiagram.run(spec, progress);
        progress.assertReachedTheTotal();
    }

    @Test
    void sameSeedSameFlowWhateverTheThreadCount() {
        double[] ks = {0.35, 0.45};
        FlowDiagram.Spec one = new FlowDiagram.Spec(2, 8, ks, new MajorityRule(2), OperatorSet.of(2, "nn"), SamplerKind.SWENDSEN_WANG,
                40, 1, 20, 9, 1);
        FlowDiagram.Spec two = new FlowDiagram.Spec(2, 8, ks, new MajorityRule(2), OperatorSet.of(2, "nn"), SamplerKind.SWENDSEN_WANG,
                40, 1, 20, 9, 2);
        assertThat(FlowDiagram.run(two, null).flow()).isDeepEqualTo(FlowDiagram.run(one, null).flow());
    }

    @Test
    void badSpecsAreRejected() {
        assertThatThrownBy(() -> new FlowDiagram.Spec(2, 15, new double[] {0.3, 0.4}, new MajorityRule(2),
                OperatorSet.of(2, "nn"), SamplerKind.SWENDSEN_WANG, 10, 1, 20, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowDiagram.Spec(2, 16, new double[] {0.3}, new MajorityRule(2),
                OperatorSet.of(2, "nn"), SamplerKind.SWENDSEN_WANG, 10, 1, 20, 1, 1)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new FlowDiagram.Spec(2, 16, new double[] {0.3, 0.4}, new MajorityRule(2),
                OperatorSet.of(2, "nnn"), SamplerKind.SWENDSEN_WANG, 10, 1, 20, 1, 1)).hasMessageContaining("'nn'");
    }
}
