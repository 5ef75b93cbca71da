package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DimerObservablesTest {

    private static final Lattice LATTICE = Lattice.square(8);

    /** The {@code axis}-bond of every site whose coordinate along that axis has the given parity. */
    private static byte[] columnar(int axis, int parity) {
        byte[] c = new byte[2 * LATTICE.siteCount()];
        for (int s = 0; s < LATTICE.siteCount(); s++) {
            if (LATTICE.coordinates(s)[axis] % 2 == parity) {
                c[2 * s + axis] = 1;
            }
        }
        return c;
    }

    /** x-dimers on the sites with x + y even: no aligned plaquette, the largest winding. */
    private static byte[] staggered() {
        byte[] c = new byte[2 * LATTICE.siteCount()];
        for (int s = 0; s < LATTICE.siteCount(); s++) {
            if (LATTICE.sublattice(s) == 0) {
                c[2 * s] = 1;
            }
        }
        return c;
    }

    @Test
    void columnarOrderParameterTellsTheFourColumnarStatesApart() {
        DimerModel model = DimerModel.free(LATTICE);
        assertThat(DimerObservables.columnarOrder(LATTICE, model.columnarCovering())).containsExactly(1.0, 0.0);
        assertThat(DimerObservables.columnarOrder(LATTICE, columnar(0, 1))).containsExactly(-1.0, 0.0);
        assertThat(DimerObservables.columnarOrder(LATTICE, columnar(1, 0))).containsExactly(0.0, 1.0);
        assertThat(DimerObservables.columnarOrder(LATTICE, columnar(1, 1))).containsExactly(0.0, -1.0);
        assertThat(DimerObservables.columnarOrderSquared(LATTICE, columnar(1, 1))).isEqualTo(1.0);
        assertThat(DimerObservables.columnarOrderSquared(LATTICE, staggered())).isZero();
        assertThat(DimerObservables.parallelPlaquettesPerSite(LATTICE, columnar(1, 0))).isEqualTo(0.5);
        assertThat(DimerObservables.parallelPlaquettesPerSite(LATTICE, staggered())).isZero();
    }

    @Test
    void electricFieldOfBlocksAndWindingOfTheTorus() {
        int[] block = DimerObservables.squareBlock(LATTICE, 2, 4, 4);
        assertThat(block).hasSize(16).contains(LATTICE.site(2, 4), LATTICE.site(5, 7));
        assertThat(DimerObservables.electricField(LATTICE, columnar(0, 0), block)).containsExactly(0, 0);
        // staggered: every x-dimer sits on an even site, so E_x counts the block's even sites
        assertThat(DimerObservables.electricField(LATTICE, staggered(), block)).containsExactly(8, 0);
        assertThat(DimerObservables.winding(LATTICE, staggered())).containsExactly(4, 0);
        assertThat(DimerObservables.winding(LATTICE, columnar(1, 1))).containsExactly(0, 0);
        int[] wrapping = DimerObservables.squareBlock(LATTICE, 7, 7, 2);
        assertThat(wrapping).containsExactly(LATTICE.site(7, 7), LATTICE.site(7, 0), LATTICE.site(0, 7), 0);
    }

    @Test
    void fieldFiltersAndWindingAgreeWithTheFieldOnSampledCoverings() {
        DimerModel model = DimerModel.free(LATTICE);
        DimerWorm worm = new DimerWorm(model);
        SplittableRandom rng = new SplittableRandom(11);
        byte[] c = model.columnarCovering();
        int[] all = DimerObservables.squareBlock(LATTICE, 0, 0, 8);
        int[] block = DimerObservables.squareBlock(LATTICE, 3, 1, 4);
        double[][] filters = DimerObservables.electricFieldFilters(LATTICE, block);
        boolean nonZeroField = false;
        for (int i = 0; i < 300; i++) {
            worm.sweep(c, rng);
            int[] e = DimerObservables.electricField(LATTICE, c, block);
            for (int a = 0; a < 2; a++) {
                double dot = 0;
                for (int k = 0; k < block.length; k++) {
                    dot += filters[a][2 * k] * c[2 * block[k]] + filters[a][2 * k + 1] * c[2 * block[k] + 1];
                }
                assertThat(dot).isCloseTo(e[a], within(0.0));
            }
            nonZeroField |= e[0] != 0 || e[1] != 0;
            int[] torus = DimerObservables.electricField(LATTICE, c, all);
            int[] w = DimerObservables.winding(LATTICE, c);
            assertThat(torus).containsExactly(8 * w[0], 8 * w[1]);
        }
        assertThat(nonZeroField).isTrue();
    }

    @Test
    void refusesSpinsAndBadBlocks() {
        assertThatThrownBy(() -> DimerObservables.columnarOrder(LATTICE, new byte[64]))
                .hasMessageContaining("128 bond occupations");
        assertThatThrownBy(() -> DimerObservables.squareBlock(LATTICE, 0, 0, 9)).hasMessageContaining("1..8, got 9");
    }
}
