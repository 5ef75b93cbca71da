package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.info.Tolerances;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LumpingTest {

    /**
     * A random chain on {@code blocks × size} states with a planted strongly lumpable partition: a random block chain
     * Q̂, and each state's probability Q̂(c, l) of entering block l spread over l's states with its own random
     * weights. The states are then shuffled; {@code planted[i]} is the block of state i.
     */
    record Planted(MarkovChain chain, Partition planted) {
    }

    static Planted planted(int blocks, int size, long seed, double noise) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = blocks * size;
        double[][] q = randomStochastic(blocks, rng);
        int[] blockOfUnshuffled = new int[n];
        for (int i = 0; i < n; i++) {
            blockOfUnshuffled[i] = i / size;
        }
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < blocks; l++) {
                double[] w = randomStochastic(1, size, rng)[0];
                for (int t = 0; t < size; t++) {
                    p[i][l * size + t] = q[blockOfUnshuffled[i]][l] * w[t];
                }
            }
        }
        double[][] mix = randomStochastic(n, rng);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i][j] = (1 - noise) * p[i][j] + noise * mix[i][j];
            }
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        // State perm[i] of the shuffled chain is state i of the unshuffled one.
        double[][] shuffled = new double[n][n];
        int[] block = new int[n];
        for (int i = 0; i < n; i++) {
            block[perm[i]] = blockOfUnshuffled[i];
            for (int j = 0; j < n; j++) {
                shuffled[perm[i]][perm[j]] = p[i][j];
            }
        }
        return new Planted(MarkovChain.ofTransitions(normalise(shuffled)), new Partition(block));
    }

    private static double[][] randomStochastic(int n, SplittableRandom rng) {
        return randomStochastic(n, n, rng);
    }

    private static double[][] randomStochastic(int rows, int cols, SplittableRandom rng) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = 0.05 + rng.nextDouble();
            }
        }
        return normalise(m);
    }

    /** Rows normalised so that they sum to 1 to rounding (well inside the 1e-12 of MarkovChain). */
    private static double[][] normalise(double[][] m) {
        for (double[] row : m) {
            double s = 0;
            for (double v : row) {
                s += v;
            }
            for (int j = 0; j < row.length; j++) {
                row[j] /= s;
            }
        }
        return m;
    }

    @Test
    void plantedLumpablePartitionIsFoundExactlyWithZeroLoss() {
        for (long seed = 1; seed <= 5; seed++) {
            Planted planted = planted(3, 4, seed, 0);
            MarkovChain chain = planted.chain();
            double[] pi = ChainAnalysis.stationary(chain);
            assertThat(Lumping.informationLoss(chain, pi, planted.planted())).isLessThan(1e-12);
            assertThat(Lumping.isStronglyLumpable(chain, planted.planted())).isTrue();

            Partition found = LumpingSearch.exact(chain, 3);
            assertThat(found).as("seed %d", seed).isNotNull();
            assertThat(found.sameBlocksAs(planted.planted())).as("seed %d", seed).isTrue();
            assertThat(Lumping.informationLoss(chain, pi, found)).isLessThan(1e-12);
            // The greedy search reaches it too.
            assertThat(LumpingSearch.greedy(chain, pi, 3).sameBlocksAs(planted.planted())).as("seed %d", seed)
                    .isTrue();
        }
    }

    @Test
    void greedySearchStillFindsThePlantedPartitionUnderSmallNoise() {
        for (long seed = 11; seed <= 15; seed++) {
            Planted planted = planted(3, 5, seed, 0.02);
            MarkovChain chain = planted.chain();
            double[] pi = ChainAnalysis.stationary(chain);
            assertThat(Lumping.isStronglyLumpable(chain, planted.planted())).isFalse();
            Partition found = LumpingSearch.greedy(chain, pi, 3);
            assertThat(found.sameBlocksAs(planted.planted())).as("seed %d: %s", seed, found).isTrue();
            // Noise breaks exact lumpability: the exact search finds no 3-block partition.
            assertThat(LumpingSearch.exact(chain, 3)).isNull();
        }
    }

    @Test
    void greedyPathLossEqualsTheLossRecomputedFromScratch() {
        Planted planted = planted(4, 3, 7, 0.05);
        MarkovChain chain = planted.chain();
        double[] pi = ChainAnalysis.stationary(chain);
        for (int k = 1; k <= chain.size(); k++) {
            GreedyLumping.Path path = GreedyLumping.descend(chain, pi, k);
            assertThat(path.lossAt()[k]).as("k = %d", k)
                    .isCloseTo(Lumping.informationLoss(chain, pi, path.partition()), within(Tolerances.EXACT));
        }
    }

    @Test
    void refinementSplitsANonLumpablePartitionDownToALumpableOne() {
        Planted planted = planted(3, 4, 3, 0);
        MarkovChain chain = planted.chain();
        // Merging two planted blocks gives a 2-block partition; the coarsest lumpable refinement of the trivial
        // partition is itself, and of the planted partition the planted partition.
        Partition refined = Lumping.coarsestLumpableRefinement(chain, planted.planted());
        assertThat(refined.sameBlocksAs(planted.planted())).isTrue();
        assertThat(Lumping.coarsestLumpableRefinement(chain, new Partition(new int[12])).blockCount()).isEqualTo(1);
    }

    @Test
    void doubleWellSplitsAtTheBarrierBothWays() {
        int n = 40;
        MarkovChain chain = BuiltinChains.doubleWell(n, 0.15);
        double[] pi = ChainAnalysis.stationary(chain);
        Partition spectral = LumpingSearch.spectral(chain, pi, 2);
        Partition greedy = LumpingSearch.greedy(chain, pi, 2);
        int[] wells = new int[n];
        for (int i = n / 2; i < n; i++) {
            wells[i] = 1;
        }
        Partition barrier = new Partition(wells);
        assertThat(spectral.sameBlocksAs(barrier)).as("spectral %s", spectral).isTrue();
        assertThat(Lumping.informationLoss(chain, pi, greedy))
                .isLessThanOrEqualTo(Lumping.informationLoss(chain, pi, barrier) + Tolerances.EXACT);
    }

    @Test
    void predictiveInformationLossEqualsTheKlRateToTheLiftedChain() {
        Planted planted = planted(3, 3, 5, 0.1);
        MarkovChain chain = planted.chain();
        double[] pi = ChainAnalysis.stationary(chain);
        Partition partition = planted.planted();
        MarkovChain q = Lumping.markovApproximation(chain, pi, partition);
        double[] w = Lumping.blockWeights(pi, partition);
        int n = chain.size();
        double[][] lifted = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                lifted[i][j] = q.transition(partition.blockOf(i), partition.blockOf(j)) * pi[j]
                        / w[partition.blockOf(j)];
            }
        }
        double klRate = ChainAnalysis.klRate(chain, pi, MarkovChain.ofTransitions(normalise(lifted)));
        assertThat(Lumping.predictiveInformationLoss(chain, pi, partition)).isCloseTo(klRate, within(Tolerances.EXACT));
    }
}
