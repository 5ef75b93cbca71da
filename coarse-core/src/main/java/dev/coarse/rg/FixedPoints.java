package dev.coarse.rg;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Fixed points K* = R(K*) of a one-coupling RG map R and the thermal exponent ν = ln b / ln λ with
 * λ = dR/dK at K* (SCIENCE.md §4).
 */
public final class FixedPoints {

    /** A fixed point, the slope of the map there and ν (NaN when λ ≤ 1, i.e. not a relevant direction). */
    public record FixedPoint(double coupling, double slope, double nu) {
    }

    /** Points of the scan for the first sign change of R(K) − K. */
    private static final int SCAN_POINTS = 1000;

    private FixedPoints() {
    }

    /**
     * The smallest fixed point of {@code map} in [lo, hi]: the first sign change of R(K) − K on a scan of 1000
     * points, refined by bisection to the last representable bit, with the slope by Richardson extrapolation of
     * central differences. (A double root without a sign change is not found.)
     *
     * @param b the map's scale factor, for ν = ln b / ln λ
     * @return empty when R(K) − K does not change sign on the scan (no bracketed fixed point)
     */
    public static Optional<FixedPoint> find(DoubleUnaryOperator map, double lo, double hi, double b) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        // scan for the first sign change, so a map with several fixed points gives the smallest one
        double a = Double.NaN;
        double c = Double.NaN;
        double prevK = lo;
        double prev = map.applyAsDouble(lo) - lo;
        for (int i = 1; i <= SCAN_POINTS && Double.isNaN(a); i++) {
            double k = i == SCAN_POINTS ? hi : lo + (hi - lo) * i / SCAN_POINTS;
            double f = map.applyAsDouble(k) - k;
            if (prev == 0) {
                return Optional.of(at(map, prevK, b));
            }
            if (Math.signum(f) != Math.signum(prev)) {
                a = prevK;
                c = k;
            } else {
                prevK = k;
                prev = f;
            }
        }
        if (Double.isNaN(a)) {
            return Optional.empty();
        }
        double flo = prev;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (a + c);
            if (mid <= a || mid >= c) {
                break;
            }
            double fm = map.applyAsDouble(mid) - mid;
            if (fm == 0) {
                a = mid;
                c = mid;
                break;
            }
            if (Math.signum(fm) == Math.signum(flo)) {
                a = mid;
                flo = fm;
            } else {
                c = mid;
            }
        }
        return Optional.of(at(map, 0.5 * (a + c), b));
    }

    /** The fixed-point record at a given K*. */
    public static FixedPoint at(DoubleUnaryOperator map, double fixedPoint, double b) {
        double slope = derivative(map, fixedPoint);
        double nu = slope > 1 ? Math.log(b) / Math.log(slope) : Double.NaN;
        return new FixedPoint(fixedPoint, slope, nu);
    }

    /**
     * dR/dK by Richardson extrapolation of central differences with steps h, h/2, h/4, … (a Neville table
     * in h², error O(h^{2k})); h = 1e-2·max(1, |K|).
     */
    public static double derivative(DoubleUnaryOperator map, double k) {
        int levels = 6;
        double[][] table = new double[levels][levels];
        double h = 1e-2 * Math.max(1, Math.abs(k));
        for (int i = 0; i < levels; i++) {
            table[i][0] = (map.applyAsDouble(k + h) - map.applyAsDouble(k - h)) / (2 * h);
            double factor = 4;
            for (int j = 1; j <= i; j++) {
                table[i][j] = table[i][j - 1] + (table[i][j - 1] - table[i - 1][j - 1]) / (factor - 1);
                factor *= 4;
            }
            h /= 2;
        }
        return table[levels - 1][levels - 1];
    }

    /** The flow {K, R(K)} on a uniform grid of {@code points} ≥ 2 couplings from lo to hi. */
    public static double[][] flow(DoubleUnaryOperator map, double lo, double hi, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a flow needs at least 2 grid points, got " + points);
        }
        double[][] out = new double[points][];
        for (int i = 0; i < points; i++) {
            double k = lo + (hi - lo) * i / (points - 1);
            out[i] = new double[] {k, map.applyAsDouble(k)};
        }
        return out;
    }
}
