package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KlRateTest {

    @Test
    void orderOneUpperBoundIsTheInformationLoss() {
        LumpingTest.Planted noisy = LumpingTest.planted(3, 4, 5, 0.3);
        double[] pi = ChainAnalysis.stationary(noisy.chain());
        KlRate one = KlRate.bounds(noisy.chain(), pi, noisy.planted(), 1);
        assertThat(one.lower()).isZero();
        assertThat(one.upper()).isCloseTo(Lumping.informationLoss(noisy.chain(), pi, noisy.planted()), within(1e-13));
        assertThat(one.upper()).isGreaterThan(1e-3);
    }

    @Test
    void bothBoundsAreTheBruteForceEntropiesOfBlockWords() {
        // 6 states in 2 blocks, all transitions positive: brute force over all 6^(m+1) state paths
        SplittableRandom rng = new SplittableRandom(31);
        int n = 6;
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                p[i][j] = 0.05 + rng.nextDouble();
                s += p[i][j];
            }
            for (int j = 0; j < n; j++) {
                p[i][j] /= s;
            }
        }
        MarkovChain chain = MarkovChain.ofTransitions(p);
        double[] pi = ChainAnalysis.stationary(chain);
        int[] block = {0, 1, 1, 0, 1, 0};
        Partition phi = new Partition(block);
        for (int m = 1; m <= 4; m++) {
            KlRate bounds = KlRate.bounds(chain, pi, phi, m);
            double h21 = wordEntropy(p, pi, block, 2, false) - wordEntropy(p, pi, block, 1, false);
            double lower = h21 - (wordEntropy(p, pi, block, m + 1, false) - wordEntropy(p, pi, block, m, false));
            double upper = h21 - (wordEntropy(p, pi, block, m + 1, true) - wordEntropy(p, pi, block, m, true));
            assertThat(bounds.lower()).as("lower, m = %d", m).isCloseTo(Math.max(0, lower), within(1e-13));
            assertThat(bounds.upper()).as("upper, m = %d", m).isCloseTo(upper, within(1e-13));
        }
    }

    /**
     * Brute force: H(Y_1 … Y_t) (or, given X_1, H(Y_2 … Y_t | X_1)) summing the probability of every state path
     * x_1 … x_t into its block word.
     */
    private static double wordEntropy(double[][] p, double[] pi, int[] block, int t, boolean givenFirstState) {
        int n = p.length;
        double entropy = 0;
        for (int x1 = 0; x1 < n; x1++) {
            java.util.Map<String, Double> words = new java.util.HashMap<>();
            int paths = (int) Math.pow(n, t - 1);
            for (int code = 0; code < paths; code++) {
                double prob = givenFirstState ? 1 : pi[x1];
                StringBuilder word = new StringBuilder(givenFirstState ? "" : String.valueOf(block[x1]));
                int previous = x1;
                int c = code;
                for (int step = 1; step < t; step++) {
                    int next = c % n;
                    c /= n;
                    prob *= p[previous][next];
                    word.append(block[next]);
                    previous = next;
                }
                words.merge(word.toString(), prob, Double::sum);
            }
            if (givenFirstState) {
                for (double q : words.values()) {
                    entropy -= pi[x1] * q * Math.log(q);
                }
            } else {
                for (var e : words.entrySet()) {
                    allWords.merge(e.getKey(), e.getValue(), Double::sum);
                }
            }
        }
        if (!givenFirstState) {
            for (double q : allWords.values()) {
                entropy -= q * Math.log(q);
            }
            allWords.clear();
        }
        return entropy;
    }

    private static final java.util.Map<String, Double> allWords = new java.util.HashMap<>();

    @Test
    void aStronglyLumpablePartitionLosesNothingAtAnyOrder() {
        LumpingTest.Planted planted = LumpingTest.planted(3, 5, 7, 0);
        double[] pi = ChainAnalysis.stationary(planted.chain());
        KlRate bounds = KlRate.bounds(planted.chain(), pi, planted.planted());
        assertThat(bounds.order()).isGreaterThan(3);
        // zero up to the rounding of entropies of ~13 nats summed over 3^12 words
        assertThat(bounds.lower()).isCloseTo(0, within(1e-10));
        assertThat(bounds.upper()).isCloseTo(0, within(1e-10));
        KlRate low = KlRate.bounds(planted.chain(), pi, planted.planted(), 3);
        assertThat(low.lower()).isCloseTo(0, within(1e-13));
        assertThat(low.upper()).isCloseTo(0, within(1e-13));
    }

    @Test
    void theReversalOfALumpableChainIsMarkovWhenLumpedThoughItsLossIsNot() {
        // A is strongly lumpable; its time reversal P_ij = π_j A_ji / π_i is (in general) not, but the lumped process of
        // P is the time reversal of A's Markov lumped process, hence Markov: its KL rate to Q is exactly 0. L(φ) only
        // bounds it from above; the bracket closes on 0 as the order grows.
        LumpingTest.Planted planted = LumpingTest.planted(2, 4, 11, 0);
        MarkovChain a = planted.chain();
        double[] pi = ChainAnalysis.stationary(a);
        int n = a.size();
        double[][] reversed = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                reversed[i][j] = pi[j] * a.transition(j, i) / pi[i];
            }
        }
        MarkovChain p = MarkovChain.ofTransitions(reversed);
        Partition phi = planted.planted();
        double loss = Lumping.informationLoss(p, pi, phi);
        assertThat(loss).isGreaterThan(1e-3);
        double previousUpper = Double.POSITIVE_INFINITY;
        for (int m = 1; m <= 8; m++) {
            KlRate bounds = KlRate.bounds(p, pi, phi, m);
            assertThat(bounds.lower()).as("lower, m = %d", m).isCloseTo(0, within(1e-12));
            assertThat(bounds.upper()).as("upper falls with m").isLessThanOrEqualTo(previousUpper + 1e-15);
            previousUpper = bounds.upper();
        }
        assertThat(previousUpper).isLessThan(loss / 100);
    }
}
