package dev.coarse.rg;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

/**
 * A map from a configuration on a fine lattice to one on a coarser lattice: one real-space RG step.
 * Fixed rules (majority, decimation, block average) and learned ones (RSMI filters, RBMs, flows) implement the
 * same interface, so every analysis works on every rule.
 *
 * <p>A rule says which degrees of freedom it reads and what it writes from them
 * ({@link #coarseDegreesOfFreedom}): the ±1-spin rules read and write spins, decimation keeps whatever discrete
 * values it is given, the block average writes real values, a learned filter may write categorical labels or
 * several components per block. {@link #apply(Lattice, Configurations, SplittableGenerator)} coarse-grains a whole
 * set of configurations of any kind the rule reads; rules from discrete to discrete values also have the
 * per-configuration kernel {@link #apply(Lattice, byte[], byte[], RandomGenerator)} that chain loops call.
 */
public interface CoarseGraining {

    /** The rule's name, recorded in coarse ensembles' metadata, e.g. "majority" or "decimation". */
    String name();

    /** Linear scale factor b: one coarse lattice spacing is b fine spacings (√2 for corner-sharing plaquettes). */
    double scaleFactor();

    /**
     * The coarse lattice this rule produces from {@code fine}.
     *
     * @throws IllegalArgumentException if the rule cannot be applied to {@code fine} (e.g. b does not divide L)
     */
    Lattice coarseLattice(Lattice fine);

    /**
     * What the rule writes when it reads {@code fine}. The default is that of the ±1-spin rules: spins on sites in,
     * spins on sites out.
     *
     * @throws IllegalArgumentException if the rule cannot read {@code fine}, naming what it reads
     */
    default DegreesOfFreedom coarseDegreesOfFreedom(DegreesOfFreedom fine) {
        if (!fine.equals(DegreesOfFreedom.isingSpins())) {
            throw new IllegalArgumentException("the " + name() + " rule reads " + DegreesOfFreedom.isingSpins()
                    + ", not " + fine);
        }
        return fine;
    }

    /**
     * Coarse-grains one configuration of discrete values into discrete values (spins, labels).
     *
     * <p>Modified: {@code coarse}. Not modified: {@code fine}. {@code rng} is used only by rules that need
     * randomness (e.g. breaking majority ties) and must be given even if unused.
     *
     * @throws UnsupportedOperationException if the rule reads or writes continuous values (the block average,
     *                                       flows): those coarse-grain through
     *                                       {@link #apply(Lattice, Configurations, SplittableGenerator)} only
     */
    default void apply(Lattice fineLattice, byte[] fine, byte[] coarse, RandomGenerator rng) {
        throw new UnsupportedOperationException("the " + name() + " rule has no discrete-to-discrete kernel; "
                + "coarse-grain whole sets of configurations with apply(Lattice, Configurations, SplittableGenerator)");
    }

    /**
     * Coarse-grains every configuration of {@code fine}: the result holds
     * {@code coarseDegreesOfFreedom(fine.degreesOfFreedom())} on {@code coarseLattice(fineLattice)}, configuration i
     * made from configuration i. Configuration i uses its own generator, the i-th {@code streams.split()} (taken in
     * order i = 0, 1, …), so the output depends only on the data and the state of {@code streams}. The default runs
     * the discrete kernel; rules with continuous values override it.
     *
     * @throws IllegalArgumentException if the rule cannot read these degrees of freedom or this lattice
     */
    default Configurations apply(Lattice fineLattice, Configurations fine, SplittableGenerator streams) {
        DegreesOfFreedom out = coarseDegreesOfFreedom(fine.degreesOfFreedom());
        if (!(fine instanceof DiscreteConfigurations discrete) || !out.isDiscrete()) {
            throw new UnsupportedOperationException("the " + name() + " rule does not coarse-grain " + fine
                    .degreesOfFreedom() + " into " + out);
        }
        Lattice coarseLattice = coarseLattice(fineLattice);
        int length = out.length(coarseLattice);
        byte[][] values = discrete.values();
        byte[][] coarse = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            coarse[i] = new byte[length];
            apply(fineLattice, values[i], coarse[i], streams.split());
        }
        return new DiscreteConfigurations(out, coarse);
    }
}
