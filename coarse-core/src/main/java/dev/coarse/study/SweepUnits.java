package dev.coarse.study;

import dev.coarse.mc.PottsWolff;
import dev.coarse.mc.Sampler;
import dev.coarse.mc.Wolff;
import java.util.random.RandomGenerator;

/**
 * Sweep-equivalents, the unit of work of {@link BinderScan} and {@link FlowDiagram}: one {@link Sampler#sweep} for
 * site-update and Swendsen–Wang samplers; for single-cluster samplers (Wolff) a fixed number k of cluster flips
 * with k·⟨C⟩ ≈ N, ⟨C⟩ the mean cluster size measured during thermalisation. (k is fixed before measuring: stopping
 * the flips when a running total of flipped sites reaches N would make the measurement times depend on the
 * trajectory and bias the sampled distribution.) With this unit a cluster sampler's autocorrelation time is a few
 * units at every temperature and size.
 */
final class SweepUnits {

    private final Sampler sampler;
    private int flipsPerSweep = 1;

    SweepUnits(Sampler sampler) {
        this.sampler = sampler;
    }

    /**
     * Thermalises for {@code sweeps} sweep-equivalents, flipping clusters until N sites have flipped per unit, and
     * fixes k from the mean cluster size of the second half. Modified: {@code state}.
     */
    void thermalize(byte[] state, int sweeps, RandomGenerator rng, Runnable afterEach) {
        int n = state.length;
        long flips = 0;
        long flipped = 0;
        for (int s = 0; s < sweeps; s++) {
            if (isCluster()) {
                long unit = 0;
                while (unit < n) {
                    int c = flip(state, rng);
                    unit += c;
                    if (2 * s >= sweeps) {
                        flips++;
                        flipped += c;
                    }
                }
            } else {
                sampler.sweep(state, rng);
            }
            afterEach.run();
        }
        if (isCluster()) {
            flipsPerSweep = flipped == 0 ? 1 : (int) Math.max(1, Math.min(n, Math.round((double) n * flips / flipped)));
        }
    }

    /** One sweep-equivalent with the fixed k. Modified: {@code state}. */
    void advance(byte[] state, RandomGenerator rng) {
        if (isCluster()) {
            for (int i = 0; i < flipsPerSweep; i++) {
                flip(state, rng);
            }
        } else {
            sampler.sweep(state, rng);
        }
    }

    /** Cluster flips per sweep-equivalent (1 for non-cluster samplers). */
    int flipsPerSweep() {
        return flipsPerSweep;
    }

    private boolean isCluster() {
        return sampler instanceof Wolff || sampler instanceof PottsWolff;
    }

    private int flip(byte[] state, RandomGenerator rng) {
        return sampler instanceof Wolff w ? w.clusterFlip(state, rng) : ((PottsWolff) sampler).clusterMove(state, rng);
    }
}
