package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sparse analysis against the dense one ({@link ChainAnalysis}, {@link Lumping}) on the same chains. */
class SparseChainAnalysisTest {

    /** A random chain on n states, each row with 4 random targets plus the next state (so it is irreducible). */
    private static SparseMarkovChain randomSparse(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] rows = new int[5 * n];
        int[] cols = new int[5 * n];
        double[] vals = new double[5 * n];
        for (int i = 0; i < n; i++) {
            double[] w = new double[5];
            double s = 0;
            for (int t = 0; t < 5; t++) {
                w[t] = 0.05 + rng.nextDouble();
                s += w[t];
            }
            for (int t = 0; t < 5; t++) {
                rows[5 * i + t] = i;
                cols[5 * i + t] = t == 0 ? (i + 1) % n : rng.nextInt(n);
                vals[5 * i + t] = w[t] / s;
            }
        }
        return SparseMarkovChain.ofTriplets(n, rows, cols, vals);
    }

    @Test
    void stationaryEntropyRateAndPredictiveInformationAgreeWithTheDenseAnalysis() {
        SparseMarkovChain sparse = randomSparse(60, 1);
        MarkovChain dense = sparse.toDense();
        assertThat(SparseChainAnalysis.reducibilityWitness(sparse)).isNull();
        SparseChainAnalysis.Stationary s = SparseChainAnalysis.stationary(sparse, SparseChainAnalysis.MAX_ITERATIONS);
        assertThat(s.converged()).isTrue();
        double[] pi = ChainAnalysis.stationary(dense);
        for (int i = 0; i < pi.length; i++) {
            // residual 1e-13 in L1 bounds the error by about t_relax · 1e-13
            assertThat(s.pi()[i]).isCloseTo(pi[i], within(1e-11));
        }
        assertThat(SparseChainAnalysis.entropyRate(sparse, s.pi()))
                .isCloseTo(ChainAnalysis.entropyRate(dense, pi), within(1e-10));
        assertThat(SparseChainAnalysis.predictiveInformation(sparse, s.pi()))
                .isCloseTo(ChainAnalysis.predictiveInformation(dense, pi, 1), within(1e-10));
    }

    @Test
    void periodicChainsConvergeThroughTheLazyChain() {
        // The 3-cycle is periodic: plain power iteration from a non-uniform start would oscillate.
        SparseMarkovChain cycle = SparseMarkovChain.ofTriplets(3, new int[] {0, 1, 2}, new int[] {1, 2, 0},
                new double[] {1, 1, 1});
        SparseChainAnalysis.Stationary s = SparseChainAnalysis.stationary(cycle, 1000);
        assertThat(s.converged()).isTrue();
        assertThat(s.pi()).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-15));
        assertThat(SparseChainAnalysis.entropyRate(cycle, s.pi())).isZero();
        assertThat(SparseChainAnalysis.predictiveInformation(cycle, s.pi())).isCloseTo(Math.log(3), within(1e-14));
    }

    @Test
    void partitionLossAndLumpabilityAgreeWithTheDenseLumping() {
        SparseMarkovChain sparse = randomSparse(40, 2);
        MarkovChain dense = sparse.toDense();
        double[] pi = ChainAnalysis.stationary(dense);
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = (i * 7) % 5;
        }
        Partition partition = Partition.ofLabels(labels);
        SparseChainAnalysis.Evaluation e = SparseChainAnalysis.evaluate(sparse, pi, partition);
        assertThat(e.informationLoss()).isCloseTo(Lumping.informationLoss(dense, pi, partition), within(1e-13));
        assertThat(e.lumpabilityDeviation()).isCloseTo(Lumping.lumpabilityDeviation(dense, partition), within(1e-15));
        assertThat(e.exactlyLumpable()).isFalse();
        SparseChainAnalysis.Evaluation one = SparseChainAnalysis.evaluate(sparse, pi, new Partition(new int[40]));
        assertThat(one.informationLoss()).isLessThan(1e-15);
        assertThat(one.exactlyLumpable()).isTrue();
    }

    @Test
    void rateTripletsGiveTheDenseUniformisedChain() {
        double[][] q = {{-2, 2, 0}, {0.5, -1.5, 1}, {0, 3, -3}};
        int[] rows = {0, 1, 1, 2};
        int[] cols = {1, 0, 2, 1};
        double[] vals = {2, 0.5, 1, 3};
        SparseMarkovChain sparse = SparseMarkovChain.ofRateTriplets(3, rows, cols, vals);
        MarkovChain dense = MarkovChain.fromRates(q);
        assertThat(sparse.continuousTime()).isTrue();
        assertThat(sparse.uniformisationRate()).isEqualTo(dense.uniformisationRate());
        for (int i = 0; i < 3; i++) {
            assertThat(sparse.toDense().row(i)).containsExactly(dense.row(i), within(1e-15));
        }
        assertThatThrownBy(() -> SparseMarkovChain.ofRateTriplets(3, new int[] {0, 0, 1, 2}, new int[] {0, 1, 2, 1},
                new double[] {-1.5, 2, 1, 3})).hasMessageStartingWith("row 0 of the rate matrix sums to 0.5");
    }

    @Test
    void reducibleChainsAreNamed() {
        SparseMarkovChain absorbing = SparseMarkovChain.ofTriplets(3, new int[] {0, 0, 1, 2}, new int[] {0, 1, 2, 2},
                new double[] {0.5, 0.5, 1, 1});
        assertThat(SparseChainAnalysis.reducibilityWitness(absorbing)).isEqualTo("state 0 cannot be reached from state 1");
        SparseMarkovChain unreachable = SparseMarkovChain.ofTriplets(2, new int[] {0, 1}, new int[] {0, 0},
                new double[] {1, 1});
        assertThat(SparseChainAnalysis.reducibilityWitness(unreachable))
                .isEqualTo("state 1 cannot be reached from state 0");
    }
}
