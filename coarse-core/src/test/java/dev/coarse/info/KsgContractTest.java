package dev.coarse.info;

import dev.coarse.stats.Estimate;
import java.util.SplittableRandom;

/** KSG on 2+2-dimensional Gaussians; "relabelling" is a permutation of the samples plus swapping X and Y. */
class KsgContractTest extends InformationEstimatorContract {

    static final double RHO = 0.6;
    static final int SAMPLES = 4000;
    private static final KsgEstimator KSG = new KsgEstimator(4);

    /** N samples of (X, Y), X and Y 2-dimensional, corr(X_a, Y_a) = rho, everything else independent. */
    static double[][][] gaussianPairs(long seed, int n, int dims, double rho) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][dims];
        double[][] y = new double[n][dims];
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dims; a++) {
                x[i][a] = rng.nextGaussian();
                y[i][a] = rho * x[i][a] + s * rng.nextGaussian();
            }
        }
        return new double[][][] {x, y};
    }

    @Override
    protected Estimate independent(long seed) {
        double[][][] d = gaussianPairs(seed, SAMPLES, 2, 0.0);
        return KSG.mutualInformation(d[0], d[1]);
    }

    @Override
    protected Estimate known(long seed) {
        double[][][] d = gaussianPairs(seed, SAMPLES, 2, RHO);
        return KSG.mutualInformation(d[0], d[1]);
    }

    @Override
    protected double knownValue() {
        return GaussianInformation.correlatedPairs(2, RHO);
    }

    @Override
    protected Estimate knownRelabelled(long seed) {
        double[][][] d = gaussianPairs(seed, SAMPLES, 2, RHO);
        SplittableRandom rng = new SplittableRandom(99);
        int n = d[0].length;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double[] tx = d[0][i];
            d[0][i] = d[0][j];
            d[0][j] = tx;
            double[] ty = d[1][i];
            d[1][i] = d[1][j];
            d[1][j] = ty;
        }
        return KSG.mutualInformation(d[1], d[0]);
    }
}
