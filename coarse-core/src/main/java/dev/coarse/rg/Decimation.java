package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import java.util.random.RandomGenerator;

/** Decimation: the coarse spin is the spin of the block's corner site (smallest coordinates); no randomness. */
public final class Decimation extends BlockRule implements CoarseGraining {

    public Decimation(int blockSize) {
        super(blockSize);
    }

    @Override
    public String name() {
        return "decimation";
    }

    /** Modified: {@code coarseConfiguration}. Not modified: {@code fineConfiguration}; {@code rng} unused. */
    @Override
    public void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng) {
        int blocks = checkedBlockCount(fine, fineConfiguration, coarseConfiguration);
        int[] sites = blockSites(fine);
        int per = sitesPerBlock(fine);
        for (int block = 0; block < blocks; block++) {
            coarseConfiguration[block] = fineConfiguration[sites[block * per]];
        }
    }

    @Override
    public String toString() {
        return "decimation b=" + blockSize();
    }
}
