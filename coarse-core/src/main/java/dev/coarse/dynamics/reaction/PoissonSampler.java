package dev.coarse.dynamics.reaction;

import dev.coarse.stats.Gamma;
import java.util.random.RandomGenerator;

/**
 * Poisson variates for tau-leaping: inversion by sequential search for small means, Hörmann's (1993) transformed
 * rejection with squeeze (PTRS) for means ≥ 10.
 */
final class PoissonSampler {

    private PoissonSampler() {
    }

    static long sample(double mean, RandomGenerator random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 10) {
            double p = Math.exp(-mean);
            double cumulative = p;
            double u = random.nextDouble();
            long k = 0;
            while (u > cumulative && k < 1000) {
                k++;
                p *= mean / k;
                cumulative += p;
            }
            return k;
        }
        // Hörmann, "The transformed rejection method for generating Poisson random variables" (1993), algorithm PTRS.
        double slam = Math.sqrt(mean);
        double logLam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * logLam - Gamma.lnGamma(k + 1.0)) {
                return k;
            }
        }
    }
}
