package dev.coarse.stats;

/**
 * A measured number with its one-standard-deviation error and the integrated autocorrelation time of the
 * series it came from (in units of the measurement interval; 0.5 for uncorrelated data, NaN when it does
 * not apply, e.g. for an exact value or a jackknife over independent bins).
 */
public record Estimate(double mean, double error, double tauInt) {

    public Estimate {
        if (error < 0) {
            throw new IllegalArgumentException("error must be non-negative, got " + error);
        }
    }

    /** An estimate with no autocorrelation time. */
    public static Estimate of(double mean, double error) {
        return new Estimate(mean, error, Double.NaN);
    }

    /** An exact value: zero error. */
    public static Estimate exact(double value) {
        return new Estimate(value, 0.0, Double.NaN);
    }

    /** How many error bars this estimate is from {@code value} (infinite if the error is zero and they differ). */
    public double sigmasFrom(double value) {
        double diff = Math.abs(mean - value);
        return diff == 0 ? 0 : diff / error;
    }

    @Override
    public String toString() {
        return mean + " ± " + error;
    }
}
