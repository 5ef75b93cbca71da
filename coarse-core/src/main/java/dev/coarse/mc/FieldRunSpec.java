package dev.coarse.mc;

import dev.coarse.model.FieldModel;
import java.util.Objects;

/**
 * What to sample from a {@link FieldModel}: {@code chains} independent chains of {@code sampler} ({@link SamplerKind#HMC}
 * or {@link SamplerKind#METROPOLIS}), each thermalised for {@code thermalize} updates, during which its step is tuned
 * to {@code targetAcceptance}, and then run for {@code updates} updates with the step frozen, keeping the
 * configuration every {@code thin} updates; random streams split from {@code seed}, on {@code threads} threads. An
 * update is one HMC trajectory of length {@code trajectoryLength}, or one Metropolis sweep of N site proposals
 * (which has no trajectory: {@code trajectoryLength} is then recorded but unused). With {@code thermalize} = 0 the
 * step keeps its initial value (ε = 0.1, Metropolis width 1).
 *
 * @throws IllegalArgumentException on updates ≤ 0, thin ≤ 0, thin &gt; updates, thermalize &lt; 0, chains &lt; 1,
 *                                  threads &lt; 1, a target acceptance outside (0, 1), a trajectory length that is
 *                                  not finite and &gt; 0, a sampler that does not sample fields, or a run too large
 *                                  to keep in memory
 */
public record FieldRunSpec(FieldModel model, SamplerKind sampler, long updates, long thermalize, long thin, int chains,
                           long seed, int threads, double targetAcceptance, double trajectoryLength) {

    public FieldRunSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampler, "sampler");
        if (!SamplerKind.available(model).contains(sampler)) {
            throw new IllegalArgumentException("the " + sampler.id() + " sampler does not sample " + model.name()
                    + "; valid: hmc, metropolis");
        }
        RunSpec.requireSchedule(updates, thermalize, thin, chains, threads);
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("target acceptance must be in (0, 1), got " + targetAcceptance);
        }
        if (!(trajectoryLength > 0) || Double.isInfinite(trajectoryLength)) {
            throw new IllegalArgumentException("trajectory length must be finite and > 0, got " + trajectoryLength);
        }
        if ((updates / thin) * chains * (long) model.fieldLength() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("run would keep " + (updates / thin) * chains + " configurations of "
                    + model.fieldLength() + " values: too large for memory; raise thin");
        }
    }

    /** The sampler's default target acceptance (0.8 HMC, 0.5 Metropolis) and trajectory length 1. */
    public static FieldRunSpec withDefaults(FieldModel model, SamplerKind sampler, long updates, long thermalize,
                                            long thin, int chains, long seed, int threads) {
        return new FieldRunSpec(model, sampler, updates, thermalize, thin, chains, seed, threads,
                sampler.defaultTargetAcceptance(), HybridMonteCarlo.DEFAULT_TRAJECTORY_LENGTH);
    }

    /** Configurations kept per chain, ⌊updates/thin⌋. */
    public int samplesPerChain() {
        return (int) (updates / thin);
    }

    /** Total updates of the run, chains·(thermalize + updates), the total given to {@link Progress}. */
    public long totalUpdates() {
        return chains * (thermalize + updates);
    }

    /** A new sampler of this spec's kind and settings, untuned. */
    public FieldSampler newSampler() {
        return sampler.createFieldSampler(model, targetAcceptance, trajectoryLength);
    }
}
