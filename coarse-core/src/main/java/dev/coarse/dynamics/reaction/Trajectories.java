package dev.coarse.dynamics.reaction;

import java.util.List;
import java.util.Objects;

/**
 * Independent stochastic runs of a network sampled at fixed times: {@code counts[run][time][species]}, the molecule
 * counts of each species at each sample time (the state in force at that time).
 *
 * @param species        species names
 * @param times          sample times, increasing, ≥ 0
 * @param counts         counts per run, sample time and species
 * @param reactionsFired total reaction events over all runs (for tau-leaping: firings, not leaps)
 * @param seed           seed the runs were drawn with
 */
public record Trajectories(List<String> species, double[] times, long[][][] counts, long reactionsFired, long seed) {

    public Trajectories {
        species = List.copyOf(species);
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(counts, "counts");
        if (counts.length == 0) {
            throw new IllegalArgumentException("trajectories need at least one run");
        }
        for (long[][] run : counts) {
            if (run.length != times.length) {
                throw new IllegalArgumentException("every run needs one state per sample time");
            }
        }
    }

    /** Number of runs. */
    public int runs() {
        return counts.length;
    }

    /** Counts of one species at one sample time, one per run. */
    public long[] samples(int timeIndex, int speciesIndex) {
        long[] out = new long[counts.length];
        for (int run = 0; run < counts.length; run++) {
            out[run] = counts[run][timeIndex][speciesIndex];
        }
        return out;
    }

    /** Mean over runs of one species at one sample time. */
    public double mean(int timeIndex, int speciesIndex) {
        double sum = 0;
        for (long[][] run : counts) {
            sum += run[timeIndex][speciesIndex];
        }
        return sum / counts.length;
    }

    /** Standard error of {@link #mean} (runs are independent). */
    public double standardError(int timeIndex, int speciesIndex) {
        double mean = mean(timeIndex, speciesIndex);
        double sum = 0;
        for (long[][] run : counts) {
            double d = run[timeIndex][speciesIndex] - mean;
            sum += d * d;
        }
        int n = counts.length;
        return n > 1 ? Math.sqrt(sum / (n - 1) / n) : Double.NaN;
    }

    /** Evenly spaced sample times 0, t/(n−1), …, t. */
    public static double[] evenTimes(double tEnd, int points) {
        if (!(tEnd > 0) || !Double.isFinite(tEnd) || points < 2) {
            throw new IllegalArgumentException("need t_end > 0 and at least two sample points, got " + tEnd + ", "
                    + points);
        }
        double[] t = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = tEnd * i / (points - 1);
        }
        return t;
    }
}
