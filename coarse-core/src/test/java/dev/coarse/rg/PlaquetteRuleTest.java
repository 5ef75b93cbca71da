package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlaquetteRuleTest {

    private final PlaquetteRule rule = new PlaquetteRule(TieBreak.COIN);

    @Test
    void keepsHalfThePlaquettesAndEverySiteIsInTwo() {
        Lattice fine = Lattice.square(6);
        assertThat(rule.coarseSiteCount(fine)).isEqualTo(18);
        int[] count = new int[36];
        for (int site : rule.plaquetteSites(fine)) {
            count[site]++;
        }
        assertThat(count).containsOnly(2);
        assertThat(rule.scaleFactor()).isEqualTo(Math.sqrt(2));
    }

    @Test
    void mappingRoundTripsAndNeighboursShareOneCorner() {
        Lattice fine = Lattice.square(8);
        int[] sites = rule.plaquetteSites(fine);
        int[] nb = rule.coarseNeighbours(fine);
        for (int p = 0; p < 32; p++) {
            int[] rc = rule.plaquetteCorner(fine, p);
            assertThat((rc[0] + rc[1]) % 2).isZero();
            assertThat(rule.coarseSite(fine, rc[0], rc[1])).isEqualTo(p);
            for (int k = 0; k < 4; k++) {
                int q = nb[4 * p + k];
                int shared = 0;
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        shared += sites[4 * p + i] == sites[4 * q + j] ? 1 : 0;
                    }
                }
                assertThat(shared).as("plaquettes %d and %d", p, q).isEqualTo(1);
            }
        }
        // (0,0) → corner (1,1) is plaquette p = 1·4 + 0 = 4
        assertThat(nb[0]).isEqualTo(4);
    }

    @Test
    void handExampleAndFlipSymmetry() {
        Lattice fine = Lattice.square(4);
        byte[] s = {
            1, 1, -1, -1,
            1, -1, -1, 1,
            -1, -1, 1, 1,
            1, -1, 1, -1,
        };
        // kept plaquettes: p0 (0,0): 1,1,1,-1 → +1; p1 (0,2): -1,-1,-1,1 → -1;
        // p2 (1,1): -1,-1,-1,1 → -1; p3 (1,3): (1,3),(1,0),(2,3),(2,0) = 1,1,1,-1 → +1;
        // p4 (2,0): -1,-1,1,-1 → -1; p5 (2,2): 1,1,1,-1 → +1;
        // p6 (3,1): (3,1),(3,2),(0,1),(0,2) = -1,1,1,-1 → tie, FIXED_SITE → (3,1) = -1;
        // p7 (3,3): (3,3),(3,0),(0,3),(0,0) = -1,1,-1,1 → tie → (3,3) = -1
        PlaquetteRule fixed = new PlaquetteRule(TieBreak.FIXED_SITE);
        byte[] c = new byte[8];
        fixed.apply(fine, s, c, new SplittableRandom(0));
        assertThat(c).containsExactly(1, -1, -1, 1, -1, 1, -1, -1);
        var rng = new SplittableRandom(3);
        for (int t = 0; t < 20; t++) {
            byte[] x = CoarseGrainingContract.randomSpins(16, rng);
            byte[] a = new byte[8];
            byte[] b = new byte[8];
            rule.apply(fine, x, a, new SplittableRandom(t));
            rule.apply(fine, CoarseGrainingContract.flipped(x), b, new SplittableRandom(t));
            assertThat(b).isEqualTo(CoarseGrainingContract.flipped(a));
        }
    }

    @Test
    void rejectsOddAndNonSquareLattices() {
        assertThatThrownBy(() -> rule.coarseSiteCount(Lattice.square(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even L");
        assertThatThrownBy(() -> rule.coarseSiteCount(Lattice.chain(8))).isInstanceOf(IllegalArgumentException.class);
    }
}
