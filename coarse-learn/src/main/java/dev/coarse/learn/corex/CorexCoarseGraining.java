package dev.coarse.learn.corex;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.BlockPartition;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A discrete CorEx layer as a real-space RG step: the layer is fitted on the b<sup>d</sup> spins of lattice blocks
 * (every block of every configuration one sample, so the rule is the same for every block, as an RSMI filter is) and
 * each block becomes one coarse site holding the most probable value of each of the m factors. Binary factors are
 * written as ±1 spins (label 1 ↦ +1), m components per site; factors of k &gt; 2 values as Potts labels. The rule is
 * deterministic (ties go to the first value) and reads ±1 spins only.
 */
public final class CorexCoarseGraining implements CoarseGraining {

    /** The rule's name in coarse ensembles' metadata. */
    public static final String NAME = "corex";

    private final int dimension;
    private final int blockSize;
    private final CorexModel model;

    /**
     * @param dimension d of the lattices the layer was fitted on
     * @param blockSize b
     * @param model     a layer fitted on b<sup>d</sup> binary inputs (symbol 1 for spin +1), in
     *                  {@link BlockPartition#site} order
     */
    public CorexCoarseGraining(int dimension, int blockSize, CorexModel model) {
        this.model = Objects.requireNonNull(model, "model");
        if (dimension < 1 || blockSize < 2) {
            throw new IllegalArgumentException("need d ≥ 1 and b ≥ 2, got " + dimension + ", " + blockSize);
        }
        int sites = (int) Math.round(Math.pow(blockSize, dimension));
        if (model.inputs() != sites || model.symbols() != 2) {
            throw new IllegalArgumentException("a " + blockSize + "^" + dimension + " block has " + sites
                    + " spins; the model reads " + model.inputs() + " inputs of " + model.symbols() + " symbols");
        }
        this.dimension = dimension;
        this.blockSize = blockSize;
    }

    /**
     * Fits a layer on the b×…×b blocks of ±1 configurations on {@code lattice}.
     *
     * @param configurations configurations[sample][site], ±1; not modified
     */
    public static CorexCoarseGraining fit(Lattice lattice, byte[][] configurations, int blockSize,
            CorexSettings settings, long seed) {
        BlockPartition blocks = lattice.blocks(blockSize);
        int per = blocks.sitesPerBlock();
        int rows = configurations.length * blocks.blockCount();
        byte[] values = new byte[rows * per];
        int row = 0;
        for (byte[] c : configurations) {
            if (c.length != lattice.siteCount()) {
                throw new IllegalArgumentException("a configuration of " + c.length + " values on " + lattice);
            }
            for (int block = 0; block < blocks.blockCount(); block++, row++) {
                for (int k = 0; k < per; k++) {
                    values[row * per + k] = symbol(c[blocks.site(block, k)]);
                }
            }
        }
        int[] alphabet = new int[per];
        java.util.Arrays.fill(alphabet, 2);
        SymbolMatrix data = new SymbolMatrix(rows, per, values, alphabet);
        CorexLayer layer = new DiscreteCorex(settings).fit(data, seed).best();
        return new CorexCoarseGraining(lattice.dimension(), blockSize, layer.model());
    }

    private static byte symbol(byte spin) {
        if (spin != 1 && spin != -1) {
            throw new IllegalArgumentException("the " + NAME + " rule reads ±1 spins, got " + spin);
        }
        return spin > 0 ? (byte) 1 : (byte) 0;
    }

    /** The fitted layer. */
    public CorexModel model() {
        return model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double scaleFactor() {
        return blockSize;
    }

    /** The coarse lattice of the blocks ({@link Lattice#blocks} refuses a b that does not divide L). */
    @Override
    public Lattice coarseLattice(Lattice fine) {
        if (fine.dimension() != dimension) {
            throw new IllegalArgumentException("the CorEx rule was fitted in " + dimension + "D, not on " + fine);
        }
        return fine.blocks(blockSize).coarse();
    }

    @Override
    public DegreesOfFreedom coarseDegreesOfFreedom(DegreesOfFreedom fine) {
        if (!fine.equals(DegreesOfFreedom.isingSpins())) {
            throw new IllegalArgumentException("the " + NAME + " rule reads " + DegreesOfFreedom.isingSpins()
                    + ", not " + fine);
        }
        return model.states() == 2 ? DegreesOfFreedom.isingSpins().withComponents(model.factors())
                : DegreesOfFreedom.pottsStates(model.states()).withComponents(model.factors());
    }

    /** Modified: {@code coarse}. Not modified: {@code fine}. Draws nothing from {@code rng}. */
    @Override
    public void apply(Lattice fineLattice, byte[] fine, byte[] coarse, RandomGenerator rng) {
        Lattice coarseLattice = coarseLattice(fineLattice);
        int m = model.factors();
        if (fine.length != fineLattice.siteCount() || coarse.length != coarseLattice.siteCount() * m) {
            throw new IllegalArgumentException("fine configuration of " + fine.length + " and coarse of "
                    + coarse.length + " values, expected " + fineLattice.siteCount() + " and "
                    + coarseLattice.siteCount() * m);
        }
        BlockPartition blocks = fineLattice.blocks(blockSize);
        int per = blocks.sitesPerBlock();
        byte[] sample = new byte[per];
        byte[] labels = new byte[m];
        boolean spins = model.states() == 2;
        for (int block = 0; block < blocks.blockCount(); block++) {
            for (int k = 0; k < per; k++) {
                sample[k] = symbol(fine[blocks.site(block, k)]);
            }
            model.label(sample, labels);
            for (int j = 0; j < m; j++) {
                coarse[block * m + j] = spins ? (labels[j] == 1 ? (byte) 1 : (byte) -1) : labels[j];
            }
        }
    }

    @Override
    public String toString() {
        return NAME + " b=" + blockSize + " d=" + dimension + " m=" + model.factors() + " k=" + model.states();
    }
}
