package dev.coarse.learn.rsmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RsmiGeometryTest {

    @Test
    void dimerBlocksReadTheForwardBondsOfTheirSitesAndTheShellIsDisjoint() {
        Lattice lattice = Lattice.square(24);
        RsmiGeometry g = RsmiGeometry.of(lattice, 8, 2, 4, DegreesOfFreedom.bondOccupations());
        int corner = lattice.site(8, 16);
        int[] v = g.visibleIndices(corner);
        assertThat(v).hasSize(2 * 64);
        // site (8,16) then its bonds along axis 0 and axis 1
        assertThat(v[0]).isEqualTo(corner * 2);
        assertThat(v[1]).isEqualTo(corner * 2 + 1);
        int[] e = g.environmentIndices(corner);
        assertThat(e).hasSize(2 * (20 * 20 - 12 * 12));
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(v).forEach(seen::add);
        Arrays.stream(e).forEach(i -> assertThat(seen.add(i)).as("index %d in V and E", i).isTrue());
        assertThat(g.blockCorners()).hasSize(9);
    }

    @Test
    void siteComponentsAreReadSiteBySite() {
        Lattice lattice = Lattice.square(8);
        RsmiGeometry g = RsmiGeometry.of(lattice, 2, 0, 1, DegreesOfFreedom.isingSpins().withComponents(2));
        assertThat(g.visibleIndices(0)).containsExactly(0, 1, 2, 3, 16, 17, 18, 19);
        assertThat(g.visibleCount()).isEqualTo(8);
    }

    @Test
    void refusesAShellThatWrapsTheTorus() {
        assertThatThrownBy(() -> RsmiGeometry.of(Lattice.square(12), 2, 2, 4, DegreesOfFreedom.isingSpins()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than the lattice");
    }

    @Test
    void electricFieldIsTheStaggeredSumPerAxis() {
        double[][] field = FilterMeasures.electricField(2);
        // sites (0,0) +, (0,1) −, (1,0) −, (1,1) +; axis 0 values at even positions
        assertThat(field[0]).containsExactly(1, 0, -1, 0, -1, 0, 1, 0);
        assertThat(field[1]).containsExactly(0, 1, 0, -1, 0, -1, 0, 1);
        assertThat(FilterMeasures.subspaceOverlap(new double[][] {{1, 1, -1, -1, -1, -1, 1, 1}, {1, -1, -1, 1, -1,
            1, 1, -1}}, field)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(FilterMeasures.subspaceOverlap(new double[][] {{1, 0, 1, 0, 1, 0, 1, 0}}, field))
                .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(FilterMeasures.cosineWithBlockSum(new double[] {-2, -2, -2, -2})).isEqualTo(1.0);
        assertThat(FilterMeasures.weightShare(new double[][] {{3, 4}}, 2, 1)).isEqualTo(0.8);
    }
}
