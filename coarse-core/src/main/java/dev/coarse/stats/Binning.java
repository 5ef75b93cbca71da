package dev.coarse.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The binning (blocking) analysis of a correlated series: the naive standard error of the means of bins of
 * growing size b. For b ≫ τ<sub>int</sub> the bin means are independent and the error reaches a plateau,
 * the true error of the mean; then τ<sub>int</sub> ≈ ½(error(b)/error(1))². A missing plateau means the
 * series is too short.
 */
public final class Binning {

    /** One binning level: bins of {@code binSize} values, {@code binCount} of them, and the error of the mean. */
    public record Level(int binSize, int binCount, double error) {
    }

    private Binning() {
    }

    /**
     * The standard error of the mean computed from bins of {@code binSize} consecutive values (the
     * incomplete last bin is dropped): √(var(bin means)/(B−1)), B ≥ 2 bins.
     */
    public static double errorAt(double[] series, int binSize) {
        if (binSize < 1) {
            throw new IllegalArgumentException("bin size must be >= 1, got " + binSize);
        }
        int bins = series.length / binSize;
        if (bins < 2) {
            throw new IllegalArgumentException("bin size " + binSize + " leaves fewer than 2 bins of a series of "
                    + series.length);
        }
        double[] means = new double[bins];
        double total = 0;
        for (int b = 0; b < bins; b++) {
            double sum = 0;
            for (int i = b * binSize; i < (b + 1) * binSize; i++) {
                sum += series[i];
            }
            means[b] = sum / binSize;
            total += means[b];
        }
        double mean = total / bins;
        double ss = 0;
        for (double m : means) {
            ss += (m - mean) * (m - mean);
        }
        return Math.sqrt(ss / ((double) bins * (bins - 1)));
    }

    /** Error versus bin size for b = 1, 2, 4, … while at least {@code minBins} bins remain (minBins ≥ 2). */
    public static List<Level> levels(double[] series, int minBins) {
        if (minBins < 2) {
            throw new IllegalArgumentException("need at least 2 bins, got " + minBins);
        }
        List<Level> levels = new ArrayList<>();
        for (int b = 1; series.length / b >= minBins; b *= 2) {
            levels.add(new Level(b, series.length / b, errorAt(series, b)));
        }
        return levels;
    }
}
