package dev.coarse.learn.rbm;

import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.CoarseGrainingContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * {@link CoarseGrainingContract} on the learned plaquette map, so that the promise that learned and fixed rules are
 * interchangeable is tested: the recipe's map at the lecture's fixed point J* ≈ 0.486 read off by sign and by
 * sampling, and a tie-free map.
 */
class RbmCoarseGrainingContractTest {

    private static final double COUPLING_J = 0.486;
    private static final RbmCoarseGraining RECIPE_SIGN =
            RbmCoarseGraining.fromRecipe(COUPLING_J, RbmCoarseGraining.Mode.SIGN);
    private static final RbmCoarseGraining RECIPE_SAMPLE =
            RbmCoarseGraining.fromRecipe(COUPLING_J, RbmCoarseGraining.Mode.SAMPLE);

    /** The map is defined on square tori of even side only. */
    private static List<Lattice> evenSquareTori() {
        return List.of(Lattice.square(4), Lattice.square(6), Lattice.square(8));
    }

    @Nested
    class RecipeBySign extends CoarseGrainingContract {
        @Override
        protected CoarseGraining rule() {
            return RECIPE_SIGN;
        }

        @Override
        protected List<Lattice> validLattices() {
            return evenSquareTori();
        }
    }

    @Nested
    class RecipeBySampling extends CoarseGrainingContract {
        @Override
        protected CoarseGraining rule() {
            return RECIPE_SAMPLE;
        }

        @Override
        protected List<Lattice> validLattices() {
            return evenSquareTori();
        }

        /**
         * τ = +1 when a uniform draw u falls below p(τ = +1 | σ); for −σ that probability is 1 − p, so the same u
         * gives −τ only when u is away from both. The map still commutes with the flip in distribution (no biases).
         */
        @Override
        protected boolean commutesWithGlobalFlipForTheSameSeed() {
            return false;
        }
    }

    /** Weights 1, ½, ¼, ⅛ and no biases: no signed sum of four spins vanishes, so no coin is ever drawn. */
    @Nested
    class TieFree extends CoarseGrainingContract {
        @Override
        protected CoarseGraining rule() {
            Rbm rbm = new Rbm(UnitType.SPIN, new double[4], new double[1], new double[] {1, 0.5, 0.25, 0.125});
            return new RbmCoarseGraining(rbm, rbm, RbmCoarseGraining.Mode.SIGN);
        }

        @Override
        protected List<Lattice> validLattices() {
            return evenSquareTori();
        }
    }
}
