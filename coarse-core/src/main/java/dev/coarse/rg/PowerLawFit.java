package dev.coarse.rg;

import dev.coarse.stats.Estimate;

/**
 * Weighted least-squares fit of y = A·x<sup>p</sup> on a log-log scale, e.g. χ ∝ L<sup>γ/ν</sup> (SCIENCE.md §4):
 * ln y = ln A + p ln x with σ<sub>ln y</sub> = σ<sub>y</sub>/y. Errors are the standard errors from the
 * weighted normal equations (not rescaled by χ²; compare χ²/dof to 1 to judge the model).
 *
 * @param exponent     p
 * @param logAmplitude ln A
 * @param chiSquared   Σ ((ln y − fit)/σ)²
 * @param degreesOfFreedom points − 2
 */
public record PowerLawFit(Estimate exponent, Estimate logAmplitude, double chiSquared, int degreesOfFreedom) {

    /** Fits y(x) = A x<sup>p</sup>; needs ≥ 2 points with x, y, σ &gt; 0. */
    public static PowerLawFit fit(double[] x, double[] y, double[] yErrors) {
        int n = x.length;
        if (n < 2 || y.length != n || yErrors.length != n) {
            throw new IllegalArgumentException("need at least 2 points with one y and one error each");
        }
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0 && y[i] > 0 && yErrors[i] > 0)) {
                throw new IllegalArgumentException("power-law fit needs x, y and errors > 0 (point " + i + ")");
            }
            double lx = Math.log(x[i]);
            double ly = Math.log(y[i]);
            double s = yErrors[i] / y[i];
            double w = 1 / (s * s);
            sw += w;
            sx += w * lx;
            sy += w * ly;
            sxx += w * lx * lx;
            sxy += w * lx * ly;
        }
        double det = sw * sxx - sx * sx;
        if (!(det > 0)) {
            throw new IllegalArgumentException("power-law fit needs at least two distinct x");
        }
        double p = (sw * sxy - sx * sy) / det;
        double a = (sxx * sy - sx * sxy) / det;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (Math.log(y[i]) - a - p * Math.log(x[i])) / (yErrors[i] / y[i]);
            chi2 += r * r;
        }
        return new PowerLawFit(Estimate.of(p, Math.sqrt(sw / det)), Estimate.of(a, Math.sqrt(sxx / det)), chi2, n - 2);
    }
}
