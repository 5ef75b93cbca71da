package dev.coarse.info;

import dev.coarse.exact.ExactDistribution;
import dev.coarse.exact.ExactSampler;
import java.util.SplittableRandom;

/** Exact iid samples for the estimator tests. */
final class IsingSamples {

    private IsingSamples() {
    }

    /** {@code count} configurations drawn exactly from the enumerated distribution. */
    static byte[][] exact(ExactDistribution d, int count, long seed) {
        return new ExactSampler(d).sample(count, new SplittableRandom(seed));
    }

    /**
     * Open 1D Ising chains of {@code length} spins at coupling K, h = 0, sampled exactly as a Markov chain:
     * s<sub>0</sub> = ±1 with ½, then s<sub>i+1</sub> = s<sub>i</sub> with probability (1 + tanh K)/2.
     */
    static byte[][] openChain(int length, double couplingK, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double same = (1 + Math.tanh(couplingK)) / 2;
        byte[][] out = new byte[count][length];
        for (int c = 0; c < count; c++) {
            out[c][0] = (byte) (rng.nextBoolean() ? 1 : -1);
            for (int i = 1; i < length; i++) {
                out[c][i] = rng.nextDouble() < same ? out[c][i - 1] : (byte) -out[c][i - 1];
            }
        }
        return out;
    }

    /** The given sites of every configuration as columns, {@code columns[j][row]} = config[row][sites[j]]. */
    static SymbolTable siteColumns(byte[][] configs, int[] sites) {
        long[][] cols = new long[sites.length][configs.length];
        double[] alphabet = new double[sites.length];
        for (int j = 0; j < sites.length; j++) {
            alphabet[j] = 2;
            for (int r = 0; r < configs.length; r++) {
                cols[j][r] = configs[r][sites[j]];
            }
        }
        return SymbolTable.ofColumns(cols, alphabet, 1);
    }

    static int[] range(int from, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
