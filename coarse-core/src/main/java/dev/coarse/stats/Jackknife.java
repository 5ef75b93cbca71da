package dev.coarse.stats;

/**
 * Jackknife errors of quantities derived from the means of several series measured together, such as the
 * Binder cumulant 1 − ⟨m⁴⟩/(3⟨m²⟩²) or the specific heat N(⟨e²⟩ − ⟨e⟩²)/T².
 *
 * <p>The series are cut into B blocks of {@code blockLength} consecutive values (incomplete trailing
 * values dropped). With f<sub>(j)</sub> the quantity evaluated on the means leaving out block j and
 * f̄ their average, the estimate is the bias-corrected B·f(all) − (B−1)·f̄ and the error is
 * √((B−1)/B · Σ<sub>j</sub>(f<sub>(j)</sub> − f̄)²) (Efron &amp; Stein; e.g. Young, "Everything you
 * wanted to know about data analysis and fitting", §4). Blocks must be several τ<sub>int</sub> long so
 * block means are nearly independent. Several chains: concatenate them after truncating each to a
 * multiple of the block length, so no block straddles two chains ({@link #concatenateBlocks}).
 */
public final class Jackknife {

    /** A quantity computed from the means of the series, in the order they were given. */
    @FunctionalInterface
    public interface Derived {
        double apply(double[] means);
    }

    private Jackknife() {
    }

    /**
     * The jackknife estimate of {@code f}. τ<sub>int</sub> of the result is NaN (blocks are treated as
     * independent).
     *
     * @param series      series[k] is the k-th measured series; all of the same length
     * @param blockLength values per block, at least 1; at least 2 blocks must fit
     */
    public static Estimate estimate(double[][] series, int blockLength, Derived f) {
        if (series.length == 0) {
            throw new IllegalArgumentException("no series given");
        }
        int n = series[0].length;
        for (double[] s : series) {
            if (s.length != n) {
                throw new IllegalArgumentException("series lengths differ: " + n + " and " + s.length);
            }
        }
        if (blockLength < 1) {
            throw new IllegalArgumentException("block length must be >= 1, got " + blockLength);
        }
        int blocks = n / blockLength;
        if (blocks < 2) {
            throw new IllegalArgumentException("block length " + blockLength + " leaves fewer than 2 blocks of "
                    + n + " values");
        }
        int k = series.length;
        double[][] blockSums = new double[k][blocks];
        double[] totals = new double[k];
        for (int q = 0; q < k; q++) {
            for (int b = 0; b < blocks; b++) {
                double sum = 0;
                for (int i = b * blockLength; i < (b + 1) * blockLength; i++) {
                    sum += series[q][i];
                }
                blockSums[q][b] = sum;
                totals[q] += sum;
            }
        }
        int used = blocks * blockLength;
        double[] means = new double[k];
        for (int q = 0; q < k; q++) {
            means[q] = totals[q] / used;
        }
        double full = f.apply(means.clone());
        double[] leaveOut = new double[blocks];
        double average = 0;
        for (int b = 0; b < blocks; b++) {
            for (int q = 0; q < k; q++) {
                means[q] = (totals[q] - blockSums[q][b]) / (used - blockLength);
            }
            leaveOut[b] = f.apply(means.clone());
            average += leaveOut[b];
        }
        average /= blocks;
        double ss = 0;
        for (double v : leaveOut) {
            ss += (v - average) * (v - average);
        }
        double error = Math.sqrt((blocks - 1.0) / blocks * ss);
        double corrected = blocks * full - (blocks - 1.0) * average;
        return new Estimate(corrected, Double.isNaN(error) ? Double.NaN : error, Double.NaN);
    }

    /**
     * The jackknife error √(Σ(θ<sub>k</sub> − θ̄)²·(B − 1)/B) of B leave-one-out replicas θ<sub>k</sub> of a quantity
     * (computed by the caller, e.g. an eigenvalue on all bins but one); NaN if a replica is NaN.
     */
    public static double error(double[] replicas) {
        int b = replicas.length;
        return Math.sqrt(MeanEstimator.squaredDeviations(replicas, MeanEstimator.mean(replicas)) * (b - 1.0) / b);
    }

    /**
     * Concatenates chains (chains[c] = one chain's series) after truncating each to a multiple of
     * {@code blockLength}, so that blocks of that length never straddle two chains.
     */
    public static double[] concatenateBlocks(double[][] chains, int blockLength) {
        int total = 0;
        for (double[] c : chains) {
            total += c.length / blockLength * blockLength;
        }
        double[] out = new double[total];
        int at = 0;
        for (double[] c : chains) {
            int keep = c.length / blockLength * blockLength;
            System.arraycopy(c, 0, out, at, keep);
            at += keep;
        }
        return out;
    }
}
