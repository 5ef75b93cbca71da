package dev.coarse.mc;

import dev.coarse.model.Model;
import java.util.random.RandomGenerator;

/**
 * A Markov-chain Monte Carlo kernel that leaves the Boltzmann distribution of its {@link #model()} invariant.
 *
 * <p>A sampler may hold scratch buffers (cluster stacks, bond arrays), so one instance serves one chain
 * at a time; it keeps no random state of its own: all randomness comes from the generator passed in.
 */
public interface Sampler {

    Model model();

    /** The kind of sampler this is (its {@link SamplerKind#id() id} is what files record). */
    SamplerKind kind();

    /**
     * Advances {@code configuration} in place by one Monte Carlo step: N single-site attempts for a local
     * kernel, one cluster flip for Wolff, one full bond decomposition for Swendsen–Wang.
     *
     * <p>Modified: {@code configuration}. The generator is advanced.
     */
    void sweep(byte[] configuration, RandomGenerator rng);

    /**
     * {@code count} Monte Carlo steps: the same configuration and generator state as {@code count} calls of
     * {@link #sweep}, bit for bit, but a sampler may do them faster (the packed checkerboard kernel converts the
     * configuration to its own form once per call). Chain drivers call this between measurements.
     *
     * <p>Modified: {@code configuration}. The generator is advanced.
     */
    default void sweeps(byte[] configuration, RandomGenerator rng, long count) {
        for (long t = 0; t < count; t++) {
            sweep(configuration, rng);
        }
    }
}
