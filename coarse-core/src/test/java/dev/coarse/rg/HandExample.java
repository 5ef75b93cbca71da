package dev.coarse.rg;

import dev.coarse.lattice.Lattice;

/**
 * The block rules' worked example: ±1 spins on the 4×4 square lattice whose 2×2 blocks (in coarse row-major order;
 * block (0,0) = sites (0,0), (0,1), (1,0), (1,1)) sum to 2, 0 (a tie), −2 and −2.
 */
final class HandExample {

    static final Lattice LATTICE = Lattice.square(4);

    private HandExample() {
    }

    /** A fresh copy of the spins. */
    static byte[] spins() {
        return new byte[] {
            1, 1, -1, 1,
            1, -1, 1, -1,
            -1, -1, -1, 1,
            1, -1, -1, -1,
        };
    }
}
