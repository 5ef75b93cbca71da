package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;

class DecimationTest extends CoarseGrainingContract {

    @Override
    protected CoarseGraining rule() {
        return new Decimation(2);
    }

    @org.junit.jupiter.api.Test
    void keepsTheBlockCorners() {
        Lattice fine = Lattice.square(4);
        byte[] s = {
            1, -1, -1, 1,
            -1, -1, 1, 1,
            -1, 1, 1, -1,
            1, 1, -1, -1,
        };
        // corners (0,0),(0,2),(2,0),(2,2)
        assertThat(coarse(fine, s, 0)).containsExactly(1, -1, -1, 1);
    }
}
