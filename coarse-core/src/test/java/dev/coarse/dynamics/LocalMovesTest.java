package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The screened local moves against the plain algorithm that recomputes every trial's loss: the same partition, entry
 * for entry, on dense, sparse, metastable and near-lumpable chains from random starts.
 */
class LocalMovesTest {

    /** The plain algorithm (every trial recomputed exactly), as it stood before the screening. */
    /** L(φ) from the row-major lumped rows: Σ π_i D(R_i ‖ Q_φ(i)), Q from the flows. */
    private static double loss(double[][] r, double[] pi, int[] block, int k) {
        double[][] flow = new double[k][k];
        double[] weight = new double[k];
        for (int i = 0; i < r.length; i++) {
            int c = block[i];
            weight[c] += pi[i];
            for (int l = 0; l < k; l++) {
                flow[c][l] += pi[i] * r[i][l];
            }
        }
        double loss = 0;
        for (int i = 0; i < r.length; i++) {
            int c = block[i];
            for (int l = 0; l < k; l++) {
                double x = r[i][l];
                // Moves leave rounding residue (±1e-17) where a column lost all its mass.
                if (x > 1e-300 && flow[c][l] > 0) {
                    loss += pi[i] * x * Math.log(x * weight[c] / flow[c][l]);
                }
            }
        }
        return Math.max(0, loss);
    }

    private static Partition plain(MarkovChain chain, double[] pi, Partition start) {
        int n = chain.size();
        int k = start.blockCount();
        int[] block = start.blocks();
        int[] blockSize = new int[k];
        for (int b : block) {
            blockSize[b]++;
        }
        double[][] r = Lumping.lumpedRows(chain, start);
        double loss = loss(r, pi, block, k);
        for (int round = 0; round < LocalMoves.MAX_ROUNDS && loss > 0; round++) {
            boolean improved = false;
            for (int i = 0; i < n; i++) {
                int from = block[i];
                if (blockSize[from] == 1) {
                    continue;
                }
                int bestBlock = from;
                double best = loss;
                for (int to = 0; to < k; to++) {
                    if (to == from) {
                        continue;
                    }
                    move(chain, r, block, i, from, to);
                    double trial = loss(r, pi, block, k);
                    move(chain, r, block, i, to, from);
                    if (trial < best - LocalMoves.MOVE_GAIN) {
                        best = trial;
                        bestBlock = to;
                    }
                }
                if (bestBlock != from) {
                    move(chain, r, block, i, from, bestBlock);
                    blockSize[from]--;
                    blockSize[bestBlock]++;
                    loss = best;
                    improved = true;
                }
            }
            if (!improved) {
                break;
            }
        }
        return new Partition(block);
    }

    private static void move(MarkovChain chain, double[][] r, int[] block, int state, int from, int to) {
        for (int j = 0; j < r.length; j++) {
            double p = chain.transition(j, state);
            r[j][from] -= p;
            r[j][to] += p;
        }
        block[state] = to;
    }

    /** A random partition of n states into k non-empty blocks. */
    private static Partition randomStart(int n, int k, SplittableRandom rng) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < k ? i : rng.nextInt(k);
        }
        return new Partition(labels);
    }

    /** A sparse random chain: each row has {@code degree} random successors (one of them the next state). */
    private static MarkovChain sparse(int n, int degree, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            p[i][(i + 1) % n] = rng.nextDouble() + 0.1;
            for (int t = 1; t < degree; t++) {
                p[i][rng.nextInt(n)] += rng.nextDouble();
            }
            double s = 0;
            for (double v : p[i]) {
                s += v;
            }
            for (int j = 0; j < n; j++) {
                p[i][j] /= s;
            }
        }
        return MarkovChain.ofTransitions(p);
    }

    private static void assertSameAsPlain(MarkovChain chain, int k, long seed, int starts) {
        double[] pi = ChainAnalysis.stationary(chain);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] columns = LocalMoves.columns(chain);
        int moved = 0;
        for (int s = 0; s < starts; s++) {
            Partition start = randomStart(chain.size(), k, rng);
            Partition expected = plain(chain, pi, start);
            moved += java.util.Arrays.equals(expected.blocks(), start.blocks()) ? 0 : 1;
            assertThat(LocalMoves.run(chain, columns, pi, start).blocks())
                    .as("start %d of %s, k = %d", s, chain, k).containsExactly(expected.blocks());
        }
        assertThat(moved).as("starts the plain algorithm moved away from").isEqualTo(starts);
    }

    @Test
    void denseRandomChainMovesAsThePlainAlgorithm() {
        assertSameAsPlain(GreedyLumpingTest.chain(70, 3, -1, 11, new int[70]), 4, 1, 3);
    }

    @Test
    void metastableAndNearLumpableChainsMoveAsThePlainAlgorithm() {
        assertSameAsPlain(GreedyLumpingTest.chain(60, 4, 0.3, 12, new int[60]), 4, 2, 3);
        assertSameAsPlain(GreedyLumpingTest.chain(60, 5, 1e-6, 13, new int[60]), 5, 3, 3);
        assertSameAsPlain(GreedyLumpingTest.chain(40, 3, 0, 14, new int[40]), 3, 4, 3);
    }

    @Test
    void sparseChainMovesAsThePlainAlgorithm() {
        assertSameAsPlain(sparse(80, 4, 15), 5, 5, 3);
    }

    @Test
    void metastableDoubleWellMovesAsThePlainAlgorithm() {
        assertSameAsPlain(BuiltinChains.doubleWell(50, 0.2), 3, 6, 3);
    }
}
