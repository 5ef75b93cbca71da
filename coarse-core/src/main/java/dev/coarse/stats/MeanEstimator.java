package dev.coarse.stats;

/**
 * The mean of a correlated series with its error from the integrated autocorrelation time:
 * error = √(2τ<sub>int</sub>·σ²/n), σ² the sample variance (divided by n) and τ<sub>int</sub> from
 * {@link Autocorrelation#integratedTime} (Sokal's window).
 *
 * <p>Several independent chains of equal standing are combined by pooling: the mean is over all values,
 * σ² and τ<sub>int</sub> are pooled over the chains (see {@link Autocorrelation}), and n is the total
 * number of values. Between-chain differences (e.g. unequal thermalisation) are then not detected; use
 * {@link Binning} on each chain to check.
 */
public final class MeanEstimator {

    private MeanEstimator() {
    }

    /** Mean, error and τ<sub>int</sub> of one series (at least 2 values). */
    public static Estimate of(double[] series) {
        return of(new double[][] {series});
    }

    /** Mean, error and pooled τ<sub>int</sub> of independent chains (each at least 2 values). */
    public static Estimate of(double[][] chains) {
        Autocorrelation.requireData(chains);
        double mean = Autocorrelation.mean(chains);
        long n = Autocorrelation.totalLength(chains);
        double variance = 0;
        for (double[] c : chains) {
            for (double x : c) {
                variance += (x - mean) * (x - mean);
            }
        }
        variance /= n;
        double tau = Autocorrelation.integratedTime(chains);
        return new Estimate(mean, Math.sqrt(2.0 * tau * variance / n), tau);
    }

    /**
     * Mean and standard error √(Σ(x − x̄)²/(n − 1)/n) of independent values (at least 2), such as the results of
     * independently seeded replicas of a whole computation; τ<sub>int</sub> NaN.
     */
    public static Estimate ofIndependent(double[] values) {
        double mean = mean(values);
        return Estimate.of(mean, Math.sqrt(squaredDeviations(values, mean) / (values.length - 1) / values.length));
    }

    /** Σx/n, summed in order. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Σ(x − mean)², summed in order. */
    static double squaredDeviations(double[] values, double mean) {
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss;
    }
}
