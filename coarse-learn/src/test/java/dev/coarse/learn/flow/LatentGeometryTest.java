package dev.coarse.learn.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.exact.FreeFieldPropagator;
import dev.coarse.lattice.Lattice;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.FieldModel;
import dev.coarse.model.Phi4Model;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/**
 * The unweighted route of {@link LatentGeometry} (an ensemble mapped through the flow's inverse,
 * {@link EnsembleLatents}) against exact answers: exact draws of the free field (λ = 0, covariance from
 * {@link FreeFieldPropagator}, Cholesky factor by EJML) through a flow whose inverse acts on each variable by a
 * constant affine map. Such a map leaves the Gaussian MI between sites unchanged, so every measured I equals the exact
 * −(C/2) ln(1 − ρ²) of the field (ρ = G(r)/G(0), C real components, each independent with the same propagator) plus
 * the estimator's bias C²/(2n), within 4 jackknife errors (false-failure rate about 6·10⁻⁵ per assertion for
 * Gaussian errors; 14 assertions; fixed seeds).
 */
class LatentGeometryTest {

    private static final double SIGMAS = 4;
    private static final int L = 8;
    private static final int N = 4000;

    @Test
    void identityFlowOnTheRealFreeFieldGivesTheExactMutualInformation() {
        Phi4Model model = new Phi4Model(Lattice.square(L), 0.2, 0);
        check(model, FreeFieldPropagator.of(model), false);
    }

    @Test
    void affineFlowOnTheComplexFreeFieldGivesTheExactMutualInformation() {
        ComplexPhi4Model model = new ComplexPhi4Model(Lattice.square(L), 0.2, 1, 0);
        check(model, FreeFieldPropagator.of(model), true);
    }

    private static void check(FieldModel model, FreeFieldPropagator exact, boolean affine) {
        FieldTarget target = new FieldTarget(model);
        int c = target.channels();
        FlowSettings settings = new FlowSettings(2, 1, 4, 64, 1, 1, 1e-3, 2, false, 3);
        FlowArchitecture a = settings.architecture(L, c);
        TrainedFlow flow = flow(a, settings, affine);
        Ensemble ensemble = exactDraws(model, exact, c, new SplittableRandom(5));
        EnsembleLatents.Result mapped = EnsembleLatents.of(target, flow, ensemble);
        if (affine) {
            // the inverse did something: the latents are not the field
            assertThat(mapped.latents()[0]).isNotEqualTo((float) ensemble.data().value(0, 0));
        }
        // independent draws, in order: τ_int of m near ½ (n_eff near n)
        assertThat(mapped.effectiveSamples()).isGreaterThan(0.6 * N);
        LatentGeometry g = LatentGeometry.measureUnweighted(a, mapped.latents(), N);
        double g0 = exact.twoPoint(0, 0);
        double bias = c * c / (2.0 * N);
        assertThat(g.noiseFloor()).isEqualTo(bias);
        double[] mi = new double[L / 2 + 1];
        for (int r = 1; r <= L / 2; r++) {
            double rho = exact.twoPoint(0, r) / g0;
            mi[r] = -0.5 * c * Math.log(1 - rho * rho);
            double measured = g.boundaryMi()[r - 1];
            assertThat(Math.abs(measured - mi[r] - bias)).as("I(%d) = %s ± %s, exact %s", r, measured,
                    g.boundaryMiError()[r - 1], mi[r]).isLessThan(SIGMAS * g.boundaryMiError()[r - 1]);
        }
        for (int r = 2; r <= L / 2; r++) {
            // the distance of the biased estimates (far separations sit near the noise floor)
            double d = -Math.log((mi[r] + bias) / (mi[1] + bias));
            assertThat(Math.abs(g.boundaryDistance()[r - 1] - d)).as("d(%d) = %s ± %s, exact %s", r,
                    g.boundaryDistance()[r - 1], g.boundaryDistanceError()[r - 1], d)
                    .isLessThan(SIGMAS * g.boundaryDistanceError()[r - 1]);
        }
        // every depth pairs latents L/2 apart along a row: the same exact I as the boundary at r = L/2
        for (int level = 0; level < a.depth(); level++) {
            assertThat(Math.abs(g.depthMi()[level] - mi[L / 2] - bias)).as("depth %d: %s ± %s, exact %s", level,
                    g.depthMi()[level], g.depthMiError()[level], mi[L / 2])
                    .isLessThan(SIGMAS * g.depthMiError()[level]);
        }
    }

    /** An untrained flow (the identity), or with its output biases drawn so that each coupling is a constant affine map. */
    private static TrainedFlow flow(FlowArchitecture a, FlowSettings settings, boolean affine) {
        try (var manager = TorchEngine.newManager();
             HierarchicalFlow flow = new HierarchicalFlow(a, manager, new SplittableRandom(3))) {
            float[][] w = flow.weights();
            if (affine) {
                List<String> names = flow.parameterNames();
                SplittableRandom random = new SplittableRandom(9);
                String output = ".b" + a.hiddenLayers();
                for (int p = 0; p < w.length; p++) {
                    if (names.get(p).endsWith(output)) {
                        for (int i = 0; i < w[p].length; i++) {
                            w[p][i] = (float) (random.nextDouble() - 0.5);
                        }
                    }
                }
            }
            return new TrainedFlow(a, settings, w, 0, 0, new double[0]);
        }
    }

    /** N independent exact draws of the free field, stored as the field samplers store them (components per site). */
    private static Ensemble exactDraws(FieldModel model, FreeFieldPropagator exact, int c, SplittableRandom random) {
        int sites = L * L;
        SimpleMatrix cov = new SimpleMatrix(sites, sites);
        for (int x = 0; x < sites; x++) {
            for (int y = 0; y < sites; y++) {
                // per real component: the propagator summed over components, divided by their number
                cov.set(x, y, exact.twoPoint(y / L - x / L, y % L - x % L) / c);
            }
        }
        var cholesky = org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(sites, true);
        SimpleMatrix lower = new SimpleMatrix(cov);
        assertThat(cholesky.decompose(lower.getDDRM())).isTrue();
        SimpleMatrix factor = SimpleMatrix.wrap(cholesky.getT(null));
        double[][] values = new double[N][sites * c];
        SimpleMatrix noise = new SimpleMatrix(sites, 1);
        for (int k = 0; k < N; k++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < sites; i++) {
                    noise.set(i, 0, random.nextGaussian());
                }
                SimpleMatrix x = factor.mult(noise);
                for (int i = 0; i < sites; i++) {
                    values[k][i * c + ch] = x.get(i, 0);
                }
            }
        }
        DegreesOfFreedom dof = c == 2 ? DegreesOfFreedom.complexField() : DegreesOfFreedom.realField();
        EnsembleMeta meta = new EnsembleMeta(model.name(), 2, L, 1.0, 0, 2, "exact", 5, N, 0, 1, 1, Double.NaN,
                "test", Map.of(), model.parameters());
        return new Ensemble(meta, Lattice.square(L), new ContinuousConfigurations(dof, values));
    }

    @Test
    void geometryWithoutErrorsDerivesItsSameKindCurve() {
        LatentGeometry g = new LatentGeometry(new int[] {1, 2, 3, 4}, new double[] {0.4, 0.2, 0.1, 0.05},
                new double[] {0, Math.log(2), Math.log(4), Math.log(8)}, new double[] {0, 1, 1}, new double[] {0, 1, 1},
                new int[] {0, 1, 2}, new double[] {0.05, 0.1, 0.2}, new double[] {3, 2, 1}, new double[] {3, -1, 1}, 1e-3);
        assertThat(g.samples()).isZero();
        assertThat(g.effectiveSamples()).isNaN();
        assertThat(g.boundaryMiError()).containsOnly(Double.NaN);
        assertThat(g.sameKind().separations()).containsExactly(2, 4);
        assertThat(g.sameKind().distance()[1]).isEqualTo(-Math.log(0.05 / 0.2));
        assertThat(g.sameKind().logFit()[2]).isNaN();
    }

    @Test
    void ensembleOfAnotherModelOrSizeIsRefused() {
        Phi4Model model = new Phi4Model(Lattice.square(L), 0.2, 0);
        FlowSettings settings = new FlowSettings(2, 1, 4, 64, 1, 1, 1e-3, 2, false, 3);
        TrainedFlow flow = flow(settings.architecture(4, 1), settings, false);
        Ensemble eight = exactDraws(model, FreeFieldPropagator.of(model), 1, new SplittableRandom(1));
        FieldTarget four = new FieldTarget(new Phi4Model(Lattice.square(4), 0.2, 0));
        assertThatThrownBy(() -> EnsembleLatents.of(four, flow, eight))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L = 8");
        FieldTarget complex = new FieldTarget(new ComplexPhi4Model(Lattice.square(4), 0.2, 1, 0));
        assertThatThrownBy(() -> EnsembleLatents.of(complex, flow, eight))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model phi4");
    }
}
