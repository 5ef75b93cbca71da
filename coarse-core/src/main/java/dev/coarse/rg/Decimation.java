package dev.coarse.rg;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

/**
 * Decimation: the coarse site keeps the values of the block's corner site (smallest coordinates); no randomness.
 * It reads any degrees of freedom on sites (spins, Potts labels, fields, several components) and writes the same.
 */
public final class Decimation extends BlockRule implements CoarseGraining {

    public Decimation(int blockSize) {
        super(blockSize);
    }

    @Override
    public String name() {
        return "decimation";
    }

    /** The same degrees of freedom, if they live on sites. */
    @Override
    public DegreesOfFreedom coarseDegreesOfFreedom(DegreesOfFreedom fine) {
        return requireSites(fine);
    }

    /**
     * Modified: {@code coarseConfiguration}. Not modified: {@code fineConfiguration}; {@code rng} unused. A site may
     * carry several values (its components): the fine configuration has a whole multiple of the site count.
     */
    @Override
    public void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng) {
        int perSite = valuesPerSite(fine, fineConfiguration.length);
        int[] sites = blockSites(fine);
        int per = sitesPerBlock(fine);
        int blocks = sites.length / per;
        checkLengths(fine, fineConfiguration, blocks * perSite, coarseConfiguration.length, perSite);
        for (int block = 0; block < blocks; block++) {
            System.arraycopy(fineConfiguration, sites[block * per] * perSite, coarseConfiguration, block * perSite,
                    perSite);
        }
    }

    /** Discrete values through the kernel; continuous ones copied the same way. */
    @Override
    public Configurations apply(Lattice fineLattice, Configurations fine, SplittableGenerator streams) {
        if (!(fine instanceof ContinuousConfigurations continuous)) {
            return CoarseGraining.super.apply(fineLattice, fine, streams);
        }
        DegreesOfFreedom dof = coarseDegreesOfFreedom(fine.degreesOfFreedom());
        int perSite = dof.valuesPerElement();
        int[] sites = blockSites(fineLattice);
        int per = sitesPerBlock(fineLattice);
        int blocks = sites.length / per;
        double[][] in = continuous.values();
        double[][] out = new double[in.length][blocks * perSite];
        for (int i = 0; i < in.length; i++) {
            streams.split(); // one stream per configuration, as for every rule, though decimation draws nothing
            checkLengths(fineLattice, in[i].length, fineLattice.siteCount() * perSite);
            for (int block = 0; block < blocks; block++) {
                System.arraycopy(in[i], sites[block * per] * perSite, out[i], block * perSite, perSite);
            }
        }
        return new ContinuousConfigurations(dof, out);
    }

    @Override
    public String toString() {
        return "decimation b=" + blockSize();
    }
}
