package dev.coarse.mc;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;

/**
 * Measurements on close-packed dimer coverings, in the geometry of {@link DimerModel}: x = coordinate 0, y =
 * coordinate 1, n<sub>x</sub>(s) and n<sub>y</sub>(s) the occupations of the x-bond and the y-bond leaving site s
 * forward (bond indices 2s and 2s + 1). These are the definitions RSMI results on dimers are checked against.
 *
 * <ul>
 *   <li><b>Aligned plaquettes per site</b> N<sub>∥</sub>/N, the energy per site divided by v (about ¼ for free
 *       dimers, 0.2498 on the 64×64 torus; ½ in a columnar covering).</li>
 *   <li><b>Columnar order parameter</b> Ψ = (Ψ<sub>x</sub>, Ψ<sub>y</sub>), Ψ<sub>x</sub> = (2/N) Σ<sub>s</sub>
 *       (−1)<sup>x</sup> n<sub>x</sub>(s), Ψ<sub>y</sub> = (2/N) Σ<sub>s</sub> (−1)<sup>y</sup> n<sub>y</sub>(s):
 *       ±1 on one component in each of the four columnar coverings, 0 in staggered ones; ⟨Ψ²⟩ is the order
 *       parameter of the columnar phase of Alet et al. (up to their normalisation).</li>
 *   <li><b>Electric field of a set of sites V</b> (a block), E<sub>a</sub>(V) = Σ<sub>s∈V</sub>
 *       (−1)<sup>x+y</sup> n<sub>a</sub>(s) for a = x, y: the staggered sums of the block's own bonds (each bond
 *       counted with the site it leaves forward; a dimer leaving the block forward counts, one entering it from
 *       behind does not). In the height (U(1) gauge-field) description of dimers (SCIENCE.md §8) the lattice field on
 *       bond (s, s + e<sub>a</sub>) is (−1)<sup>x+y</sup>(n<sub>a</sub>(s) − ¼); for a block with as many sites of
 *       either sublattice (any b×b block with b even) the ¼ background cancels, and E(V) is the block's coarse
 *       field, the variable RSMI is expected to learn for dimers. Over the whole torus E<sub>a</sub> = L ·
 *       W<sub>a</sub>, the winding number (flux) {@link #winding}.</li>
 * </ul>
 */
public final class DimerObservables {

    private DimerObservables() {
    }

    /** N<sub>∥</sub>/N: aligned plaquettes per site. */
    public static double parallelPlaquettesPerSite(Lattice lattice, byte[] occupations) {
        return DimerModel.parallelPlaquettes(lattice, occupations) / (double) lattice.siteCount();
    }

    /** Ψ = (Ψ<sub>x</sub>, Ψ<sub>y</sub>), the columnar order parameter (class comment). */
    public static double[] columnarOrder(Lattice lattice, byte[] occupations) {
        requireBonds(lattice, occupations);
        long px = 0;
        long py = 0;
        int l = lattice.linearSize();
        for (int x = 0; x < l; x++) {
            for (int y = 0; y < l; y++) {
                int s = x * l + y;
                px += (x % 2 == 0 ? 1 : -1) * occupations[2 * s];
                py += (y % 2 == 0 ? 1 : -1) * occupations[2 * s + 1];
            }
        }
        double scale = 2.0 / lattice.siteCount();
        return new double[] {scale * px, scale * py};
    }

    /** Ψ<sub>x</sub>² + Ψ<sub>y</sub>², in [0, 1]. */
    public static double columnarOrderSquared(Lattice lattice, byte[] occupations) {
        double[] psi = columnarOrder(lattice, occupations);
        return psi[0] * psi[0] + psi[1] * psi[1];
    }

    /**
     * (E<sub>x</sub>(V), E<sub>y</sub>(V)) of the sites V (class comment).
     *
     * @param sites the block's sites, each in [0, N); any order
     */
    public static int[] electricField(Lattice lattice, byte[] occupations, int[] sites) {
        requireBonds(lattice, occupations);
        int ex = 0;
        int ey = 0;
        for (int s : sites) {
            int sign = lattice.sublattice(s) == 0 ? 1 : -1;
            ex += sign * occupations[2 * s];
            ey += sign * occupations[2 * s + 1];
        }
        return new int[] {ex, ey};
    }

    /**
     * The electric field as two linear filters on a block's bond variables: row a holds the weight of variable
     * 2i + a' (the a'-bond of {@code sites[i]}), (−1)<sup>x+y</sup> when a' = a and 0 otherwise, so that
     * E<sub>a</sub>(V) = Σ<sub>j</sub> w[a][j] v<sub>j</sub> for the block vector v<sub>2i + a'</sub> =
     * n<sub>a'</sub>(sites[i]). This is the subspace a learned dimer filter is compared with.
     */
    public static double[][] electricFieldFilters(Lattice lattice, int[] sites) {
        double[][] w = new double[2][2 * sites.length];
        for (int i = 0; i < sites.length; i++) {
            int sign = lattice.sublattice(sites[i]) == 0 ? 1 : -1;
            w[0][2 * i] = sign;
            w[1][2 * i + 1] = sign;
        }
        return w;
    }

    /**
     * The sites of the b×b block with lower-left corner (x0, y0), wrapping around the torus, x-major (the site
     * order of {@link Lattice}).
     */
    public static int[] squareBlock(Lattice lattice, int x0, int y0, int size) {
        if (size < 1 || size > lattice.linearSize()) {
            throw new IllegalArgumentException("block side must be in 1.." + lattice.linearSize() + ", got " + size);
        }
        int[] sites = new int[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                sites[i * size + j] = lattice.site(x0 + i, y0 + j);
            }
        }
        return sites;
    }

    /**
     * The winding numbers (W<sub>x</sub>, W<sub>y</sub>): W<sub>x</sub> = Σ<sub>y</sub> (−1)<sup>y</sup>
     * n<sub>x</sub>(0, y), the staggered count of the x-bonds leaving column x = 0, and W<sub>y</sub> the same for the
     * y-bonds leaving row y = 0. In a covering every column gives the same count (each of its sites is covered once,
     * and a y-bond covers two sites of opposite sign), so E<sub>a</sub>(torus) = L · W<sub>a</sub>. Local moves keep
     * it; worms that wind around the torus change it.
     */
    public static int[] winding(Lattice lattice, byte[] occupations) {
        requireBonds(lattice, occupations);
        int l = lattice.linearSize();
        int wx = 0;
        int wy = 0;
        for (int k = 0; k < l; k++) {
            int sign = k % 2 == 0 ? 1 : -1;
            wx += sign * occupations[2 * lattice.site(0, k)];
            wy += sign * occupations[2 * lattice.site(k, 0) + 1];
        }
        return new int[] {wx, wy};
    }

    private static void requireBonds(Lattice lattice, byte[] occupations) {
        if (occupations.length != 2 * lattice.siteCount() || lattice.dimension() != 2) {
            throw new IllegalArgumentException("dimer observables need the 2N = " + 2 * lattice.siteCount()
                    + " bond occupations of a square lattice, got " + occupations.length + " values on " + lattice);
        }
    }
}
