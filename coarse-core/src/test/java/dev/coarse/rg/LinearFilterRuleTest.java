package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearFilterRuleTest extends CoarseGrainingContract {

    private static final double[] FILTER = {0.5, 1.0, 1.0, 0.5};

    @Override
    protected CoarseGraining rule() {
        return new LinearFilterRule(2, FILTER, TieBreak.COIN);
    }

    @Override
    protected List<Lattice> validLattices() {
        return List.of(Lattice.square(6), Lattice.square(8));
    }

    @Override
    @Test
    void coarseLatticeHasSideLOverB() {
        assertThat(rule().coarseLattice(Lattice.square(8))).isEqualTo(Lattice.square(4));
        assertThatThrownBy(() -> rule().coarseLattice(Lattice.chain(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 weights");
    }

    @Test
    void handExample() {
        Lattice fine = Lattice.square(4);
        byte[] s = {
            1, -1, 1, 1,
            -1, 1, -1, -1,
            -1, -1, 1, -1,
            1, 1, 1, 1,
        };
        // block (0,0): .5·1 + 1·(−1) + 1·(−1) + .5·1 = −1 → −1
        // block (0,1): .5 + 1 − 1 − .5 = 0 → tie, FIXED_SITE → site (0,2) = +1
        // block (1,0): −.5 − 1 + 1 + .5 = 0 → tie → site (2,0) = −1
        // block (1,1): .5 − 1 + 1 + .5 = 1 → +1
        LinearFilterRule fixed = new LinearFilterRule(2, FILTER, TieBreak.FIXED_SITE);
        byte[] c = new byte[4];
        fixed.apply(fine, s, c, new SplittableRandom(0));
        assertThat(c).containsExactly(-1, 1, -1, 1);
    }

    @Test
    void uniformFilterIsTheMajorityRule() {
        Lattice fine = Lattice.square(8);
        var rng = new SplittableRandom(8);
        LinearFilterRule uniform = new LinearFilterRule(2, new double[] {1, 1, 1, 1}, TieBreak.COIN);
        MajorityRule majority = new MajorityRule(2, TieBreak.COIN);
        for (int t = 0; t < 20; t++) {
            byte[] s = randomSpins(64, rng);
            byte[] a = new byte[16];
            byte[] b = new byte[16];
            uniform.apply(fine, s, a, new SplittableRandom(t));
            majority.apply(fine, s, b, new SplittableRandom(t));
            assertThat(a).isEqualTo(b);
        }
    }
}
