package dev.coarse.info;

import dev.coarse.lattice.Lattice;

/**
 * The RSMI geometry (Koch-Janusz &amp; Ringel, Nature Physics 14, 578 (2018)) on a periodic lattice: a
 * visible hypercubic block V of side b, a buffer of width L<sub>B</sub> around it (sites at Chebyshev distance
 * 1 … L<sub>B</sub> from V) and an environment shell E of width L<sub>E</sub> beyond the buffer (distance
 * L<sub>B</sub>+1 … L<sub>B</sub>+L<sub>E</sub>). Requires b + 2(L<sub>B</sub>+L<sub>E</sub>) ≤ L so the shell does not
 * wrap onto itself.
 *
 * @param lattice     the lattice
 * @param blockSize   b ≥ 1
 * @param buffer      L<sub>B</sub> ≥ 0
 * @param environment L<sub>E</sub> ≥ 1
 */
public record BlockGeometry(Lattice lattice, int blockSize, int buffer, int environment) {

    public BlockGeometry {
        if (blockSize < 1 || buffer < 0 || environment < 1) {
            throw new IllegalArgumentException("need block size >= 1, buffer >= 0, environment >= 1; got "
                    + blockSize + ", " + buffer + ", " + environment);
        }
        int span = blockSize + 2 * (buffer + environment);
        if (span > lattice.linearSize()) {
            throw new IllegalArgumentException("block " + blockSize + " with buffer " + buffer + " and environment "
                    + environment + " spans " + span + " sites, larger than the lattice L = " + lattice.linearSize());
        }
    }

    /** Sites of V for the block whose lowest corner is at {@code corner} (row-major order within the block). */
    public int[] visibleSites(int corner) {
        return shell(lattice, blockSize, corner, 0, 0);
    }

    /** Sites of a b-block with lowest corner {@code corner} on any lattice (row-major order within the block). */
    public static int[] blockSites(Lattice lattice, int blockSize, int corner) {
        if (blockSize < 1 || blockSize > lattice.linearSize()) {
            throw new IllegalArgumentException("block size must lie in [1, " + lattice.linearSize() + "], got "
                    + blockSize);
        }
        return shell(lattice, blockSize, corner, 0, 0);
    }

    /** Sites of the buffer around the block at {@code corner}. */
    public int[] bufferSites(int corner) {
        return shell(lattice, blockSize, corner, 1, buffer);
    }

    /** Sites of the environment shell E around the block at {@code corner}. */
    public int[] environmentSites(int corner) {
        return shell(lattice, blockSize, corner, buffer + 1, buffer + environment);
    }

    /** Sites at Chebyshev distance in [from, to] from the block at {@code corner}, in row-major offset order. */
    private static int[] shell(Lattice lattice, int blockSize, int corner, int from, int to) {
        int d = lattice.dimension();
        int[] base = lattice.coordinates(corner);
        int side = blockSize + 2 * to;
        int total = 1;
        for (int a = 0; a < d; a++) {
            total *= side;
        }
        int[] out = new int[total];
        int n = 0;
        int[] offset = new int[d];
        int[] c = new int[d];
        for (int idx = 0; idx < total; idx++) {
            int rest = idx;
            int dist = 0;
            for (int a = d - 1; a >= 0; a--) {
                offset[a] = rest % side - to;
                rest /= side;
                dist = Math.max(dist, Math.max(-offset[a], offset[a] - (blockSize - 1)));
            }
            if (dist >= from && dist <= to) {
                for (int a = 0; a < d; a++) {
                    c[a] = base[a] + offset[a];
                }
                out[n++] = lattice.site(c);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
