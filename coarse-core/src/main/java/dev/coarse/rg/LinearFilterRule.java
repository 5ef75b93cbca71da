package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A linear filter Λ over each block followed by the sign: s' = sign(Σ<sub>k</sub> Λ<sub>k</sub> s<sub>k</sub>),
 * with k running over the b<sup>d</sup> block sites in row-major offset order. A sum within
 * {@link #TIE_TOLERANCE}·Σ|Λ| of zero is a tie, decided by the {@link TieBreak} as for the majority rule.
 * Uniform Λ is the majority rule; Λ = (1, 0, …, 0) is decimation.
 */
public final class LinearFilterRule extends BlockRule implements CoarseGraining {

    /** Relative size of a weighted sum treated as exactly zero. */
    public static final double TIE_TOLERANCE = 1e-12;

    private final double[] filter;
    private final TieBreak tieBreak;
    private final double tieThreshold;

    /**
     * @param filter weights Λ, one per block site (b<sup>d</sup> of them; checked when applied); copied
     */
    public LinearFilterRule(int blockSize, double[] filter, TieBreak tieBreak) {
        super(blockSize);
        if (filter.length == 0) {
            throw new IllegalArgumentException("filter must have at least one weight");
        }
        double norm = 0;
        for (double w : filter) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("filter weights must be finite, got " + w);
            }
            norm += Math.abs(w);
        }
        if (norm == 0) {
            throw new IllegalArgumentException("filter weights are all zero");
        }
        this.filter = filter.clone();
        this.tieBreak = java.util.Objects.requireNonNull(tieBreak, "tieBreak");
        this.tieThreshold = TIE_TOLERANCE * norm;
    }

    /** The weights Λ (a copy). */
    public double[] filter() {
        return filter.clone();
    }

    @Override
    public String name() {
        return "linear-filter";
    }

    @Override
    public Lattice coarseLattice(Lattice fine) {
        requireFilterFits(fine);
        return super.coarseLattice(fine);
    }

    private void requireFilterFits(Lattice fine) {
        if (sitesPerBlock(fine) != filter.length) {
            throw new IllegalArgumentException("filter has " + filter.length + " weights but a block of b = "
                    + blockSize() + " in " + fine.dimension() + "D has " + sitesPerBlock(fine) + " sites");
        }
    }

    /** Modified: {@code coarseConfiguration}. Not modified: {@code fineConfiguration}. One rng draw per tie. */
    @Override
    public void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng) {
        requireFilterFits(fine);
        int blocks = checkedBlockCount(fine, fineConfiguration, coarseConfiguration);
        int[] sites = blockSites(fine);
        int per = filter.length;
        for (int block = 0; block < blocks; block++) {
            int off = block * per;
            double sum = 0;
            for (int k = 0; k < per; k++) {
                sum += filter[k] * fineConfiguration[sites[off + k]];
            }
            coarseConfiguration[block] = sum > tieThreshold ? (byte) 1
                    : sum < -tieThreshold ? (byte) -1 : tieBreak.resolve(fineConfiguration, sites, off, per, rng);
        }
    }

    @Override
    public String toString() {
        return "linear-filter b=" + blockSize() + " " + Arrays.toString(filter);
    }
}
