package dev.coarse.rg;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import java.util.random.RandomGenerator.SplittableGenerator;

/**
 * Block average: the coarse value is the mean of the block's values. It reads ±1 spins (the mean lies in [−1, 1];
 * its sign, with ties, is the {@link MajorityRule}) and real or complex fields on sites, and writes real values
 * (complex for a complex field), component by component. Deterministic: no randomness.
 */
public final class BlockAverage extends BlockRule implements CoarseGraining {

    public BlockAverage(int blockSize) {
        super(blockSize);
    }

    @Override
    public String name() {
        return "block-average";
    }

    /** Spins and real fields give real values, complex fields complex ones; sites only. */
    @Override
    public DegreesOfFreedom coarseDegreesOfFreedom(DegreesOfFreedom fine) {
        return switch (requireSites(fine).values()) {
            case SPIN -> {
                if (fine.components() != 1) {
                    throw new IllegalArgumentException("the block-average rule reads one ±1 spin per site, not " + fine);
                }
                yield DegreesOfFreedom.realField();
            }
            case REAL -> DegreesOfFreedom.realField().withComponents(fine.components());
            case COMPLEX -> fine;
            default -> throw new IllegalArgumentException("the block-average rule reads ±1 spins and real or complex "
                    + "fields, not " + fine + " (the mean of labels or occupations is not a coarse variable)");
        };
    }

    /** One stream per configuration is split from {@code streams}, as for every rule, though none is drawn from. */
    @Override
    public Configurations apply(Lattice fineLattice, Configurations fine, SplittableGenerator streams) {
        DegreesOfFreedom out = coarseDegreesOfFreedom(fine.degreesOfFreedom());
        int perSite = out.valuesPerElement();
        double[][] coarse = new double[fine.size()][];
        for (int i = 0; i < coarse.length; i++) {
            streams.split();
            coarse[i] = new double[blockCount(fineLattice) * perSite];
            if (fine instanceof DiscreteConfigurations discrete) {
                average(fineLattice, discrete.values()[i], coarse[i]);
            } else {
                average(fineLattice, ((ContinuousConfigurations) fine).values()[i], coarse[i]);
            }
        }
        return new ContinuousConfigurations(out, coarse);
    }

    /**
     * The block means of one ±1 configuration. Modified: {@code coarseValues} (length of the coarse lattice). Not
     * modified: {@code fineConfiguration}.
     */
    public void average(Lattice fine, byte[] fineConfiguration, double[] coarseValues) {
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

    /**
     * The block means of one field configuration of one or more values per site (components, real and imaginary
     * parts), value by value. Modified: {@code coarseValues}. Not modified: {@code fineValues}.
     */
    public void average(Lattice fine, double[] fineValues, double[] coarseValues) {
        int perSite = valuesPerSite(fine, fineValues.length);
        int[] sites = blockSites(fine);
        int per = sitesPerBlock(fine);
        int blocks = sites.length / per;
        if (coarseValues.length != blocks * perSite) {
            throw new IllegalArgumentException("coarse configuration has " + coarseValues.length + " values, expected "
                    + blocks * perSite);
        }
        for (int block = 0; block < blocks; block++) {
            int off = block * per;
            for (int v = 0; v < perSite; v++) {
                double sum = 0;
                for (int k = 0; k < per; k++) {
                    sum += fineValues[sites[off + k] * perSite + v];
                }
                coarseValues[block * perSite + v] = sum / per;
            }
        }
    }

    private int blockCount(Lattice fine) {
        return blockSites(fine).length / sitesPerBlock(fine);
    }
}
