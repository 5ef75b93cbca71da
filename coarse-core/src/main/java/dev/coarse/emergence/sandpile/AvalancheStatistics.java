package dev.coarse.emergence.sandpile;

import dev.coarse.stats.Estimate;
import dev.coarse.stats.Jackknife;
import dev.coarse.stats.MeanEstimator;
import java.util.ArrayList;
import java.util.List;

/**
 * What is measured on one {@link AvalancheSeries}: the mean number of topplings per grain (to compare with Dhar's
 * exact value), log-binned distributions, and an effective size exponent.
 *
 * <p>The size exponent is the maximum-likelihood τ of a discrete power law P(s) ∝ s<sup>−τ</sup> truncated to a window
 * [s<sub>min</sub>, s<sub>max</sub>], with a jackknife error over contiguous blocks of avalanches. It is an
 * <em>effective</em> exponent of that window: the BTW sandpile's size distribution is not a clean power law times
 * a finite-size scaling function (its moments show multiscaling, De Menech, Stella &amp; Tebaldi, Phys. Rev. E 58,
 * R2677, 1998; Tebaldi, De Menech &amp; Stella, Phys. Rev. Lett. 83, 3952, 1999), so the value drifts with the window
 * and with L.
 */
public final class AvalancheStatistics {

    /** Blocks of the jackknife over avalanches. */
    public static final int JACKKNIFE_BLOCKS = 20;

    private AvalancheStatistics() {
    }

    /** A log-binned distribution: bin centres (geometric) and probability densities per unit of the variable. */
    public record Distribution(double[] centres, double[] density) {
        public Distribution {
            if (centres.length != density.length) {
                throw new IllegalArgumentException("centres and densities differ in length");
            }
        }
    }

    /** Mean topplings per added grain, with its error from the autocorrelation of the series. */
    public static Estimate meanTopplings(AvalancheSeries series) {
        double[] s = new double[series.grains()];
        for (int i = 0; i < s.length; i++) {
            s[i] = series.sizes()[i];
        }
        return MeanEstimator.of(s);
    }

    /** The default fit window of the size exponent: [10, L²] (below the L<sup>D</sup> cutoff, D ≈ 2.7). */
    public static long[] defaultWindow(int linearSize) {
        return new long[] {10, Math.max(100L, (long) linearSize * linearSize)};
    }

    /** Effective τ of the sizes in [sMin, sMax] with a jackknife error over {@link #JACKKNIFE_BLOCKS} blocks. */
    public static Estimate sizeExponent(AvalancheSeries series, long sMin, long sMax) {
        return truncatedPowerLawExponent(series.sizes(), sMin, sMax);
    }

    /** Maximum-likelihood τ of a discrete power law on [sMin, sMax] fitted to {@code values}, jackknife error. */
    public static Estimate truncatedPowerLawExponent(long[] values, long sMin, long sMax) {
        if (sMin < 1 || sMax <= sMin) {
            throw new IllegalArgumentException("need 1 ≤ sMin < sMax, got " + sMin + ", " + sMax);
        }
        int blocks = JACKKNIFE_BLOCKS;
        double[] logSum = new double[blocks];
        long[] count = new long[blocks];
        int blockLength = values.length / blocks;
        if (blockLength < 1) {
            throw new IllegalArgumentException("need at least " + blocks + " values, got " + values.length);
        }
        for (int b = 0; b < blocks; b++) {
            for (int i = b * blockLength; i < (b + 1) * blockLength; i++) {
                long s = values[i];
                if (s >= sMin && s <= sMax) {
                    logSum[b] += Math.log(s);
                    count[b]++;
                }
            }
        }
        long totalCount = 0;
        double totalLog = 0;
        for (int b = 0; b < blocks; b++) {
            totalCount += count[b];
            totalLog += logSum[b];
        }
        if (totalCount < 10L * blocks) {
            throw new IllegalArgumentException("too few avalanches (" + totalCount + ") in the window [" + sMin + ", "
                    + sMax + "] to fit an exponent");
        }
        PowerLawWindow window = new PowerLawWindow(sMin, sMax);
        double full = window.maximumLikelihood(totalLog / totalCount);
        double[] replicas = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            replicas[b] = window.maximumLikelihood((totalLog - logSum[b]) / (totalCount - count[b]));
        }
        return Estimate.of(full, Jackknife.error(replicas));
    }

    /** The distribution of {@code values} ≥ 1 in logarithmic bins, {@code binsPerDecade} per decade. */
    public static Distribution logBinned(long[] values, int binsPerDecade) {
        if (binsPerDecade < 1) {
            throw new IllegalArgumentException("bins per decade must be ≥ 1");
        }
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        double ratio = Math.pow(10, 1.0 / binsPerDecade);
        int nBins = (int) Math.ceil(Math.log(max + 1.0) / Math.log(ratio)) + 1;
        double[] counts = new double[nBins];
        for (long v : values) {
            if (v >= 1) {
                counts[(int) Math.floor(Math.log(v) / Math.log(ratio) + 1e-12)]++;
            }
        }
        List<double[]> points = new ArrayList<>();
        for (int b = 0; b < nBins; b++) {
            if (counts[b] == 0) {
                continue;
            }
            // integers in [ratio^b, ratio^(b+1)): the bin's width in s
            long lo = (long) Math.ceil(Math.pow(ratio, b) - 1e-9);
            long hi = (long) Math.ceil(Math.pow(ratio, b + 1) - 1e-9) - 1;
            long width = Math.max(1, hi - lo + 1);
            points.add(new double[] {Math.sqrt((double) lo * Math.max(lo, hi)), counts[b] / values.length / width});
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Distribution(x, y);
    }

    /** The same for int values. */
    public static Distribution logBinned(int[] values, int binsPerDecade) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        return logBinned(v, binsPerDecade);
    }

    /** E<sub>τ</sub>[ln s] of the truncated discrete power law, and its inversion. */
    private static final class PowerLawWindow {
        private final double[] logS;

        PowerLawWindow(long sMin, long sMax) {
            if (sMax - sMin > 50_000_000L) {
                throw new IllegalArgumentException("window too wide: " + sMin + " … " + sMax);
            }
            logS = new double[(int) (sMax - sMin + 1)];
            for (int i = 0; i < logS.length; i++) {
                logS[i] = Math.log(sMin + i);
            }
        }

        /** The τ whose mean of ln s equals {@code meanLog} (bisection; E[ln s] falls as τ grows). */
        double maximumLikelihood(double meanLog) {
            double lo = -2;
            double hi = 8;
            for (int it = 0; it < 60; it++) {
                double mid = 0.5 * (lo + hi);
                if (meanLog(mid) > meanLog) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return 0.5 * (lo + hi);
        }

        private double meanLog(double tau) {
            double z = 0;
            double m = 0;
            double shift = -tau * logS[0];
            for (double l : logS) {
                double w = Math.exp(-tau * l - shift);
                z += w;
                m += w * l;
            }
            return m / z;
        }
    }
}
