package dev.coarse.lattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatticeTest {

    @ParameterizedTest
    @CsvSource({"1,2", "1,7", "2,2", "2,5", "2,8", "3,2", "3,4"})
    void neighbourRelationIsSymmetricAndPeriodic(int d, int L) {
        Lattice lat = Lattice.of(d, L);
        assertThat(lat.siteCount()).isEqualTo((int) Math.pow(L, d));
        for (int s = 0; s < lat.siteCount(); s++) {
            for (int axis = 0; axis < d; axis++) {
                int plus = lat.neighbour(s, 2 * axis);
                int minus = lat.neighbour(s, 2 * axis + 1);
                assertThat(lat.neighbour(plus, 2 * axis + 1)).isEqualTo(s);
                assertThat(lat.neighbour(minus, 2 * axis)).isEqualTo(s);
                int[] c = lat.coordinates(s);
                c[axis] += L; // a full turn around the torus returns to the same site
                assertThat(lat.site(c)).isEqualTo(s);
            }
            assertThat(lat.site(lat.coordinates(s))).isEqualTo(s);
        }
    }

    @Test
    void lastCoordinateIsFastest() {
        Lattice lat = Lattice.square(4);
        assertThat(lat.site(1, 2)).isEqualTo(6);
        assertThat(lat.forwardNeighbour(6, 1)).isEqualTo(7);
        assertThat(lat.forwardNeighbour(6, 0)).isEqualTo(10);
        assertThat(lat.stride(0)).isEqualTo(4);
    }

    @Test
    void checkerboardColoursAreIndependentSets() {
        Lattice lat = Lattice.cubic(4);
        for (int colour = 0; colour < 2; colour++) {
            int[] sites = lat.checkerboardSites(colour);
            assertThat(sites).hasSize(lat.siteCount() / 2);
            for (int s : sites) {
                for (int k = 0; k < lat.coordination(); k++) {
                    assertThat(lat.sublattice(lat.neighbour(s, k))).isEqualTo(1 - colour);
                }
            }
        }
        assertThatThrownBy(() -> Lattice.square(5).checkerboardSites(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even");
    }

    @Test
    void blocksPartitionTheLattice() {
        Lattice lat = Lattice.square(6);
        BlockPartition p = lat.blocks(3);
        assertThat(p.coarse()).isEqualTo(Lattice.square(2));
        Set<Integer> seen = new HashSet<>();
        for (int b = 0; b < p.blockCount(); b++) {
            int[] corner = p.coarse().coordinates(b);
            for (int s : p.sitesOf(b)) {
                int[] c = lat.coordinates(s);
                assertThat(c[0] / 3).isEqualTo(corner[0]);
                assertThat(c[1] / 3).isEqualTo(corner[1]);
                assertThat(seen.add(s)).isTrue();
            }
            assertThat(p.site(b, 0)).isEqualTo(lat.site(corner[0] * 3, corner[1] * 3));
        }
        assertThat(seen).hasSize(36);
        assertThatThrownBy(() -> lat.blocks(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsDegenerateSizes() {
        assertThatThrownBy(() -> Lattice.square(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lattice.of(4, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
