package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import dev.coarse.learn.engine.Scalars;

/** The factorised prior of the latents, unit scale per variable. */
public enum Prior {
    /** p(z) = ½ e<sup>−|z|</sup> per variable: sparse, as RG-Flow uses (Hu et al. 2020). */
    LAPLACE,
    /** p(z) = e<sup>−z²/2</sup>/√(2π) per variable. */
    GAUSSIAN;

    private static final double LN2 = Math.log(2);
    private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

    /** ln p(z) per sample: z of shape (B, …) → (B), summed over every variable of a sample. */
    public NDArray logDensity(NDArray z) {
        long batch = z.getShape().get(0);
        NDArray rows = z.reshape(batch, -1);
        long d = rows.getShape().get(1);
        if (this == LAPLACE) {
            return Scalars.sub(rows.abs().sum(new int[] {1}).neg(), d * LN2);
        }
        return Scalars.sub(Scalars.mul(rows.square().sum(new int[] {1}), -0.5), d * HALF_LN_2PI);
    }

    /** ln p(z) of one variable. */
    public double logDensity(double z) {
        return this == LAPLACE ? -Math.abs(z) - LN2 : -0.5 * z * z - HALF_LN_2PI;
    }

    /** One draw at {@code temperature} (the scale; 1 is the prior itself). */
    public double draw(SplittableRandom random, double temperature) {
        if (this == LAPLACE) {
            double u = random.nextDouble() - 0.5;
            return -temperature * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
        }
        return temperature * gaussian(random);
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The variance of one variable: 2 (Laplace) or 1. */
    public double variance() {
        return this == LAPLACE ? 2 : 1;
    }
}
