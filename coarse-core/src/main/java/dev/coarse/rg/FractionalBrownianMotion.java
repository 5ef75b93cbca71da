package dev.coarse.rg;

import dev.coarse.stats.Estimate;
import dev.coarse.stats.Fft;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Fractional Brownian motion B<sub>h</sub> with Hurst exponent h ∈ (0, 1): Gaussian, B(0) = 0, stationary
 * increments and self-similar, B(σt) ≅ σ<sup>h</sup>B(t) (the scale transform of the lecture seed,
 * SCIENCE.md §4). Its unit-step increments (fractional Gaussian noise) have autocovariance
 * γ(k) = ½(|k+1|<sup>2h</sup> − 2|k|<sup>2h</sup> + |k−1|<sup>2h</sup>).
 *
 * <p>Synthesis is exact by circulant embedding (Davies &amp; Harte 1987; Wood &amp; Chan 1994): the first row
 * c = (γ(0), …, γ(n), γ(n−1), …, γ(1)) of a 2n×2n circulant has eigenvalues λ = FFT(c) ≥ 0 for fGn; with
 * ξ<sub>k</sub> iid standard complex Gaussians (E|ξ|² = 1), Y = FFT(√(λ/2n)·ξ) has E[Y Y*ᵀ] = circulant and
 * E[Y Yᵀ] = 0, so √2·Re Y and √2·Im Y are two independent exact fGn samples; each call uses one of them.
 */
public final class FractionalBrownianMotion {

    private final double hurst;

    public FractionalBrownianMotion(double hurst) {
        if (!(hurst > 0 && hurst < 1)) {
            throw new IllegalArgumentException("Hurst exponent h must lie in (0, 1), got " + hurst);
        }
        this.hurst = hurst;
    }

    public double hurst() {
        return hurst;
    }

    /** γ(k), the covariance of increments k steps apart. */
    public double incrementCovariance(int k) {
        double h2 = 2 * hurst;
        double a = Math.abs(k);
        return 0.5 * (Math.pow(a + 1, h2) - 2 * Math.pow(a, h2) + Math.pow(Math.abs(a - 1), h2));
    }

    /**
     * n unit-step increments (fractional Gaussian noise), exact. n must be a power of two ≥ 2.
     *
     * @throws IllegalStateException if a circulant eigenvalue is negative beyond rounding (does not happen for
     *                               fGn, whose embedding is known to be non-negative definite)
     */
    public double[] increments(int n, RandomGenerator rng) {
        if (n < 2 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("number of increments must be a power of two ≥ 2, got " + n);
        }
        int m = 2 * n;
        double[] re = new double[m];
        double[] im = new double[m];
        for (int k = 0; k <= n; k++) {
            re[k] = incrementCovariance(k);
        }
        for (int k = n + 1; k < m; k++) {
            re[k] = re[m - k];
        }
        Fft.transform(re, im, false);
        double[] yr = new double[m];
        double[] yi = new double[m];
        for (int k = 0; k < m; k++) {
            double lambda = re[k];
            if (lambda < -1e-9 * m) {
                throw new IllegalStateException("circulant embedding has a negative eigenvalue " + lambda);
            }
            double scale = Math.sqrt(Math.max(lambda, 0) / (2.0 * m));
            yr[k] = scale * rng.nextGaussian();
            yi[k] = scale * rng.nextGaussian();
        }
        Fft.transform(yr, yi, false);
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = Math.sqrt(2) * yr[j];
        }
        return out;
    }

    /**
     * {@code count} independent series of n increments each, series s drawn with the s-th
     * {@link SplittableRandom#split() split} of one generator seeded with {@code seed}: one seed names the whole
     * data set, so an estimate from it can be reproduced.
     *
     * @throws IllegalArgumentException if {@code count} &lt; 1 or n is not a power of two ≥ 2
     */
    public double[][] incrementSeries(int count, int n, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("number of series must be at least 1, got " + count);
        }
        SplittableRandom root = new SplittableRandom(seed);
        double[][] series = new double[count][];
        for (int s = 0; s < count; s++) {
            series[s] = increments(n, root.split());
        }
        return series;
    }

    /** The path B(0) = 0, B(1), …, B(n): n + 1 values, the cumulative sums of {@link #increments}. */
    public double[] path(int n, RandomGenerator rng) {
        double[] inc = increments(n, rng);
        double[] b = new double[n + 1];
        for (int j = 0; j < n; j++) {
            b[j + 1] = b[j] + inc[j];
        }
        return b;
    }

    /**
     * Hurst exponent from how block sums of increments scale.
     *
     * @param hurst      the estimate with a jackknife error over series
     * @param blockSizes m = 1, 2, 4, …
     * @param variances  V(m) = ⟨(Σ of m consecutive increments)²⟩ over non-overlapping blocks of all series
     */
    public record HurstEstimate(Estimate hurst, int[] blockSizes, double[] variances) {
    }

    /**
     * Estimates h from increment series: V(m) = E[(Σ<sub>j&lt;m</sub> x<sub>j</sub>)²] = m<sup>2h</sup> for fGn
     * (the mean is known to be zero, so no mean is subtracted and V has no bias), fitted by least squares of
     * ln V against ln m over m = 1, 2, 4, …, {@code maxBlock}; slope = 2h. Equivalently, the block average of m
     * increments has variance m<sup>2h−2</sup>. Error: jackknife leaving out one series (needs ≥ 2 series).
     */
    public static HurstEstimate estimateHurst(double[][] incrementSeries, int maxBlock) {
        int series = incrementSeries.length;
        if (series < 2) {
            throw new IllegalArgumentException("need at least 2 series for a jackknife error, got " + series);
        }
        int n = incrementSeries[0].length;
        if (maxBlock < 2 || maxBlock > n / 2) {
            throw new IllegalArgumentException("maxBlock must lie in [2, n/2 = " + n / 2 + "], got " + maxBlock);
        }
        int levels = 31 - Integer.numberOfLeadingZeros(maxBlock) + 1;
        int[] sizes = new int[levels];
        double[][] sums = new double[series][levels];
        long[][] counts = new long[series][levels];
        for (int l = 0; l < levels; l++) {
            sizes[l] = 1 << l;
        }
        for (int s = 0; s < series; s++) {
            double[] x = incrementSeries[s];
            if (x.length != n) {
                throw new IllegalArgumentException("all series must have the same length " + n);
            }
            for (int l = 0; l < levels; l++) {
                int m = sizes[l];
                for (int start = 0; start + m <= n; start += m) {
                    double sum = 0;
                    for (int j = start; j < start + m; j++) {
                        sum += x[j];
                    }
                    sums[s][l] += sum * sum;
                    counts[s][l]++;
                }
            }
        }
        double[] variances = pooledVariances(sums, counts, -1);
        double h = slope(sizes, variances) / 2;
        double[] replicas = new double[series];
        for (int s = 0; s < series; s++) {
            replicas[s] = slope(sizes, pooledVariances(sums, counts, s)) / 2;
        }
        return new HurstEstimate(Estimate.of(h, Mcrg.jackknifeError(replicas)), sizes, variances);
    }

    private static double[] pooledVariances(double[][] sums, long[][] counts, int leaveOut) {
        int levels = sums[0].length;
        double[] v = new double[levels];
        for (int l = 0; l < levels; l++) {
            double total = 0;
            long count = 0;
            for (int s = 0; s < sums.length; s++) {
                if (s != leaveOut) {
                    total += sums[s][l];
                    count += counts[s][l];
                }
            }
            v[l] = total / count;
        }
        return v;
    }

    /** Least-squares slope of ln v against ln m. */
    private static double slope(int[] m, double[] v) {
        int k = m.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            mx += Math.log(m[i]);
            my += Math.log(v[i]);
        }
        mx /= k;
        my /= k;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            double dx = Math.log(m[i]) - mx;
            sxy += dx * (Math.log(v[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
