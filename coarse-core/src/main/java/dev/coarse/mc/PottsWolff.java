package dev.coarse.mc;

import dev.coarse.model.PottsModel;
import java.util.random.RandomGenerator;

/**
 * The Wolff single-cluster algorithm for the q-state Potts model: pick a random seed site with state a and
 * a uniformly random new state b ≠ a, grow the cluster by adding each neighbour in state a with probability
 * p<sub>add</sub> = 1 − e<sup>−β</sup> (the Fortuin–Kasteleyn bond probability for H = −Σδ), and set the
 * whole cluster to b. One {@link #sweep} is one cluster move. The growth stack is preallocated.
 */
public final class PottsWolff extends NeighbourTableSampler {

    private final int q;
    private final double addProbability;
    private final int[] stack;

    public PottsWolff(PottsModel model) {
        super(model, SamplerKind.WOLFF);
        this.q = model.q();
        this.addProbability = -StrictMath.expm1(-model.beta());
        this.stack = new int[model.lattice().siteCount()];
    }

    /** One cluster move. Modified: {@code states}. */
    @Override
    public void sweep(byte[] states, RandomGenerator rng) {
        clusterMove(states, rng);
    }

    /** Grows one cluster and recolours it; returns its size. Modified: {@code states}. */
    public int clusterMove(byte[] states, RandomGenerator rng) {
        int seed = rng.nextInt(states.length);
        int target = states[seed] + 1 + rng.nextInt(q - 1);
        byte replacement = (byte) (target >= q ? target - q : target);
        return ClusterGrowth.recolour(states, seed, replacement, addProbability, neighbours, coordination, stack, rng);
    }
}
