package dev.coarse.rg;

import dev.coarse.configuration.DegreesOfFreedom;
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

    /** The rule's name, as {@link CoarseGraining#name()}. */
    public abstract String name();

    /** {@code fine}, if its values live on sites (blocks are blocks of sites); else an exception naming the rule. */
    final DegreesOfFreedom requireSites(DegreesOfFreedom fine) {
        if (fine.support() != DegreesOfFreedom.Support.SITES) {
            throw new IllegalArgumentException("the " + name() + " rule reads values on sites, not " + fine);
        }
        return fine;
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
        checkLengths(fine, fineConfiguration, coarseLength, actualCoarse, 1);
    }

    /** As above for configurations of {@code perSite} values per site. */
    static void checkLengths(Lattice fine, byte[] fineConfiguration, int coarseLength, int actualCoarse, int perSite) {
        checkLengths(fine, fineConfiguration.length, fine.siteCount() * perSite);
        if (actualCoarse != coarseLength) {
            throw new IllegalArgumentException("coarse configuration has " + actualCoarse
                    + (perSite == 1 ? " sites" : " values") + ", expected " + coarseLength);
        }
    }

    /** Checks the length of a fine configuration of {@code expected} values. */
    static void checkLengths(Lattice fine, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(expected == fine.siteCount()
                    ? "fine configuration has " + actual + " sites, lattice " + fine + " has " + fine.siteCount()
                    : "fine configuration has " + actual + " values, expected " + expected + " on " + fine);
        }
    }

    /**
     * Values per site of a configuration of {@code length} values on {@code fine}.
     *
     * @throws IllegalArgumentException if the length is not a positive multiple of the site count
     */
    static int valuesPerSite(Lattice fine, int length) {
        if (length == 0 || length % fine.siteCount() != 0) {
            throw new IllegalArgumentException("fine configuration has " + length + " sites, lattice " + fine + " has "
                    + fine.siteCount());
        }
        return length / fine.siteCount();
    }

    private record Cache(Lattice fine, BlockPartition partition, int[] sites) {
    }
}
