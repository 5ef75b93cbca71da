package dev.coarse.dynamics.gibbs;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gibbs's coarse-grained entropy of an evolving ensemble: N points start uniformly in one cell of side δ, are moved by
 * a {@link TorusMap}, and at each step the entropy S<sub>δ</sub> = −Σ p<sub>c</sub> ln p<sub>c</sub> of their
 * occupation of the (1/δ)² cells is recorded (plug-in, biased low by about (cells occupied − 1)/(2N)), beside the
 * fine-grained entropy ln(distinct points), constant because the maps are bijections.
 */
public final class CoarseGrainedEntropy {

    /** Largest cells per side (the occupation table holds (1/δ)² counts). */
    public static final int MAX_CELLS_PER_SIDE = 2048;

    private CoarseGrainedEntropy() {
    }

    /**
     * Evolves the ensemble.
     *
     * @param cellsPerSide 1/δ, between 2 and {@link #MAX_CELLS_PER_SIDE}
     * @param points       ensemble size N ≥ 1
     * @param steps        map applications ≥ 0
     * @param seed         seeds the initial points (in the cell at (⌊m/3⌋, ⌊m/3⌋), away from the fixed point 0)
     */
    public static EntropyCurve evolve(TorusMap map, int cellsPerSide, int points, int steps, long seed) {
        if (cellsPerSide < 2 || cellsPerSide > MAX_CELLS_PER_SIDE) {
            throw new IllegalArgumentException("cells per side (1/delta) must be in [2, " + MAX_CELLS_PER_SIDE
                    + "], got " + cellsPerSide);
        }
        if (points < 1 || steps < 0) {
            throw new IllegalArgumentException("need points >= 1 and steps >= 0, got " + points + ", " + steps);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] x = new long[points];
        long[] y = new long[points];
        long cellStart = (TorusMap.SIDE * (cellsPerSide / 3)) / cellsPerSide;
        long cellWidth = TorusMap.SIDE / cellsPerSide;
        for (int i = 0; i < points; i++) {
            x[i] = cellStart + random.nextLong(cellWidth);
            y[i] = cellStart + random.nextLong(cellWidth);
        }
        double[] coarse = new double[steps + 1];
        double[] fine = new double[steps + 1];
        int[] occupation = new int[cellsPerSide * cellsPerSide];
        long[] keys = new long[points];
        for (int t = 0; t <= steps; t++) {
            if (t > 0) {
                map.apply(x, y);
            }
            coarse[t] = occupationEntropy(x, y, cellsPerSide, occupation);
            fine[t] = Math.log(distinct(x, y, keys));
        }
        return new EntropyCurve(map, cellsPerSide, points, seed, coarse, fine);
    }

    private static double occupationEntropy(long[] x, long[] y, int m, int[] occupation) {
        Arrays.fill(occupation, 0);
        for (int i = 0; i < x.length; i++) {
            int cx = (int) ((x[i] * m) >>> TorusMap.BITS);
            int cy = (int) ((y[i] * m) >>> TorusMap.BITS);
            occupation[cx * m + cy]++;
        }
        double n = x.length;
        double entropy = 0;
        for (int c : occupation) {
            if (c > 0) {
                double p = c / n;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }

    private static int distinct(long[] x, long[] y, long[] keys) {
        for (int i = 0; i < x.length; i++) {
            keys[i] = (x[i] << TorusMap.BITS) | y[i];
        }
        Arrays.sort(keys);
        int count = keys.length > 0 ? 1 : 0;
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] != keys[i - 1]) {
                count++;
            }
        }
        return count;
    }
}
