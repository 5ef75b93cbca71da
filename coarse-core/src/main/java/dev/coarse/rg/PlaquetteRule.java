package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Corner-sharing 2×2 plaquettes on the square lattice (the geometry of the RBM recipe, SCIENCE.md §4–5):
 * one step multiplies the lattice spacing by √2 and rotates the lattice by 45°.
 *
 * <p><b>Kept plaquettes.</b> On an L×L torus (L even) the plaquette with lower corner (r, c) covers sites
 * (r, c), (r, c+1), (r+1, c), (r+1, c+1) (coordinates mod L). The kept plaquettes are those with r + c even:
 * one checkerboard colour of the L² plaquettes, L²/2 of them; neighbouring kept plaquettes share one corner
 * and every fine site lies in exactly two kept plaquettes.
 *
 * <p><b>Coarse numbering.</b> The kept plaquettes form a square lattice of spacing √2 rotated by 45°, which on
 * the L×L torus is a <em>tilted</em> torus: its periods (L, 0) and (0, L) are diagonal in its own axes, so it
 * is not a {@link Lattice} (whose tori are axis-aligned; L²/2 is not a square either). This class therefore
 * does not implement {@link CoarseGraining}; it documents its own exact mapping instead. Coarse site
 * p ∈ [0, L²/2) is the plaquette with r = p / (L/2) and c = 2·(p mod L/2) + (r mod 2). Its four coarse
 * neighbours (corner-sharing plaquettes) are those with corners (r±1, c±1), listed by
 * {@link #coarseNeighbours(Lattice)} in the order (r+1,c+1), (r−1,c−1), (r+1,c−1), (r−1,c+1): the first two
 * are the two directions of the rotated lattice's first axis, the last two of its second axis.
 *
 * <p><b>Rule.</b> The coarse spin is the majority of the plaquette's four spins, with ties (two up, two down)
 * decided by the {@link TieBreak}; the four sites are listed in the order above, so {@code FIXED_SITE} takes
 * (r, c). Single-step use only; for iterated rules use a {@link CoarseGraining}.
 */
public final class PlaquetteRule {

    private final TieBreak tieBreak;

    public PlaquetteRule(TieBreak tieBreak) {
        this.tieBreak = Objects.requireNonNull(tieBreak, "tieBreak");
    }

    public String name() {
        return "plaquette";
    }

    /** √2. */
    public double scaleFactor() {
        return Math.sqrt(2);
    }

    public TieBreak tieBreak() {
        return tieBreak;
    }

    /** L²/2 coarse sites; the lattice must be square with even L ≥ 2. */
    public int coarseSiteCount(Lattice fine) {
        requireGeometry(fine);
        return fine.siteCount() / 2;
    }

    /** The lower corner (r, c) of coarse site p. */
    public int[] plaquetteCorner(Lattice fine, int p) {
        requireGeometry(fine);
        int half = fine.linearSize() / 2;
        int r = p / half;
        int c = 2 * (p % half) + (r & 1);
        return new int[] {r, c};
    }

    /** The coarse site of the kept plaquette with lower corner (r, c); r + c must be even. */
    public int coarseSite(Lattice fine, int r, int c) {
        requireGeometry(fine);
        int l = fine.linearSize();
        r = Math.floorMod(r, l);
        c = Math.floorMod(c, l);
        if (((r + c) & 1) != 0) {
            throw new IllegalArgumentException("plaquette (" + r + ", " + c + ") is not kept (r + c is odd)");
        }
        return r * (l / 2) + c / 2;
    }

    /** {@code table[4p + k]}: the four fine sites of coarse site p, in the order (r,c), (r,c+1), (r+1,c), (r+1,c+1). */
    public int[] plaquetteSites(Lattice fine) {
        int n = coarseSiteCount(fine);
        int[] table = new int[4 * n];
        for (int p = 0; p < n; p++) {
            int[] rc = plaquetteCorner(fine, p);
            table[4 * p] = fine.site(rc[0], rc[1]);
            table[4 * p + 1] = fine.site(rc[0], rc[1] + 1);
            table[4 * p + 2] = fine.site(rc[0] + 1, rc[1]);
            table[4 * p + 3] = fine.site(rc[0] + 1, rc[1] + 1);
        }
        return table;
    }

    /** {@code table[4p + k]}: the four corner-sharing neighbours of coarse site p (order in the class doc). */
    public int[] coarseNeighbours(Lattice fine) {
        int n = coarseSiteCount(fine);
        int[] table = new int[4 * n];
        for (int p = 0; p < n; p++) {
            int[] rc = plaquetteCorner(fine, p);
            int r = rc[0];
            int c = rc[1];
            table[4 * p] = coarseSite(fine, r + 1, c + 1);
            table[4 * p + 1] = coarseSite(fine, r - 1, c - 1);
            table[4 * p + 2] = coarseSite(fine, r + 1, c - 1);
            table[4 * p + 3] = coarseSite(fine, r - 1, c + 1);
        }
        return table;
    }

    /**
     * Coarse-grains one ±1 configuration. Modified: {@code coarseConfiguration} (length L²/2). Not modified:
     * {@code fineConfiguration}. One rng draw per tie, in coarse-site order.
     */
    public void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng) {
        int[] sites = plaquetteSites(fine);
        int n = sites.length / 4;
        BlockRule.checkLengths(fine, fineConfiguration, n, coarseConfiguration.length);
        for (int p = 0; p < n; p++) {
            int off = 4 * p;
            int sum = fineConfiguration[sites[off]] + fineConfiguration[sites[off + 1]]
                    + fineConfiguration[sites[off + 2]] + fineConfiguration[sites[off + 3]];
            coarseConfiguration[p] = sum > 0 ? (byte) 1
                    : sum < 0 ? (byte) -1 : tieBreak.resolve(fineConfiguration, sites, off, 4, rng);
        }
    }

    private static void requireGeometry(Lattice fine) {
        if (fine.dimension() != 2) {
            throw new IllegalArgumentException("corner-sharing plaquettes need a square lattice, got " + fine);
        }
        if (fine.linearSize() % 2 != 0) {
            throw new IllegalArgumentException("corner-sharing plaquettes need an even L, got L = "
                    + fine.linearSize());
        }
    }
}
