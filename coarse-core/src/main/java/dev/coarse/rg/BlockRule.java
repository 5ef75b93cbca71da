package dev.coarse.rg;

import dev.coarse.lattice.BlockPartition;
import dev.coarse.lattice.Lattice;

/**
 * Shared geometry of the hypercubic block rules: blocks of side b, coarse lattice of side L/b, and a cached
 * flat table of block sites (row-major within a block, as in {@link BlockPartition}).
 */
abstract class BlockRule {

    private final int blockSize;
    private volatile Cache cache;

    BlockRule(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size b must be at least 1, got " + blockSize);
        }
        this.blockSize = blockSize;
    }

    public int blockSize() {
        return blockSize;
    }

    public double scaleFactor() {
        return blockSize;
    }

    public Lattice coarseLattice(Lattice fine) {
        return partition(fine).coarse();
    }

    /** Block sites as a flat array, {@code sites[block * perBlock + k]}; shared, do not modify. */
    final int[] blockSites(Lattice fine) {
        Cache c = cache;
        if (c == null || !c.fine.equals(fine)) {
            BlockPartition p = fine.blocks(blockSize);
            int per = p.sitesPerBlock();
            int[] sites = new int[p.blockCount() * per];
            for (int block = 0; block < p.blockCount(); block++) {
                for (int k = 0; k < per; k++) {
                    sites[block * per + k] = p.site(block, k);
                }
            }
            c = new Cache(fine, p, sites);
            cache = c;
        }
        return c.sites;
    }

    final BlockPartition partition(Lattice fine) {
        blockSites(fine);
        return cache.partition;
    }

    final int sitesPerBlock(Lattice fine) {
        int per = 1;
        for (int i = 0; i < fine.dimension(); i++) {
            per *= blockSize;
        }
        return per;
    }

    /** Validates both configurations' lengths for {@code fine} and returns the number of blocks. */
    final int checkedBlockCount(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration) {
        int blocks = blockSites(fine).length / sitesPerBlock(fine);
        checkLengths(fine, fineConfiguration, blocks, coarseConfiguration.length);
        return blocks;
    }

    static void checkLengths(Lattice fine, byte[] fineConfiguration, int coarseLength, int actualCoarse) {
        if (fineConfiguration.length != fine.siteCount()) {
            throw new IllegalArgumentException("fine configuration has " + fineConfiguration.length
                    + " sites, lattice " + fine + " has " + fine.siteCount());
        }
        if (actualCoarse != coarseLength) {
            throw new IllegalArgumentException("coarse configuration has " + actualCoarse + " sites, expected "
                    + coarseLength);
        }
    }

    private record Cache(Lattice fine, BlockPartition partition, int[] sites) {
    }
}
