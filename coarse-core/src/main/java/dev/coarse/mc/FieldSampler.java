package dev.coarse.mc;

import dev.coarse.model.FieldModel;
import java.util.random.RandomGenerator;

/**
 * A Markov-chain Monte Carlo kernel that leaves e<sup>−S(φ)</sup> of its {@link #model()} invariant: the
 * {@code double[]} sibling of {@link Sampler} for lattice field theories ({@link HybridMonteCarlo},
 * {@link FieldMetropolis}).
 *
 * <p>A field sampler has one tunable step (HMC's leapfrog step, Metropolis' proposal width) that also
 * counts its proposals ({@link #step()}, an {@link AdaptiveStep}). While tuning is on, each update nudges the step
 * towards the target acceptance (a Robbins–Monro iteration on ln step); the chain runner turns it on for thermalisation only, so the production chain
 * is a fixed, exactly invariant kernel. Like a {@link Sampler}, one instance serves one chain, and all randomness
 * comes from the generator passed in.
 */
public interface FieldSampler {

    FieldModel model();

    /** {@link SamplerKind#HMC} or {@link SamplerKind#METROPOLIS}. */
    SamplerKind kind();

    /**
     * One update: one HMC trajectory, or one sweep of N single-site proposals.
     *
     * <p>Modified: {@code field}. The generator is advanced.
     */
    void update(double[] field, RandomGenerator rng);

    /** The sampler's step, its tuning switch and its acceptance counts. */
    AdaptiveStep step();
}
