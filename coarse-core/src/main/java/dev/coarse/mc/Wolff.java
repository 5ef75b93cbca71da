package dev.coarse.mc;

import dev.coarse.model.IsingModel;
import java.util.random.RandomGenerator;

/**
 * The Wolff single-cluster algorithm for the zero-field Ising model (Wolff, PRL 62, 361 (1989)): pick a
 * random seed site, grow a cluster by adding each aligned neighbour with probability
 * p<sub>add</sub> = 1 − e<sup>−2K</sup>, and flip it. One {@link #sweep} is one cluster flip (not N site
 * updates: a cluster step at high temperature touches few sites).
 *
 * <p>Cluster members are flipped as soon as they are added, so a flipped site is never aligned with the
 * seed's old value and cannot be added twice; the growth stack is preallocated (N entries).
 */
public final class Wolff extends NeighbourTableSampler {

    private final double addProbability;
    private final int[] stack;

    /** @throws IllegalArgumentException if the field h is not zero (the cluster move ignores it) */
    public Wolff(IsingModel model) {
        super(requireZeroField(model, "Wolff cluster sampler"), SamplerKind.WOLFF);
        this.addProbability = -StrictMath.expm1(-2.0 * model.couplingK());
        this.stack = new int[model.lattice().siteCount()];
    }

    /** p<sub>add</sub> = 1 − e<sup>−2K</sup>. */
    public double addProbability() {
        return addProbability;
    }

    /** One cluster flip. Modified: {@code spins}. */
    @Override
    public void sweep(byte[] spins, RandomGenerator rng) {
        clusterFlip(spins, rng);
    }

    /** Grows and flips one cluster; returns its size. Modified: {@code spins}. */
    public int clusterFlip(byte[] spins, RandomGenerator rng) {
        int seed = rng.nextInt(spins.length);
        return ClusterGrowth.recolour(spins, seed, (byte) -spins[seed], addProbability, neighbours, coordination,
                stack, rng);
    }
}
