package dev.coarse.learn.rsmi;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.CoarseGrainingContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * {@link CoarseGrainingContract} on RSMI filters read off hard: a one-hidden-spin filter (what the Ising flow
 * iterates), one with two hidden spins per block, and a categorical one; all with tie-free weights (no signed sum of
 * distinct powers of two vanishes), so the same-seed flip symmetry of a sign filter can be tested.
 */
class RsmiFilterContractTest {

    private static final double[] TIE_FREE = {1, 0.5, 0.25, 0.125};

    /** A filter learned in 2D reads square tori whose side b divides. */
    abstract class OnSquareTori extends CoarseGrainingContract {
        @Override
        protected List<Lattice> validLattices() {
            return List.of(Lattice.square(4), Lattice.square(6), Lattice.square(8));
        }
    }

    @Nested
    class OneHiddenSpin extends OnSquareTori {
        @Override
        protected CoarseGraining rule() {
            return new RsmiFilter(2, 2, DegreesOfFreedom.isingSpins(), HiddenKind.BINARY, new double[][] {TIE_FREE});
        }
    }

    @Nested
    class TwoHiddenSpins extends OnSquareTori {
        @Override
        protected CoarseGraining rule() {
            return new RsmiFilter(2, 2, DegreesOfFreedom.isingSpins(), HiddenKind.BINARY,
                    new double[][] {TIE_FREE, {0.125, -0.25, 0.5, -1}});
        }
    }

    @Nested
    class Categorical extends OnSquareTori {
        @Override
        protected CoarseGraining rule() {
            return new RsmiFilter(2, 2, DegreesOfFreedom.isingSpins(), HiddenKind.CATEGORICAL,
                    new double[][] {TIE_FREE, {0.125, -0.25, 0.5, -1}, {-1, -0.5, 0.25, 0.125}});
        }

        /** Labels are not spins: flipping V permutes which logit is largest in no fixed way. */
        @Override
        protected boolean oddUnderGlobalSpinFlip() {
            return false;
        }
    }
}
