package dev.coarse.mc;

import dev.coarse.model.Model;
import java.util.Objects;

/**
 * What to sample: {@code chains} independent Markov chains of {@code sampler} on {@code model}, each
 * thermalised for {@code thermalize} sweeps and then run for {@code sweeps} sweeps, keeping the
 * configuration every {@code thin} sweeps (so ⌊sweeps/thin⌋ samples per chain), with random streams split
 * from {@code seed}, on {@code threads} threads. A "sweep" is one {@link Sampler#sweep} call.
 *
 * <p>With a multi-spin sampler ({@link SamplerKind#MULTISPIN}, {@link SamplerKind#MULTISPIN_NARROW}), {@code chains}
 * is the number of replicas kept: the run
 * simulates ⌈chains/64⌉ groups of 64 replicas ({@link MultispinMetropolis}) and keeps replicas 0 … chains−1
 * (group g holds replicas 64g … 64g+63); the surplus replicas of the last group cost nothing (bit-parallel)
 * and are discarded. A sweep is one checkerboard sweep of every replica.
 *
 * @throws IllegalArgumentException on sweeps ≤ 0, thin ≤ 0, thin &gt; sweeps, thermalize &lt; 0,
 *                                  chains &lt; 1, threads &lt; 1, a sampler not available for the model, or a
 *                                  cluster or multispin sampler with a field, or multispin on an odd lattice
 */
public record RunSpec(Model model, SamplerKind sampler, long sweeps, long thermalize, long thin, int chains, long seed,
                      int threads) {

    public RunSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampler, "sampler");
        requireSchedule(sweeps, thermalize, thin, chains, threads);
        sampler.validate(model); // rejects samplers of other models, cluster samplers in a field, multispin on odd L
        long samples = sweeps / thin;
        if (samples * chains * (long) model.lattice().siteCount() > Integer.MAX_VALUE * 4L) {
            throw new IllegalArgumentException("run would keep " + samples * chains + " configurations of "
                    + model.lattice().siteCount() + " sites: too large for memory; raise thin");
        }
        if (samples * chains > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("run would keep more than 2^31 configurations; raise thin");
        }
    }

    /**
     * The checks a run's schedule needs, shared with {@link FieldRunSpec}.
     *
     * @throws IllegalArgumentException on sweeps ≤ 0, thin ≤ 0, thin &gt; sweeps, thermalize &lt; 0, chains &lt; 1 or
     *                                  threads &lt; 1
     */
    static void requireSchedule(long sweeps, long thermalize, long thin, int chains, int threads) {
        if (sweeps <= 0) {
            throw new IllegalArgumentException("sweeps must be > 0, got " + sweeps);
        }
        if (thin <= 0) {
            throw new IllegalArgumentException("thin must be > 0, got " + thin);
        }
        if (thin > sweeps) {
            throw new IllegalArgumentException("thin (" + thin + ") must not exceed sweeps (" + sweeps
                    + "): no configuration would be kept");
        }
        if (thermalize < 0) {
            throw new IllegalArgumentException("thermalize must be >= 0, got " + thermalize);
        }
        if (chains < 1) {
            throw new IllegalArgumentException("chains must be >= 1, got " + chains);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /**
     * A lower bound on the heap a run needs, computed from its sizes alone (before any lattice is built, so that a
     * run that cannot fit is refused before it allocates or writes anything): the lattice's neighbour table, the
     * configurations kept (with their array headers and references) and the per-sample energy and magnetization, and
     * one configuration per chain sampling at a time. Samplers' own buffers (cluster stacks, replica words) come on
     * top, so a run may need more; it never needs less.
     *
     * @param dimension       lattice dimension d
     * @param linearSize      L
     * @param valuesPerSite   values per site in a configuration (1; d for bond occupations)
     * @param bytesPerValue   1 for discrete values, 8 for real fields
     * @return bytes, saturating at {@link Long#MAX_VALUE}
     */
    public static long estimatedBytes(int dimension, int linearSize, int valuesPerSite, int bytesPerValue, long sweeps,
                                      long thin, int chains, int threads) {
        double sites = Math.pow(Math.max(linearSize, 0), Math.max(dimension, 0));
        double configuration = sites * valuesPerSite * bytesPerValue;
        double samples = thin > 0 ? (double) Math.max(sweeps, 0) / thin : 0;
        double kept = Math.floor(samples) * Math.max(chains, 0);
        double neighbours = sites * 2.0 * dimension * Integer.BYTES;
        double stored = kept * (configuration + 16 + 8 + 2 * Double.BYTES);
        double running = Math.min(Math.max(threads, 1), Math.max(chains, 1)) * configuration;
        double total = neighbours + stored + running;
        return total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) total;
    }

    /** Configurations kept per chain, ⌊sweeps/thin⌋. */
    public int samplesPerChain() {
        return (int) (sweeps / thin);
    }

    /** Total sweeps of the run, chains·(thermalize + sweeps), the total given to {@link Progress}. */
    public long totalSweeps() {
        return chains * (thermalize + sweeps);
    }
}
