package dev.coarse.rg;

import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Independent exact samples from an enumerated distribution, by inverting its cumulative distribution. */
final class ExactSamples {

    private ExactSamples() {
    }

    /** {@code count} exact samples of the zero-field Ising model at coupling K on a lattice small enough to enumerate. */
    static byte[][] ising(Lattice lattice, double couplingK, int count, long seed) {
        return draw(Enumeration.boltzmann(IsingModel.atCoupling(lattice, couplingK)), count, new SplittableRandom(seed));
    }

    static byte[][] draw(ExactDistribution distribution, int count, RandomGenerator rng) {
        double[] p = distribution.probabilities();
        double[] cumulative = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            cumulative[i] = sum;
        }
        byte[][] out = new byte[count][];
        for (int n = 0; n < count; n++) {
            double u = rng.nextDouble() * sum;
            int idx = Arrays.binarySearch(cumulative, u);
            if (idx < 0) {
                idx = -idx - 1;
            }
            out[n] = distribution.decode(Math.min(idx, p.length - 1));
        }
        return out;
    }
}
