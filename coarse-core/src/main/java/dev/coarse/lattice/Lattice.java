package dev.coarse.lattice;

import java.util.Arrays;

/**
 * An immutable periodic hypercubic lattice: the chain (d = 1), the square lattice (d = 2) or the
 * simple cubic lattice (d = 3), each with linear size L and N = L^d sites.
 *
 * <p>Sites are numbered in row-major order of their coordinates (c<sub>0</sub>, …, c<sub>d−1</sub>):
 * {@code site = ((c0·L) + c1)·L + c2}, so the last coordinate varies fastest. A configuration stored as a
 * flat array therefore reshapes directly to a C-ordered {@code [L, L]} or {@code [L, L, L]} array, which is
 * how ensemble files store it.
 *
 * <p>The neighbour table lists, for every site, its 2d neighbours in the order +e<sub>0</sub>,
 * −e<sub>0</sub>, +e<sub>1</sub>, −e<sub>1</sub>, …. For L = 2 the + and − neighbours coincide, so that
 * bond is counted twice, as on the torus of Kaufman's formula.
 */
public final class Lattice {

    /** The three lattice geometries. */
    public enum Kind {
        CHAIN(1), SQUARE(2), CUBIC(3);

        private final int dimension;

        Kind(int dimension) {
            this.dimension = dimension;
        }

        public int dimension() {
            return dimension;
        }

        public static Kind ofDimension(int dimension) {
            for (Kind k : values()) {
                if (k.dimension == dimension) {
                    return k;
                }
            }
            throw new IllegalArgumentException("lattice dimension must be 1, 2 or 3, got " + dimension);
        }
    }

    /** Largest site count accepted, so that N fits an int array with room to spare. */
    public static final int MAX_SITES = 1 << 30;

    private final Kind kind;
    private final int linearSize;
    private final int siteCount;
    private final int[] neighbours;

    private Lattice(Kind kind, int linearSize) {
        if (linearSize <= 1) {
            throw new IllegalArgumentException("lattice size L must be at least 2, got " + linearSize);
        }
        long n = 1;
        for (int d = 0; d < kind.dimension(); d++) {
            n *= linearSize;
            if (n > MAX_SITES) {
                throw new IllegalArgumentException("lattice of L = " + linearSize + " in " + kind.dimension()
                        + "D has more than " + MAX_SITES + " sites");
            }
        }
        this.kind = kind;
        this.linearSize = linearSize;
        this.siteCount = (int) n;
        this.neighbours = buildNeighbours();
    }

    public static Lattice chain(int linearSize) {
        return new Lattice(Kind.CHAIN, linearSize);
    }

    public static Lattice square(int linearSize) {
        return new Lattice(Kind.SQUARE, linearSize);
    }

    public static Lattice cubic(int linearSize) {
        return new Lattice(Kind.CUBIC, linearSize);
    }

    public static Lattice of(int dimension, int linearSize) {
        return new Lattice(Kind.ofDimension(dimension), linearSize);
    }

    public Kind kind() {
        return kind;
    }

    public int dimension() {
        return kind.dimension();
    }

    public int linearSize() {
        return linearSize;
    }

    public int siteCount() {
        return siteCount;
    }

    /** Number of neighbours of each site, 2d. */
    public int coordination() {
        return 2 * kind.dimension();
    }

    /** Number of nearest-neighbour bonds, d·N (the forward bonds of every site). */
    public int bondCount() {
        return kind.dimension() * siteCount;
    }

    /** The k-th neighbour of a site, k in [0, 2d): even k is +e<sub>k/2</sub>, odd k is −e<sub>k/2</sub>. */
    public int neighbour(int site, int k) {
        return neighbours[site * coordination() + k];
    }

    /** The neighbour one step in the positive direction along axis {@code axis}. */
    public int forwardNeighbour(int site, int axis) {
        return neighbours[site * coordination() + 2 * axis];
    }

    /**
     * The whole neighbour table, {@code table[site * coordination() + k]}, for hot loops. Shared, not a
     * copy: callers must not modify it.
     */
    public int[] neighbourTable() {
        return neighbours;
    }

    /** The stride of axis {@code axis} in the site numbering, L^(d−1−axis). */
    public int stride(int axis) {
        int s = 1;
        for (int d = kind.dimension() - 1; d > axis; d--) {
            s *= linearSize;
        }
        return s;
    }

    /** Coordinates of a site, each in [0, L). */
    public int[] coordinates(int site) {
        int d = kind.dimension();
        int[] c = new int[d];
        for (int axis = d - 1; axis >= 0; axis--) {
            c[axis] = site % linearSize;
            site /= linearSize;
        }
        return c;
    }

    /** The site at the given coordinates, each taken modulo L (periodic wrap, negative values allowed). */
    public int site(int... coordinates) {
        if (coordinates.length != kind.dimension()) {
            throw new IllegalArgumentException("expected " + kind.dimension() + " coordinates, got "
                    + coordinates.length);
        }
        int s = 0;
        for (int c : coordinates) {
            s = s * linearSize + Math.floorMod(c, linearSize);
        }
        return s;
    }

    /** True when the lattice is bipartite with periodic wrap, i.e. L is even. */
    public boolean isBipartite() {
        return linearSize % 2 == 0;
    }

    /** Checkerboard colour of a site, the parity of its coordinate sum (meaningful when bipartite). */
    public int sublattice(int site) {
        int sum = 0;
        for (int c : coordinates(site)) {
            sum += c;
        }
        return sum & 1;
    }

    /**
     * The sites of one checkerboard colour, in increasing order.
     *
     * @throws IllegalArgumentException if L is odd, where the two colours are not independent
     */
    public int[] checkerboardSites(int colour) {
        requireBipartite("a checkerboard update");
        if (colour != 0 && colour != 1) {
            throw new IllegalArgumentException("checkerboard colour must be 0 or 1, got " + colour);
        }
        int[] sites = new int[siteCount / 2];
        int n = 0;
        for (int s = 0; s < siteCount; s++) {
            if (sublattice(s) == colour) {
                sites[n++] = s;
            }
        }
        return sites;
    }

    /** Throws a clear error when the lattice is not bipartite; {@code purpose} names what needs it. */
    public void requireBipartite(String purpose) {
        if (!isBipartite()) {
            throw new IllegalArgumentException(purpose + " needs an even lattice size L, got L = " + linearSize);
        }
    }

    /** The partition of this lattice into b^d blocks of side b; L must be divisible by b. */
    public BlockPartition blocks(int blockSize) {
        return new BlockPartition(this, blockSize);
    }

    /** A short name such as "square L=16". */
    @Override
    public String toString() {
        return kind.name().toLowerCase() + " L=" + linearSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice other && other.kind == kind && other.linearSize == linearSize;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + linearSize;
    }

    private int[] buildNeighbours() {
        int d = kind.dimension();
        int z = 2 * d;
        int[] table = new int[siteCount * z];
        for (int s = 0; s < siteCount; s++) {
            int[] c = coordinates(s);
            for (int axis = 0; axis < d; axis++) {
                int[] plus = Arrays.copyOf(c, d);
                int[] minus = Arrays.copyOf(c, d);
                plus[axis] += 1;
                minus[axis] -= 1;
                table[s * z + 2 * axis] = site(plus);
                table[s * z + 2 * axis + 1] = site(minus);
            }
        }
        return table;
    }
}
