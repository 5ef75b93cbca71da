package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.exact.FreeFieldPropagator;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.FieldModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Phi4Model;
import dev.coarse.stats.Estimate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HMC and local Metropolis on the φ⁴ theories against exact results: the Gaussian theory (λ = 0) from the momentum
 * sum ({@link FreeFieldPropagator}), and the interacting theory on the 2×2 torus by 4-dimensional quadrature; and HMC
 * against Metropolis at an interacting point on a larger lattice.
 *
 * <p>Every statistical assertion is within {@value #SIGMAS} estimated errors (τ<sub>int</sub>-corrected,
 * {@link dev.coarse.stats.MeanEstimator}): a Gaussian estimate lies outside 4σ with probability 6.3e-5, and this
 * class makes 28 such checks (they are correlated, which only lowers the rate), so it fails falsely at most about
 * once in 570 seeds (the seeds are fixed: it passes or fails
 * reproducibly).
 */
class FieldSamplersTest {

    private static final double SIGMAS = 4.0;

    private static FieldChainResult run(FieldModel model, SamplerKind kind, long updates, int chains, long seed) {
        return FieldChainRunner.run(FieldRunSpec.withDefaults(model, kind, updates, 500, 1, chains, seed, 2), null);
    }

    private static void assertWithin(Estimate measured, double exact, String what) {
        assertThat(measured.error()).as(what + " error").isPositive();
        assertThat(Math.abs(measured.mean() - exact)).as("%s: %s vs exact %s", what, measured, exact)
                .isLessThan(SIGMAS * measured.error());
    }

    /** Gaussian theories: ⟨Σ|φ|²⟩/N and G(r), r = 1 … L/2, against the momentum sum (6 + 4 + 4 + 6 = 20 checks). */
    @ParameterizedTest
    @ValueSource(strings = {"real2d:hmc", "complex2d:hmc", "real3d:hmc", "real2d:metropolis"})
    void freeFieldMatchesTheExactLatticePropagator(String which) {
        String[] parts = which.split(":");
        FieldModel model = switch (parts[0]) {
            case "real2d" -> new Phi4Model(Lattice.square(10), 0.22, 0.0);
            case "complex2d" -> new ComplexPhi4Model(Lattice.square(6), 1.0, 4.5, 0.0);
            default -> new Phi4Model(Lattice.cubic(6), 0.14, 0.0);
        };
        FreeFieldPropagator exact = model instanceof Phi4Model real ? FreeFieldPropagator.of(real)
                : FreeFieldPropagator.of((ComplexPhi4Model) model);
        FieldChainResult result = run(model, SamplerKind.forId(parts[1], model), 3000, 4, 17L);
        assertWithin(FieldObservables.measure(result).get("phi2"), exact.fieldSquaredPerSite(), which + " phi2");
        Estimate[] g = FieldObservables.correlationFunction(result);
        double[] expected = exact.twoPointAlongAxis();
        assertThat(g).hasSameSizeAs(expected);
        for (int r = 1; r < g.length; r++) {
            assertWithin(g[r], expected[r], which + " G(" + r + ")");
        }
    }

    /**
     * The interacting real theory on the 2×2 torus, where ⟨φ²⟩ and ⟨|M|⟩/N are 4-dimensional integrals done here by
     * the trapezoidal rule on [−3.2, 3.2]⁴ (the weight is below e<sup>−50</sup> at the edge). For the smooth φ² the
     * rule converges exponentially (spacings 0.1 and 0.05 agree to 7e-12); |M| has a kink at M = 0, so its error is
     * O(h²) (0.70666435, 0.70674164, 0.70676096 at h = 0.2, 0.1, 0.05) and one Richardson step from h = 0.2 and 0.1
     * gives 0.70676740, within 1e-8 of the same step from 0.1 and 0.05. Both samplers reproduce them: the check that
     * each leaves exactly e<sup>−S</sup> invariant (4 checks).
     */
    @ParameterizedTest
    @ValueSource(strings = {"hmc", "metropolis"})
    void interactingTwoByTwoTorusMatchesQuadrature(String sampler) {
        double kappa = 0.3;
        double lambda = 0.8;
        Phi4Model model = new Phi4Model(Lattice.square(2), kappa, lambda);
        double[] exact = twoByTwoMoments(kappa, lambda, 0.1, 3.2);
        double[] coarse = twoByTwoMoments(kappa, lambda, 0.2, 3.2);
        exact[1] += (exact[1] - coarse[1]) / 3; // Richardson: the O(h²) error of the kinked |M|
        FieldChainResult result = run(model, SamplerKind.forId(sampler, model), 20000, 4, 31L);
        Map<String, Estimate> obs = FieldObservables.measure(result);
        assertWithin(obs.get("phi2"), exact[0], sampler + " phi2");
        assertWithin(obs.get("abs_magnetization"), exact[1], sampler + " |M|/N");
    }

    /**
     * ⟨φ²⟩ and ⟨|Σφ|/4⟩ on the 2×2 torus, written out independently of {@link Phi4Model}: each site has two distinct
     * neighbours, each reached both forward and backward, so Σ<sub>x,μ</sub> φ<sub>x</sub>φ<sub>x+μ</sub> =
     * 2(φ₀φ₁ + φ₂φ₃ + φ₀φ₂ + φ₁φ₃) (sites (x, y) ↦ 2x + y).
     */
    static double[] twoByTwoMoments(double kappa, double lambda, double h, double edge) {
        int m = (int) Math.round(2 * edge / h) + 1;
        double[] grid = new double[m];
        double[] local = new double[m];
        for (int i = 0; i < m; i++) {
            grid[i] = -edge + i * h;
            double p2 = grid[i] * grid[i];
            local[i] = p2 + lambda * (p2 - 1) * (p2 - 1);
        }
        double z = 0;
        double phi2 = 0;
        double absM = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                for (int c = 0; c < m; c++) {
                    for (int d = 0; d < m; d++) {
                        double p0 = grid[a];
                        double p1 = grid[b];
                        double p2 = grid[c];
                        double p3 = grid[d];
                        double hopping = 2 * (p0 * p1 + p2 * p3 + p0 * p2 + p1 * p3);
                        double w = Math.exp(2 * kappa * hopping - local[a] - local[b] - local[c] - local[d]);
                        z += w;
                        phi2 += w * (p0 * p0 + p1 * p1 + p2 * p2 + p3 * p3) / 4;
                        absM += w * Math.abs(p0 + p1 + p2 + p3) / 4;
                    }
                }
            }
        }
        return new double[] {phi2 / z, absM / z};
    }

    @Test
    void quadratureHasConverged() {
        double[] coarse = twoByTwoMoments(0.3, 0.8, 0.2, 3.2);
        double[] fine = twoByTwoMoments(0.3, 0.8, 0.1, 3.2);
        assertThat(fine[0]).isCloseTo(coarse[0], within(1e-8));
        // O(h²) for |M|: the Richardson correction (fine − coarse)/3 is small, its own error O(h⁴) far smaller
        assertThat(Math.abs(fine[1] - coarse[1]) / 3).isLessThan(3e-5);
    }

    /**
     * HMC against local Metropolis at interacting points on larger lattices, ⟨Σ|φ|²⟩/N and ⟨|M|⟩/N: the
     * difference of two independent estimates within 4 combined errors (4 checks).
     */
    @ParameterizedTest
    @ValueSource(strings = {"real", "complex"})
    void hmcAgreesWithMetropolisAtAnInteractingPoint(String which) {
        FieldModel model = which.equals("real") ? new Phi4Model(Lattice.square(8), 0.25, 0.5)
                : new ComplexPhi4Model(Lattice.square(6), 0.5, 1.0, 1.0);
        Map<String, Estimate> hmc = FieldObservables.measure(run(model, SamplerKind.HMC, 4000, 4, 41L));
        Map<String, Estimate> metropolis = FieldObservables.measure(run(model, SamplerKind.METROPOLIS, 4000, 4, 43L));
        for (String name : new String[] {"phi2", "abs_magnetization"}) {
            Estimate a = hmc.get(name);
            Estimate b = metropolis.get(name);
            double combined = Math.hypot(a.error(), b.error());
            assertThat(Math.abs(a.mean() - b.mean())).as("%s %s: hmc %s, metropolis %s", which, name, a, b)
                    .isLessThan(SIGMAS * combined);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hmc", "metropolis"})
    void sameSeedGivesIdenticalResultsForAnyThreadCount(String sampler) {
        ComplexPhi4Model model = new ComplexPhi4Model(Lattice.square(4), 0.5, 1.0, 1.0);
        SamplerKind kind = SamplerKind.forId(sampler, model);
        FieldChainResult one = FieldChainRunner.run(FieldRunSpec.withDefaults(model, kind, 30, 20, 3, 5, 9L, 1), null);
        FieldChainResult two = FieldChainRunner.run(FieldRunSpec.withDefaults(model, kind, 30, 20, 3, 5, 9L, 3), null);
        assertThat(two.configurations()).isDeepEqualTo(one.configurations());
        assertThat(two.actionPerSite()).isDeepEqualTo(one.actionPerSite());
        assertThat(two.acceptance()).isEqualTo(one.acceptance());
        assertThat(two.stepSize()).isEqualTo(one.stepSize());
        FieldChainResult other = FieldChainRunner.run(FieldRunSpec.withDefaults(model, kind, 30, 20, 3, 5, 10L, 3),
                null);
        assertThat(java.util.Arrays.deepEquals(other.configurations(), one.configurations())).isFalse();
    }

    /**
     * The step is tuned during thermalisation only: runs that differ only in their production length end with the
     * same step, and the tuned acceptance is near its target (HMC 0.8, Metropolis 0.5; within 0.1, the spread of a
     * 2000-trajectory acceptance at a tuned step being about 0.01).
     */
    @ParameterizedTest
    @ValueSource(strings = {"hmc", "metropolis"})
    void stepIsTunedInThermalisationAndFrozenAfter(String sampler) {
        Phi4Model model = new Phi4Model(Lattice.square(8), 0.25, 0.5);
        SamplerKind kind = SamplerKind.forId(sampler, model);
        FieldChainResult shorter = FieldChainRunner.run(FieldRunSpec.withDefaults(model, kind, 100, 1000, 1, 1, 3L, 1),
                null);
        FieldChainResult longer = FieldChainRunner.run(FieldRunSpec.withDefaults(model, kind, 2000, 1000, 1, 1, 3L, 1),
                null);
        assertThat(longer.stepSize()).isEqualTo(shorter.stepSize());
        assertThat(longer.meanAcceptance()).isCloseTo(kind.defaultTargetAcceptance(), within(0.1));
        if (kind == SamplerKind.HMC) {
            assertThat(longer.leapfrogSteps()[0]).isEqualTo(HybridMonteCarlo.leapfrogSteps(1.0, longer.stepSize()[0]));
        }
    }

    @Test
    void fieldSamplersAreNamedAndRefusedWhereTheyDoNotApply() {
        Phi4Model phi4 = new Phi4Model(Lattice.square(4), 0.2, 1.0);
        assertThat(SamplerKind.forId("hmc", phi4)).isEqualTo(SamplerKind.HMC);
        assertThat(SamplerKind.forId("metropolis", phi4)).isEqualTo(SamplerKind.METROPOLIS);
        assertThatThrownBy(() -> SamplerKind.forId("wolff", phi4)).hasMessageContaining("valid for phi4: hmc, metropolis");
        IsingModel ising = IsingModel.atTemperature(Lattice.square(4), 2.0);
        assertThatThrownBy(() -> new RunSpec(ising, SamplerKind.forId("hmc", ising), 10, 0, 1, 1, 1L, 1))
                .hasMessageContaining("unknown sampler 'hmc'");
        assertThatThrownBy(() -> new FieldRunSpec(phi4, SamplerKind.HMC, 10, 0, 1, 1, 1L, 1, 1.0, 1.0))
                .hasMessageContaining("target acceptance");
        assertThatThrownBy(() -> new FieldRunSpec(phi4, SamplerKind.WOLFF, 10, 0, 1, 1, 1L, 1, 0.5, 1.0))
                .hasMessageContaining("does not sample phi4");
    }
}
