package dev.coarse.info;

import org.ejml.simple.SimpleMatrix;

/** Closed-form mutual information of jointly Gaussian variables: the reference for KSG. */
public final class GaussianInformation {

    private GaussianInformation() {
    }

    /**
     * I(X;Y) = −½ ln det(I − Σ<sub>XX</sub>⁻¹ Σ<sub>XY</sub> Σ<sub>YY</sub>⁻¹ Σ<sub>YX</sub>) in nats, for the
     * coordinates {@code x} and {@code y} of a Gaussian with covariance {@code covariance} (not modified).
     */
    public static double mutualInformation(double[][] covariance, int[] x, int[] y) {
        SimpleMatrix sigma = new SimpleMatrix(covariance);
        SimpleMatrix sxx = sub(sigma, x, x);
        SimpleMatrix syy = sub(sigma, y, y);
        SimpleMatrix sxy = sub(sigma, x, y);
        SimpleMatrix product = sxx.solve(sxy).mult(syy.solve(sxy.transpose()));
        SimpleMatrix m = SimpleMatrix.identity(x.length).minus(product);
        return -0.5 * Math.log(m.determinant());
    }

    /** d independent pairs each with correlation ρ: d · (−½ ln(1 − ρ²)). */
    public static double correlatedPairs(int pairs, double rho) {
        return -0.5 * pairs * Math.log1p(-rho * rho);
    }

    private static SimpleMatrix sub(SimpleMatrix m, int[] rows, int[] cols) {
        SimpleMatrix out = new SimpleMatrix(rows.length, cols.length);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                out.set(i, j, m.get(rows[i], cols[j]));
            }
        }
        return out;
    }
}
