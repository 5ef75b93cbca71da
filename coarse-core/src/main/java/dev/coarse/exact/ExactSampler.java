package dev.coarse.exact;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Independent samples drawn exactly from an {@link ExactDistribution}: a uniform number is located in the
 * cumulative probabilities by binary search. The reference "perfect sampler" for testing estimators
 * without Markov-chain autocorrelation.
 */
public final class ExactSampler {

    private final ExactDistribution distribution;
    private final double[] cumulative;

    public ExactSampler(ExactDistribution distribution) {
        this.distribution = distribution;
        double[] p = distribution.probabilities();
        cumulative = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            cumulative[i] = sum;
        }
    }

    /** One configuration code. */
    public int sampleCode(RandomGenerator rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        int idx = i >= 0 ? i + 1 : -i - 1;
        // skip zero-probability codes that share the cumulative value, and guard the top end
        return Math.min(idx, cumulative.length - 1);
    }

    /** {@code count} independent configurations (fresh arrays). */
    public byte[][] sample(int count, RandomGenerator rng) {
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = distribution.decode(sampleCode(rng));
        }
        return out;
    }
}
