package dev.coarse.emergence.ca;

import dev.coarse.info.EntropyEstimator;
import dev.coarse.info.PluginEntropy;
import java.util.random.RandomGenerator;

/**
 * The 3x+1 map on a population of integers beside a random-walk control (issue 24). Each integer follows the
 * accelerated Collatz map T(n) = n/2 for even n, (3n + 1)/2 for odd n; the control follows, in log<sub>2</sub>,
 * the random walk that the usual heuristic puts in T's place — up by log<sub>2</sub>(3/2) or down by 1 with
 * probability 1/2 each (the same mean drift, ½·log<sub>2</sub>(3/4) per step, and variance), reflected at 0 (n = 1).
 * Both start from the same integers, drawn uniformly from [2<sup>bits−1</sup>, 2<sup>bits</sup>). The coarse
 * variable is ⌊log<sub>2</sub> n / binWidth⌋. The walk's distribution spreads (its entropy grows like ½ ln t) and
 * settles into a broad stationary law against the wall; the Collatz population, deterministic, ends on the cycle
 * {1, 2}, so its coarse entropy falls to at most ln 2.
 */
public final class CollatzPopulation {

    /** Largest start: below 2<sup>32</sup> every trajectory stays below 2<sup>63</sup> (the known path records). */
    public static final int MAX_BITS = 32;

    private static final EntropyEstimator PLUGIN = new PluginEntropy();
    private static final double LOG2_THREE_HALVES = Math.log(1.5) / Math.log(2);

    private CollatzPopulation() {
    }

    /** Runs {@code population} integers of {@code bits} bits and their control for {@code steps} steps. */
    public static CollatzHistory run(int population, int bits, int steps, double binWidth, RandomGenerator random) {
        if (population < 1 || bits < 2 || bits > MAX_BITS || steps < 0 || !(binWidth > 0 && binWidth <= 64)) {
            throw new IllegalArgumentException("need population >= 1, bits 2 … " + MAX_BITS
                    + ", steps >= 0 and a bin width in (0, 64], got " + population + ", " + bits + ", " + steps
                    + ", " + binWidth);
        }
        long[] n = new long[population];
        double[] walk = new double[population];
        long low = 1L << (bits - 1);
        for (int i = 0; i < population; i++) {
            n[i] = low + random.nextLong(low);
            walk[i] = log2(n[i]);
        }
        int bins = (int) Math.ceil(128 / binWidth) + 1;
        int[] counts = new int[bins];
        int[] times = new int[steps + 1];
        double[] collatzEntropy = new double[steps + 1];
        double[] walkEntropy = new double[steps + 1];
        double[] collatzMean = new double[steps + 1];
        double[] walkMean = new double[steps + 1];
        double[] atCycle = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            if (t > 0) {
                for (int i = 0; i < population; i++) {
                    long v = n[i];
                    n[i] = (v & 1) == 0 ? v >>> 1 : Math.addExact(Math.multiplyExact(3L, v), 1L) >>> 1;
                    double w = walk[i] + (random.nextBoolean() ? LOG2_THREE_HALVES : -1.0);
                    walk[i] = Math.abs(w);
                }
            }
            times[t] = t;
            java.util.Arrays.fill(counts, 0);
            double sum = 0;
            int cycle = 0;
            for (int i = 0; i < population; i++) {
                double l = log2(n[i]);
                sum += l;
                counts[Math.min(bins - 1, (int) (l / binWidth))]++;
                if (n[i] <= 2) {
                    cycle++;
                }
            }
            collatzEntropy[t] = PLUGIN.entropy(counts, bins);
            collatzMean[t] = sum / population;
            atCycle[t] = (double) cycle / population;
            java.util.Arrays.fill(counts, 0);
            sum = 0;
            for (int i = 0; i < population; i++) {
                sum += walk[i];
                counts[Math.min(bins - 1, (int) (walk[i] / binWidth))]++;
            }
            walkEntropy[t] = PLUGIN.entropy(counts, bins);
            walkMean[t] = sum / population;
        }
        return new CollatzHistory(binWidth, times, collatzEntropy, walkEntropy, collatzMean, walkMean, atCycle);
    }

    private static double log2(long v) {
        return Math.log(v) / Math.log(2);
    }
}
