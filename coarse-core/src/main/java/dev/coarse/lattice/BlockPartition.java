package dev.coarse.lattice;

/**
 * The partition of a lattice into disjoint hypercubic blocks of side b, the geometry of block-spin RG.
 *
 * <p>Blocks are numbered as the sites of the coarse lattice (side L/b); within a block, sites are listed
 * in row-major order of their offsets, so {@code sitesOf(block)[0]} is the block's corner with the
 * smallest coordinates (the site decimation keeps).
 */
public final class BlockPartition {

    private final Lattice fine;
    private final Lattice coarse;
    private final int blockSize;
    private final int sitesPerBlock;
    private final int[] sites;

    BlockPartition(Lattice fine, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size b must be at least 1, got " + blockSize);
        }
        if (fine.linearSize() % blockSize != 0) {
            throw new IllegalArgumentException("block size b = " + blockSize + " does not divide L = "
                    + fine.linearSize());
        }
        if (fine.linearSize() / blockSize < 2) {
            throw new IllegalArgumentException("block size b = " + blockSize + " leaves a coarse lattice of L = "
                    + fine.linearSize() / blockSize + " (need at least 2)");
        }
        int d = fine.dimension();
        this.fine = fine;
        this.blockSize = blockSize;
        this.coarse = Lattice.of(d, fine.linearSize() / blockSize);
        int per = 1;
        for (int i = 0; i < d; i++) {
            per *= blockSize;
        }
        this.sitesPerBlock = per;
        this.sites = new int[coarse.siteCount() * per];
        for (int block = 0; block < coarse.siteCount(); block++) {
            int[] corner = coarse.coordinates(block);
            for (int k = 0; k < per; k++) {
                int[] offset = offsetCoordinates(k, d, blockSize);
                int[] c = new int[d];
                for (int axis = 0; axis < d; axis++) {
                    c[axis] = corner[axis] * blockSize + offset[axis];
                }
                sites[block * per + k] = fine.site(c);
            }
        }
    }

    private static int[] offsetCoordinates(int k, int d, int b) {
        int[] c = new int[d];
        for (int axis = d - 1; axis >= 0; axis--) {
            c[axis] = k % b;
            k /= b;
        }
        return c;
    }

    public Lattice fine() {
        return fine;
    }

    public Lattice coarse() {
        return coarse;
    }

    public int blockSize() {
        return blockSize;
    }

    public int blockCount() {
        return coarse.siteCount();
    }

    public int sitesPerBlock() {
        return sitesPerBlock;
    }

    /** The fine sites of one block (a fresh copy). */
    public int[] sitesOf(int block) {
        int[] out = new int[sitesPerBlock];
        System.arraycopy(sites, block * sitesPerBlock, out, 0, sitesPerBlock);
        return out;
    }

    /** The k-th fine site of a block, without allocation. */
    public int site(int block, int k) {
        return sites[block * sitesPerBlock + k];
    }
}
