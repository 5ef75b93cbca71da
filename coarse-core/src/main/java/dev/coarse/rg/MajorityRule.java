package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import java.util.random.RandomGenerator;

/**
 * Majority rule on hypercubic blocks of side b: the coarse spin is the sign of the block's spin sum
 * (Kadanoff block spin). Odd b<sup>d</sup> never ties; for even blocks a zero sum is decided by the
 * {@link TieBreak}.
 */
public final class MajorityRule extends BlockRule implements CoarseGraining {

    private final TieBreak tieBreak;

    public MajorityRule(int blockSize, TieBreak tieBreak) {
        super(blockSize);
        this.tieBreak = java.util.Objects.requireNonNull(tieBreak, "tieBreak");
    }

    /** Majority with ties broken by a seeded coin. */
    public MajorityRule(int blockSize) {
        this(blockSize, TieBreak.COIN);
    }

    public TieBreak tieBreak() {
        return tieBreak;
    }

    @Override
    public String name() {
        return "majority";
    }

    /**
     * Modified: {@code coarseConfiguration}. Not modified: {@code fineConfiguration}. One rng draw per tie,
     * in block order.
     */
    @Override
    public void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng) {
        int blocks = checkedBlockCount(fine, fineConfiguration, coarseConfiguration);
        int[] sites = blockSites(fine);
        int per = sitesPerBlock(fine);
        for (int block = 0; block < blocks; block++) {
            int off = block * per;
            int sum = 0;
            for (int k = 0; k < per; k++) {
                sum += fineConfiguration[sites[off + k]];
            }
            coarseConfiguration[block] = sum > 0 ? (byte) 1
                    : sum < 0 ? (byte) -1 : tieBreak.resolve(fineConfiguration, sites, off, per, rng);
        }
    }

    @Override
    public String toString() {
        return "majority b=" + blockSize() + " ties=" + tieBreak.name().toLowerCase();
    }
}
