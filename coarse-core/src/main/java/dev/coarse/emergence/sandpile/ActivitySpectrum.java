package dev.coarse.emergence.sandpile;

import dev.coarse.stats.Estimate;
import dev.coarse.stats.Fft;
import dev.coarse.stats.Jackknife;

/**
 * The power spectrum S(f) of the activity time series (topplings per parallel step), by Welch's method: the series
 * is cut into non-overlapping segments of a power-of-two length, each mean-subtracted, Hann-windowed and transformed
 * ({@link Fft}); the periodograms are averaged. f is in cycles per parallel step, 0 &lt; f ≤ 1/2.
 *
 * <p>The exponent α of S(f) ∝ f<sup>−α</sup> is a least-squares slope of ln S against ln f over a stated frequency
 * window, with a jackknife error over segments. For the BTW sandpile driven slowly this is "1/f-like" only in a
 * loose sense: Jensen, Christensen &amp; Fogedby (Phys. Rev. B 40, 7425, 1989) found S(f) ∝ f<sup>−2</sup> for its
 * flow of grains, and Laurson, Alava &amp; Zapperi (J. Stat. Mech. L11001, 2005) tie α of the activity to the
 * avalanche exponents; the fitted α is reported, not assumed.
 *
 * @param frequencies f<sub>k</sub> = k / segment, k = 1 … segment/2
 * @param power       the averaged periodogram at those frequencies
 * @param segments    number of segments averaged
 * @param alpha       −slope of ln S versus ln f in [fitLow, fitHigh], with its jackknife error over segments
 * @param fitLow      lower end of the fit window
 * @param fitHigh     upper end of the fit window
 */
public record ActivitySpectrum(double[] frequencies, double[] power, int segments, Estimate alpha, double fitLow,
        double fitHigh) {

    public ActivitySpectrum {
        if (frequencies.length != power.length || segments < 1 || !(fitLow > 0 && fitHigh > fitLow)) {
            throw new IllegalArgumentException("inconsistent spectrum");
        }
    }

    /**
     * Welch's estimate with segments of {@code segmentLength} (a power of two ≥ 16) and α fitted on
     * [fitLow, fitHigh]; needs at least 2 segments.
     */
    public static ActivitySpectrum of(int[] activity, int segmentLength, double fitLow, double fitHigh) {
        if (segmentLength < 16 || Integer.bitCount(segmentLength) != 1) {
            throw new IllegalArgumentException("segment length must be a power of two ≥ 16, got " + segmentLength);
        }
        int segments = activity.length / segmentLength;
        if (segments < 2) {
            throw new IllegalArgumentException("need at least 2 segments of " + segmentLength + " steps, got "
                    + activity.length + " steps");
        }
        int half = segmentLength / 2;
        double[][] perSegment = new double[segments][half];
        double[] window = new double[segmentLength];
        double windowPower = 0;
        for (int i = 0; i < segmentLength; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / segmentLength);
            windowPower += window[i] * window[i];
        }
        double[] re = new double[segmentLength];
        double[] im = new double[segmentLength];
        for (int seg = 0; seg < segments; seg++) {
            double mean = 0;
            for (int i = 0; i < segmentLength; i++) {
                mean += activity[seg * segmentLength + i];
            }
            mean /= segmentLength;
            for (int i = 0; i < segmentLength; i++) {
                re[i] = (activity[seg * segmentLength + i] - mean) * window[i];
                im[i] = 0;
            }
            Fft.transform(re, im, false);
            for (int k = 1; k <= half; k++) {
                perSegment[seg][k - 1] = (re[k] * re[k] + im[k] * im[k]) / windowPower;
            }
        }
        double[] f = new double[half];
        double[] power = new double[half];
        for (int k = 1; k <= half; k++) {
            f[k - 1] = (double) k / segmentLength;
            for (double[] p : perSegment) {
                power[k - 1] += p[k - 1] / segments;
            }
        }
        double full = slope(f, power, fitLow, fitHigh);
        double[] replicas = new double[segments];
        for (int leave = 0; leave < segments; leave++) {
            double[] p = new double[half];
            for (int k = 0; k < half; k++) {
                p[k] = (power[k] * segments - perSegment[leave][k]) / (segments - 1);
            }
            replicas[leave] = slope(f, p, fitLow, fitHigh);
        }
        return new ActivitySpectrum(f, power, segments, Estimate.of(full, Jackknife.error(replicas)), fitLow, fitHigh);
    }

    /** −d ln S / d ln f by least squares over f in [lo, hi]. */
    private static double slope(double[] f, double[] s, double lo, double hi) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int k = 0; k < f.length; k++) {
            if (f[k] >= lo && f[k] <= hi && s[k] > 0) {
                double x = Math.log(f[k]);
                double y = Math.log(s[k]);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                n++;
            }
        }
        if (n < 3) {
            throw new IllegalArgumentException("fewer than 3 frequencies in the fit window [" + lo + ", " + hi + "]");
        }
        return -(n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
