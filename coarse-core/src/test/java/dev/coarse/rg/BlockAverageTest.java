package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockAverageTest {

    @Test
    void averagesBlocksAndIsOddUnderFlip() {
        BlockAverage avg = new BlockAverage(2);
        Lattice fine = Lattice.square(4);
        byte[] s = {
            1, 1, -1, 1,
            1, -1, 1, -1,
            -1, -1, -1, 1,
            1, -1, -1, -1,
        };
        double[] c = new double[4];
        avg.applyContinuous(fine, s, c);
        assertThat(c).containsExactly(0.5, 0.0, -0.5, -0.5);
        assertThat(avg.coarseLattice(Lattice.cubic(6))).isEqualTo(Lattice.cubic(3));
        var rng = new SplittableRandom(1);
        byte[] x = CoarseGrainingContract.randomSpins(16, rng);
        double[] a = new double[4];
        double[] b = new double[4];
        avg.applyContinuous(fine, x, a);
        avg.applyContinuous(fine, CoarseGrainingContract.flipped(x), b);
        for (int i = 0; i < 4; i++) {
            assertThat(b[i]).isEqualTo(-a[i]);
        }
    }
}
