package dev.coarse.learn.rbm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.Couplings;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.PseudoLikelihood;
import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The learned plaquette map used as an ordinary {@link dev.coarse.rg.CoarseGraining} by the RG machinery:
 * {@link Coarsener} coarse-grains sampled 2D Ising ensembles (16×16 → 8×8) with it and {@link PseudoLikelihood}
 * fits the coarse couplings (nn and nnn; the nn one is compared). See docs/rbm.md for what the numbers mean.
 */
class RbmCoarseGrainingRgTest {

    /** Required separation of K' from K, in jackknife errors of K' (Gaussian one-sided false-failure rate ~1e-6). */
    private static final double SIGMAS = 5;
    private static final int L = 16;

    private static Ensemble ising(double couplingK, long seed) {
        IsingModel model = IsingModel.atCoupling(Lattice.square(L), couplingK);
        RunSpec run = new RunSpec(model, SamplerKind.WOLFF, 4000, 500, 2, 2, seed, 1);
        ChainResult result = ChainRunner.run(run, (done, total) -> { });
        EnsembleMeta meta = new EnsembleMeta(model.name(), 2, L, model.temperature(), 0, 2, "wolff", seed,
                run.sweeps(), run.thermalize(), run.thin(), run.chains(), Double.NaN, "test", Map.of());
        return new Ensemble(meta, model.lattice(), result.configurations());
    }

    /** Coarse NN coupling of one level of the exact-KL recipe map fitted at the ensemble's own K. */
    private static Estimate coarseCoupling(double couplingK, long seed) {
        Ensemble fine = ising(couplingK, seed);
        RbmCoarseGraining map = RbmCoarseGraining.fromRecipe(couplingK, RbmCoarseGraining.Mode.SIGN);
        Ensemble coarse = Coarsener.apply(fine, map, seed);
        assertThat(coarse.lattice()).isEqualTo(Lattice.square(L / 2));
        assertThat(coarse.meta().sampler()).isEqualTo(map.name());
        Couplings fit = PseudoLikelihood.fit(coarse.configurations(), coarse.lattice(), OperatorSet.of(2, "nn", "nnn"));
        return fit.get("nn");
    }

    @Test
    @Tag("slow")
    void fittedCoarseCouplingGrowsWithKFlowsToOrderAboveKcAndExceedsTheRecipeAtSmallK() {
        Estimate low = coarseCoupling(0.20, 11);
        Estimate critical = coarseCoupling(0.4407, 12);
        Estimate high = coarseCoupling(0.60, 13);
        assertThat(critical.mean() - low.mean()).as("K'(0.2) = %s < K'(Kc) = %s", low, critical)
                .isGreaterThan(SIGMAS * Math.hypot(low.error(), critical.error()));
        assertThat(high.mean() - critical.mean()).as("K'(Kc) = %s < K'(0.6) = %s", critical, high)
                .isGreaterThan(SIGMAS * Math.hypot(critical.error(), high.error()));
        assertThat(high.mean() - 0.60).as("ordered side flows to order: K'(0.6) = %s", high)
                .isGreaterThan(SIGMAS * high.error());
        // Neighbouring coarse spins share a hidden spin of step 1 (corner-sharing τ-plaquettes), so they are
        // correlated even when the fine spins barely are: the data's K' is far above the recipe's R(R(K)).
        double recipe = RbmRecipe.exactMap(2, RbmRecipe.exactMap(2, 0.20));
        assertThat(low.mean() - recipe).as("K'(0.2) = %s vs recipe R(R(0.2)) = %s", low, recipe)
                .isGreaterThan(SIGMAS * low.error());
    }

    @Test
    void mapIteratesThroughCoarsenerAndStaysFittable() {
        Ensemble fine = ising(0.4407, 13);
        RbmCoarseGraining map = RbmCoarseGraining.fromRecipe(0.4407, RbmCoarseGraining.Mode.SAMPLE);
        List<Ensemble> levels = Coarsener.iterate(fine, map, 2, 5);
        assertThat(levels).hasSize(3);
        assertThat(levels.get(2).lattice()).isEqualTo(Lattice.square(L / 4));
        assertThat(levels.get(2).meta().provenance()).containsEntry("rule", map.name()).containsEntry("level", "2");
        Couplings fit = PseudoLikelihood.fit(levels.get(1).configurations(), levels.get(1).lattice(),
                OperatorSet.of(2, "nn"));
        assertThat(fit.get("nn").mean()).as("level-1 coupling %s is finite and ferromagnetic", fit.get("nn"))
                .isPositive().isLessThan(2);
    }
}
