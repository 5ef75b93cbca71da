package dev.coarse.mc;

import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;

/**
 * What the per-configuration samplers share: the model they leave invariant, their kind, and the lattice's neighbour
 * table (site i's neighbours at {@code neighbours[i·coordination + k]}) that their single-site and cluster moves
 * walk. Final fields, so the hot loops read them as they read their own.
 */
abstract class NeighbourTableSampler implements Sampler {

    /** The lattice's neighbour table. Shared: read only. */
    final int[] neighbours;
    /** Neighbours per site, z = 2d. */
    final int coordination;
    private final Model model;
    private final SamplerKind kind;

    NeighbourTableSampler(Model model, SamplerKind kind) {
        this.model = model;
        this.kind = kind;
        this.neighbours = model.lattice().neighbourTable();
        this.coordination = model.lattice().coordination();
    }

    @Override
    public final Model model() {
        return model;
    }

    @Override
    public final SamplerKind kind() {
        return kind;
    }

    /**
     * Refuses a model in a field, for a move that ignores it ({@code sampler} names the move in the message).
     *
     * @throws IllegalArgumentException if h ≠ 0
     */
    static IsingModel requireZeroField(IsingModel model, String sampler) {
        if (model.field() != 0.0) {
            throw new IllegalArgumentException("the " + sampler + " needs field h = 0, got h = " + model.field()
                    + "; use metropolis or heatbath in a field");
        }
        return model;
    }
}
