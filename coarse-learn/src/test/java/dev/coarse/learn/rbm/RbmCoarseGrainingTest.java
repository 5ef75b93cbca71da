package dev.coarse.learn.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RbmCoarseGrainingTest {

    /** Weights 1, ½, ¼, ⅛: no signed sum vanishes and the sign is always that of σ₀. */
    private static Rbm dominatedBySiteZero() {
        return new Rbm(UnitType.SPIN, new double[4], new double[1], new double[] {1, 0.5, 0.25, 0.125});
    }

    @Test
    void geometryPicksTheDocumentedSites() {
        // With σ₀ dominant: τ(r,c) = σ(r,c) for r + c even, and coarse (i,j) = τ(2i−1, 2j+1) = σ(2i−1, 2j+1).
        Lattice fine = Lattice.square(8);
        RbmCoarseGraining map = new RbmCoarseGraining(dominatedBySiteZero(), dominatedBySiteZero(),
                RbmCoarseGraining.Mode.SIGN);
        assertThat(map.coarseLattice(fine)).isEqualTo(Lattice.square(4));
        SplittableRandom rng = new SplittableRandom(1);
        byte[] spins = new byte[64];
        for (int k = 0; k < 64; k++) {
            spins[k] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        byte[] coarse = new byte[16];
        map.apply(fine, spins, coarse, rng);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(coarse[i * 4 + j]).isEqualTo(spins[fine.site(2 * i - 1, 2 * j + 1)]);
            }
        }
    }

    @Test
    void recipeMapPreservesUniformStatesAndSamplingFollowsTheField() {
        Lattice fine = Lattice.square(6);
        RbmCoarseGraining map = RbmCoarseGraining.fromRecipe(0.486, RbmCoarseGraining.Mode.SIGN);
        assertThat(map.scaleFactor()).isEqualTo(2.0);
        byte[] up = new byte[36];
        java.util.Arrays.fill(up, (byte) 1);
        byte[] coarse = new byte[9];
        map.apply(fine, up, coarse, new SplittableRandom(2));
        assertThat(coarse).containsOnly(1);
        Rbm strong = new Rbm(UnitType.SPIN, new double[4], new double[1], new double[] {40, 20, 10, 5});
        RbmCoarseGraining sampled = new RbmCoarseGraining(strong, strong, RbmCoarseGraining.Mode.SAMPLE);
        byte[] down = new byte[36];
        java.util.Arrays.fill(down, (byte) -1);
        sampled.apply(fine, down, coarse, new SplittableRandom(3));
        assertThat(coarse).containsOnly(-1);
    }

    @Test
    void rejectsOddLatticesAndWrongShapes() {
        RbmCoarseGraining map = RbmCoarseGraining.fromRecipe(0.5, RbmCoarseGraining.Mode.SIGN);
        assertThatThrownBy(() -> map.coarseLattice(Lattice.square(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RbmCoarseGraining(new Rbm(UnitType.SPIN, 9, 1), dominatedBySiteZero(),
                RbmCoarseGraining.Mode.SIGN)).isInstanceOf(IllegalArgumentException.class);
    }
}
