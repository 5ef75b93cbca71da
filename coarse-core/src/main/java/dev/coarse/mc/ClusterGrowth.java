package dev.coarse.mc;

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
        // xoshiro256** in locals, seeded from the stream once per cluster (the step written out, as in the other
        // kernels: see mc.kernel.Xoshiro256); a neighbour joins iff the top 53 bits k of a word are below ⌈p·2⁵³⌉, i.e.
        // iff u = k·2⁻⁵³ < p
        final long threshold = (long) Math.ceil(addProbability * 0x1p53);
        long s0 = rng.nextLong();
        long s1 = rng.nextLong();
        long s2 = rng.nextLong();
        long s3 = rng.nextLong() | 1L; // never the all-zero state
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
                    final long word = Long.rotateLeft(s1 * 5, 7) * 9;
                    final long t = s1 << 17;
                    s2 ^= s0;
                    s3 ^= s1;
                    s1 ^= s2;
                    s0 ^= s3;
                    s2 ^= t;
                    s3 = Long.rotateLeft(s3, 45);
                    if (word >>> 11 < threshold) {
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
