package dev.coarse.emergence.ca;

/**
 * One Israeli–Goldenfeld coarse-graining: the fine rule f, run for {@code supercell} steps, is projected by P onto
 * the coarse rule g, P∘f<sup>N</sup> = g∘P with P applied to each supercell of N cells.
 *
 * @param fineRule f, Wolfram number
 * @param supercell N, cells per supercell (and fine steps per coarse step), 1 … {@link SupercellSearch#MAX_SUPERCELL}
 * @param projection P as the integer whose bit k is P(k), k a supercell state read most significant cell first
 *     (the leftmost cell is bit N − 1 of k); never 0 or all ones (constant projections are excluded)
 * @param coarseRule g, Wolfram number
 */
public record SupercellCoarsening(int fineRule, int supercell, int projection, int coarseRule) {

    public SupercellCoarsening {
        new ElementaryRule(fineRule);
        new ElementaryRule(coarseRule);
        if (supercell < 1 || supercell > SupercellSearch.MAX_SUPERCELL) {
            throw new IllegalArgumentException("supercell size must be 1 … " + SupercellSearch.MAX_SUPERCELL
                    + ", got " + supercell);
        }
        long all = (1L << (1 << supercell)) - 1;
        if (projection <= 0 || projection >= all) {
            throw new IllegalArgumentException("projection must be a non-constant map of " + (1 << supercell)
                    + " supercell states, 1 … " + (all - 1) + ", got " + projection);
        }
    }

    /** P of supercell state {@code state} (0 or 1). */
    public int project(int state) {
        return (projection >>> state) & 1;
    }
}
