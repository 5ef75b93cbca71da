package dev.coarse.mc;

import dev.coarse.mc.kernel.Xoshiro256;
import java.util.random.RandomGenerator;

/**
 * The single-cluster move shared by {@link Wolff} and {@link PottsWolff}: starting from a seed site, every
 * neighbour still in the seed's old state joins with probability p<sub>add</sub> and is set to the new state
 * at once (so it cannot join twice, as the new state differs from the old).
 */
final class ClusterGrowth {

    private ClusterGrowth() {
    }

    /**
     * Recolours the cluster grown from {@code seed} to {@code replacement}; returns its size.
     * Modified: {@code configuration}, {@code stack} (scratch of length N).
     */
    static int recolour(byte[] configuration, int seed, byte replacement, double addProbability, int[] neighbours,
                        int coordination, int[] stack, RandomGenerator rng) {
        // xoshiro256**, seeded from the stream once per cluster; a neighbour joins iff the top 53 bits k of a word
        // are below ⌈p·2⁵³⌉, i.e. iff u = k·2⁻⁵³ < p
        final long threshold = (long) Math.ceil(addProbability * 0x1p53);
        final long[] generator = Xoshiro256.oddSeeded(rng);
        final byte old = configuration[seed];
        configuration[seed] = replacement;
        stack[0] = seed;
        int top = 1;
        int size = 1;
        while (top > 0) {
            final int base = stack[--top] * coordination;
            for (int k = 0; k < coordination; k++) {
                final int j = neighbours[base + k];
                if (configuration[j] == old) {
                    if (Xoshiro256.next(generator) >>> 11 < threshold) {
                        configuration[j] = replacement;
                        stack[top++] = j;
                        size++;
                    }
                }
            }
        }
        return size;
    }
}
