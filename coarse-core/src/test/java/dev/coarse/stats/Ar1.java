package dev.coarse.stats;

import java.util.SplittableRandom;

/**
 * A stationary AR(1) process x<sub>t</sub> = φx<sub>t−1</sub> + ε<sub>t</sub>, ε ~ N(0, 1): variance
 * 1/(1 − φ²), ρ(t) = φ<sup>|t|</sup>, τ<sub>int</sub> = (1 + φ)/(2(1 − φ)).
 */
final class Ar1 {

    private Ar1() {
    }

    static double tauInt(double phi) {
        return (1 + phi) / (2 * (1 - phi));
    }

    static double variance(double phi) {
        return 1 / (1 - phi * phi);
    }

    /** n values started from the stationary distribution. */
    static double[] series(double phi, int n, SplittableRandom rng) {
        double[] x = new double[n];
        double prev = rng.nextGaussian() * Math.sqrt(variance(phi));
        for (int i = 0; i < n; i++) {
            prev = phi * prev + rng.nextGaussian();
            x[i] = prev;
        }
        return x;
    }
}
