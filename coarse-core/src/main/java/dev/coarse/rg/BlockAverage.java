package dev.coarse.rg;

import dev.coarse.lattice.Lattice;

/**
 * Block average: the coarse value is the mean spin of the block, in [−1, 1]. Continuous output, so it is a
 * {@link ContinuousCoarseGraining}; its sign (with ties) is the {@link MajorityRule}.
 */
public final class BlockAverage extends BlockRule implements ContinuousCoarseGraining {

    public BlockAverage(int blockSize) {
        super(blockSize);
    }

    @Override
    public String name() {
        return "block-average";
    }

    /** Modified: {@code coarseValues}. Not modified: {@code fineConfiguration}. */
    @Override
    public void applyContinuous(Lattice fine, byte[] fineConfiguration, double[] coarseValues) {
        int[] sites = blockSites(fine);
        int per = sitesPerBlock(fine);
        int blocks = sites.length / per;
        if (fineConfiguration.length != fine.siteCount() || coarseValues.length != blocks) {
            throw new IllegalArgumentException("expected " + fine.siteCount() + " fine and " + blocks
                    + " coarse sites, got " + fineConfiguration.length + " and " + coarseValues.length);
        }
        for (int block = 0; block < blocks; block++) {
            int off = block * per;
            int sum = 0;
            for (int k = 0; k < per; k++) {
                sum += fineConfiguration[sites[off + k]];
            }
            coarseValues[block] = (double) sum / per;
        }
    }
}
