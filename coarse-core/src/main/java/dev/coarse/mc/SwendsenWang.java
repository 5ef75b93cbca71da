package dev.coarse.mc;

import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import java.util.random.RandomGenerator;

/**
 * The Swendsen–Wang algorithm for the zero-field Ising model (Swendsen &amp; Wang, PRL 58, 86 (1987)):
 * every satisfied bond is activated with probability p = 1 − e<sup>−2K</sup>, the clusters of active
 * bonds are found with union–find (path halving, union by size), and every cluster is flipped with
 * probability ½. One {@link #sweep} is one full decomposition.
 *
 * <p>Bonds are visited site by site along the forward directions (the d·N bonds once each); flip decisions
 * are drawn per cluster root in order of first appearance in the site numbering, so the step is a
 * deterministic function of the configuration and the random stream. All buffers are preallocated.
 */
public final class SwendsenWang implements Sampler {

    private final IsingModel model;
    private final int[] neighbours;
    private final int coordination;
    private final int dimension;
    private final double bondProbability;
    private final int[] parent;
    private final int[] size;
    /** Per root: 0 undecided, 1 keep, 2 flip. */
    private final byte[] decision;

    /** @throws IllegalArgumentException if the field h is not zero */
    public SwendsenWang(IsingModel model) {
        if (model.field() != 0.0) {
            throw new IllegalArgumentException("the Swendsen-Wang sampler needs field h = 0, got h = "
                    + model.field() + "; use metropolis or heatbath in a field");
        }
        this.model = model;
        this.neighbours = model.lattice().neighbourTable();
        this.coordination = model.lattice().coordination();
        this.dimension = model.lattice().dimension();
        this.bondProbability = -Math.expm1(-2.0 * model.couplingK());
        int n = model.lattice().siteCount();
        this.parent = new int[n];
        this.size = new int[n];
        this.decision = new byte[n];
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public String name() {
        return "sw";
    }

    /** One full bond decomposition and cluster flip. Modified: {@code spins}. */
    @Override
    public void sweep(byte[] spins, RandomGenerator rng) {
        int n = spins.length;
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            decision[i] = 0;
        }
        int z = coordination;
        int[] nb = neighbours;
        for (int i = 0; i < n; i++) {
            for (int axis = 0; axis < dimension; axis++) {
                int j = nb[i * z + 2 * axis];
                if (spins[i] == spins[j] && rng.nextDouble() < bondProbability) {
                    union(i, j);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int root = find(i);
            if (decision[root] == 0) {
                decision[root] = rng.nextBoolean() ? (byte) 2 : (byte) 1;
            }
            if (decision[root] == 2) {
                spins[i] = (byte) -spins[i];
            }
        }
    }

    /** Cluster label (root) of every site after the last sweep's bond decomposition. Modified: none. */
    int clusterRoot(int site) {
        return find(site);
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
    }
}
