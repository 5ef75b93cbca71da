package dev.coarse.learn.mi;

import java.util.SplittableRandom;

/**
 * Joint samples of X, Y ∈ ℝ<sup>d</sup> with independent standard normal components and corr(X<sub>a</sub>,
 * Y<sub>b</sub>) = ρ δ<sub>ab</sub>: I(X;Y) = −(d/2) ln(1 − ρ²) ({@link dev.coarse.info.GaussianInformation}).
 *
 * @param x N×d
 * @param y N×d, y = ρx + √(1−ρ²) ε
 */
record GaussianSamples(double[][] x, double[][] y) {

    static GaussianSamples draw(int n, int d, double rho, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double noise = Math.sqrt(1 - rho * rho);
        double[][] x = new double[n][d];
        double[][] y = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                x[i][a] = random.nextGaussian();
                y[i][a] = rho * x[i][a] + noise * random.nextGaussian();
            }
        }
        return new GaussianSamples(x, y);
    }
}
