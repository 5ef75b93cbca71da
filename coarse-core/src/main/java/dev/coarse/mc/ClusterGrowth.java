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
        byte old = configuration[seed];
        configuration[seed] = replacement;
        stack[0] = seed;
        int top = 1;
        int size = 1;
        while (top > 0) {
            int site = stack[--top];
            int base = site * coordination;
            for (int k = 0; k < coordination; k++) {
                int j = neighbours[base + k];
                if (configuration[j] == old && rng.nextDouble() < addProbability) {
                    configuration[j] = replacement;
                    stack[top++] = j;
                    size++;
                }
            }
        }
        return size;
    }
}
