package dev.coarse.mc;

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
}
