package dev.coarse.learn.corex;

import java.util.SplittableRandom;

/**
 * Data with planted latent factors: fair binary factors y<sub>j</sub>, each variable a copy of its factor flipped
 * with its own probability. Variable i belongs to factor {@code parent[i]}.
 */
record PlantedFactors(int[] parent, double[] flip, SymbolMatrix data) {

    /** {@code factors} factors of {@code perFactor} variables each, in a shuffled order, flips in [0.05, 0.2]. */
    static PlantedFactors generate(int factors, int perFactor, int samples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] parent = shuffledParents(factors, perFactor, rng);
        int p = parent.length;
        double[] flip = new double[p];
        for (int i = 0; i < p; i++) {
            flip[i] = 0.05 + 0.15 * rng.nextDouble();
        }
        return new PlantedFactors(parent, flip, sample(parent, flip, factors, samples, rng));
    }

    static SymbolMatrix sample(int[] parent, double[] flip, int factors, int samples, SplittableRandom rng) {
        int p = parent.length;
        int[][] x = new int[samples][p];
        int[] y = new int[factors];
        for (int l = 0; l < samples; l++) {
            for (int j = 0; j < factors; j++) {
                y[j] = rng.nextInt(2);
            }
            for (int i = 0; i < p; i++) {
                x[l][i] = rng.nextDouble() < flip[i] ? 1 - y[parent[i]] : y[parent[i]];
            }
        }
        return SymbolMatrix.ofSymbols(x);
    }

    /** {@code perFactor} variables for each of {@code factors} factors, in a random order. */
    static int[] shuffledParents(int factors, int perFactor, SplittableRandom rng) {
        int[] parent = new int[factors * perFactor];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i % factors;
        }
        for (int i = parent.length - 1; i > 0; i--) {
            int u = rng.nextInt(i + 1);
            int t = parent[i];
            parent[i] = parent[u];
            parent[u] = t;
        }
        return parent;
    }
}
