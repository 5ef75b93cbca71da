package dev.coarse.rg;

import java.util.function.DoubleUnaryOperator;

/**
 * Weighted least-squares polynomial y ≈ Σ<sub>k≤d</sub> c<sub>k</sub> u<sup>k</sup> in the scaled variable
 * u = (x − x<sub>mid</sub>)/x<sub>half</sub> ∈ [−1, 1] (scaling keeps the normal equations well conditioned), used to
 * smooth noisy Monte Carlo curves over a narrow window before locating crossings and fixed points: a low-order
 * fit through n points averages the noise of all of them, where an interpolating cubic follows every point's noise.
 */
public final class PolynomialFit implements DoubleUnaryOperator {

    private final double mid;
    private final double half;
    private final double[] coefficients;

    private PolynomialFit(double mid, double half, double[] coefficients) {
        this.mid = mid;
        this.half = half;
        this.coefficients = coefficients;
    }

    /**
     * Fits degree {@code degree} with weights 1/σ²; needs more points than coefficients and distinct x. Errors that
     * are zero get the smallest positive error of the others (or 1 if all are zero).
     */
    public static PolynomialFit fit(double[] x, double[] y, double[] sigma, int degree) {
        int n = x.length;
        int m = degree + 1;
        if (n < m) {
            throw new IllegalArgumentException("a degree-" + degree + " fit needs at least " + m + " points, got " + n);
        }
        double lo = x[0];
        double hi = x[0];
        double minSigma = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
            if (sigma[i] > 0) {
                minSigma = Math.min(minSigma, sigma[i]);
            }
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("a polynomial fit needs distinct x");
        }
        if (Double.isInfinite(minSigma)) {
            minSigma = 1;
        }
        double mid = 0.5 * (lo + hi);
        double half = 0.5 * (hi - lo);
        double[][] a = new double[m][m + 1];
        double[] pow = new double[m];
        for (int i = 0; i < n; i++) {
            double u = (x[i] - mid) / half;
            double s = sigma[i] > 0 ? sigma[i] : minSigma;
            double w = 1 / (s * s);
            pow[0] = 1;
            for (int k = 1; k < m; k++) {
                pow[k] = pow[k - 1] * u;
            }
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    a[r][c] += w * pow[r] * pow[c];
                }
                a[r][m] += w * pow[r] * y[i];
            }
        }
        return new PolynomialFit(mid, half, solve(a));
    }

    /** Gaussian elimination with partial pivoting of the augmented system {@code a} (modified). */
    private static double[] solve(double[][] a) {
        int m = a.length;
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            if (a[col][col] == 0) {
                throw new IllegalArgumentException("singular polynomial fit (too few distinct points)");
            }
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= m; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] out = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int c = r + 1; c < m; c++) {
                s -= a[r][c] * out[c];
            }
            out[r] = s / a[r][r];
        }
        return out;
    }

    @Override
    public double applyAsDouble(double x) {
        double u = (x - mid) / half;
        double s = 0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            s = s * u + coefficients[k];
        }
        return s;
    }

    /** The derivative dy/dx. */
    double derivative(double x) {
        double u = (x - mid) / half;
        double s = 0;
        for (int k = coefficients.length - 1; k >= 1; k--) {
            s = s * u + k * coefficients[k];
        }
        return s / half;
    }
}
