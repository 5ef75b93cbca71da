package dev.coarse.stats;

/**
 * Normalised autocorrelation function and integrated autocorrelation time of stationary series.
 *
 * <p>The estimator is Sokal's (Sokal, "Monte Carlo methods in statistical mechanics", Cargèse lectures
 * 1996, §3): τ<sub>int</sub>(M) = ½ + Σ<sub>t=1</sub><sup>M</sup> ρ(t), with the window M chosen
 * automatically as the smallest M with M ≥ c·τ<sub>int</sub>(M), c = {@value #SOKAL_WINDOW_FACTOR}. This
 * keeps the bias (from the truncated tail, ~e<sup>−c</sup> for an exponential decay) and the statistical
 * error (~√(2(2M+1)/n)·τ) balanced; it is reliable once the series is much longer than τ (n ≳ 1000 τ).
 *
 * <p>Units are the spacing of the series: uncorrelated data give τ<sub>int</sub> = ½, and the variance of
 * the mean is 2τ<sub>int</sub>·σ²/n. A constant series has τ<sub>int</sub> = ½ by convention.
 *
 * <p>For several independent chains of the same process, the autocovariance at each lag is pooled over the
 * chains around the common mean (each chain contributes only pairs inside itself), which uses all the data
 * to find one τ<sub>int</sub>. Lags up to {@value #DIRECT_LAGS} are summed directly (O(n) each); beyond
 * that all lags come at once from a zero-padded FFT (Wiener–Khinchin), O(n log n), so long strongly
 * correlated series stay cheap.
 */
public final class Autocorrelation {

    /** Sokal's window factor c. */
    public static final double SOKAL_WINDOW_FACTOR = 6.0;

    /** Lags computed by direct summation before switching to the FFT. */
    static final int DIRECT_LAGS = 32;

    private Autocorrelation() {
    }

    /** ρ(t) for t = 0 … maxLag (ρ(0) = 1; all zero after lag 0 for a constant series). */
    public static double[] function(double[] series, int maxLag) {
        return function(new double[][] {series}, maxLag);
    }

    /** ρ(t) pooled over independent chains, t = 0 … maxLag (clipped to the shortest chain length − 1). */
    public static double[] function(double[][] chains, int maxLag) {
        requireData(chains);
        int lags = Math.min(maxLag, shortest(chains) - 1);
        double mean = mean(chains);
        double c0 = autocovariance(chains, mean, 0);
        double[] rho = new double[Math.max(lags, 0) + 1];
        rho[0] = 1.0;
        if (c0 == 0) {
            return rho;
        }
        double[] all = lags > DIRECT_LAGS ? autocovarianceByFft(chains, mean) : null;
        for (int t = 1; t <= lags; t++) {
            rho[t] = (all != null ? all[t] : autocovariance(chains, mean, t)) / c0;
        }
        return rho;
    }

    /** τ<sub>int</sub> of one series with Sokal's automatic window. */
    public static double integratedTime(double[] series) {
        return integratedTime(new double[][] {series});
    }

    /** τ<sub>int</sub> pooled over independent chains of the same process, Sokal's automatic window. */
    public static double integratedTime(double[][] chains) {
        requireData(chains);
        double mean = mean(chains);
        double c0 = autocovariance(chains, mean, 0);
        if (c0 == 0) {
            return 0.5;
        }
        int maxLag = shortest(chains) - 1;
        double tau = 0.5;
        double[] all = null;
        for (int t = 1; t <= maxLag; t++) {
            if (t > DIRECT_LAGS && all == null) {
                all = autocovarianceByFft(chains, mean);
            }
            tau += (all != null ? all[t] : autocovariance(chains, mean, t)) / c0;
            if (t >= SOKAL_WINDOW_FACTOR * tau) {
                break;
            }
        }
        // A strongly anticorrelated series can drive the sum below its floor; τ < ½·(1/n) is meaningless.
        return Math.max(tau, 0.5 / totalLength(chains));
    }

    /** Mean over all chains' values. */
    static double mean(double[][] chains) {
        double sum = 0;
        long n = 0;
        for (double[] c : chains) {
            for (double x : c) {
                sum += x;
            }
            n += c.length;
        }
        return sum / n;
    }

    /** Pooled autocovariance at lag t: Σ over chains of Σ_i (x_i−μ)(x_{i+t}−μ), divided by the total length. */
    private static double autocovariance(double[][] chains, double mean, int t) {
        double sum = 0;
        for (double[] c : chains) {
            for (int i = 0; i + t < c.length; i++) {
                sum += (c[i] - mean) * (c[i + t] - mean);
            }
        }
        return sum / totalLength(chains);
    }

    /**
     * The pooled autocovariance at every lag t &lt; shortest length, same normalisation as
     * {@link #autocovariance}: each chain's deviations are zero-padded to a power of two ≥ 2n, so the
     * circular correlation from |FFT|² equals the linear one.
     */
    static double[] autocovarianceByFft(double[][] chains, double mean) {
        int longest = 0;
        for (double[] c : chains) {
            longest = Math.max(longest, c.length);
        }
        int size = Integer.highestOneBit(Math.max(1, 2 * longest - 1)) << 1;
        double[] sum = new double[size];
        double[] re = new double[size];
        double[] im = new double[size];
        for (double[] c : chains) {
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            for (int i = 0; i < c.length; i++) {
                re[i] = c[i] - mean;
            }
            Fft.transform(re, im, false);
            for (int k = 0; k < size; k++) {
                re[k] = re[k] * re[k] + im[k] * im[k];
                im[k] = 0;
            }
            Fft.transform(re, im, true);
            for (int t = 0; t < size; t++) {
                sum[t] += re[t];
            }
        }
        long n = totalLength(chains);
        double[] out = new double[shortest(chains)];
        for (int t = 0; t < out.length; t++) {
            out[t] = sum[t] / n;
        }
        return out;
    }

    static long totalLength(double[][] chains) {
        long n = 0;
        for (double[] c : chains) {
            n += c.length;
        }
        return n;
    }

    private static int shortest(double[][] chains) {
        int n = Integer.MAX_VALUE;
        for (double[] c : chains) {
            n = Math.min(n, c.length);
        }
        return n;
    }

    static void requireData(double[][] chains) {
        if (chains.length == 0) {
            throw new IllegalArgumentException("no chains given");
        }
        for (double[] c : chains) {
            if (c.length < 2) {
                throw new IllegalArgumentException("each series needs at least 2 values, got " + c.length);
            }
        }
    }
}
