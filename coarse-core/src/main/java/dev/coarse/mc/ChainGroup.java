package dev.coarse.mc;

import java.util.Optional;

/**
 * Independent Markov chains advanced together: the unit of work of {@link ChainRunner}, of its checkpoints and of
 * its parallelism. A per-configuration {@link Sampler} gives groups of one chain; the 64-replica
 * {@link MultispinMetropolis} kernel is a group of 64 that one sweep advances at once. The runner treats both
 * alike, so it never asks which sampler it runs ({@link SamplerKind#chainGroup} builds the group).
 *
 * <p>A group owns its state and its random stream and is used by one thread at a time.
 */
public interface ChainGroup {

    /** Chains in the group: 1, or 64 for a multi-spin group. */
    int chains();

    /**
     * Advances every chain by {@code count} sweeps, the same as {@code count} single sweeps bit for bit.
     *
     * <p>Modified: the chains' configurations and the group's random stream.
     */
    void sweeps(long count);

    /** The current configuration of chain {@code chain} (0 ≤ chain &lt; {@link #chains()}) as a fresh array. */
    byte[] configuration(int chain);

    /**
     * The energy per site H/N and the magnetisation per site of every chain: for Ising the signed m = Σs/N, for
     * Potts the order parameter of {@link Observables#pottsOrderParameter}.
     *
     * <p>Modified: {@code energyPerSite} and {@code magnetizationPerSite}, entries 0 … chains() − 1.
     */
    void measure(double[] energyPerSite, double[] magnetizationPerSite);

    /**
     * The group's whole state between two sweeps as bytes: every configuration, every generator state and anything
     * else later sweeps depend on, so that {@link #restoreState} on a fresh group of the same kind, model and
     * stream layout continues bit for bit (an in-chain checkpoint). Empty if this group cannot be saved so (its
     * stream does not expose its state); the runner then checkpoints it only when it finishes.
     */
    default Optional<byte[]> saveState() {
        return Optional.empty();
    }

    /**
     * Replaces the group's state by one {@link #saveState} wrote for a group of the same kind on the same model.
     *
     * <p>Modified: the configurations and the generator state.
     *
     * @throws IllegalArgumentException if {@code state} was not written by such a group
     * @throws UnsupportedOperationException if this group cannot be saved ({@link #saveState} is empty)
     */
    default void restoreState(byte[] state) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be restored mid-chain");
    }
}
