package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LumpabilityRefinementTest {

    /**
     * A sparse chain with a planted strongly lumpable partition: state i of block a sends Q_ab to two random states of
     * each of a's (up to 4) target blocks b, split at random — equal block sums, unequal rows. Labels shuffled.
     */
    static SparseMarkovChain planted(int states, int blocks, long seed, int[] plantedOut) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] permutation = random.ints(0, Integer.MAX_VALUE).limit(states).toArray();
        Integer[] order = new Integer[states];
        for (int i = 0; i < states; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(permutation[x], permutation[y]));
        List<List<Integer>> members = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < states; i++) {
            int state = order[i];
            plantedOut[state] = i % blocks;
            members.get(i % blocks).add(state);
        }
        double[][] q = new double[blocks][4];
        int[][] target = new int[blocks][4];
        for (int a = 0; a < blocks; a++) {
            double sum = 0;
            for (int t = 0; t < 4; t++) {
                target[a][t] = random.nextInt(blocks);
                q[a][t] = 0.1 + random.nextDouble();
                sum += q[a][t];
            }
            for (int t = 0; t < 4; t++) {
                q[a][t] /= sum;
            }
        }
        List<int[]> rc = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < states; i++) {
            int a = plantedOut[i];
            for (int t = 0; t < 4; t++) {
                List<Integer> m = members.get(target[a][t]);
                double split = random.nextDouble();
                rc.add(new int[] {i, m.get(random.nextInt(m.size()))});
                values.add(q[a][t] * split);
                rc.add(new int[] {i, m.get(random.nextInt(m.size()))});
                values.add(q[a][t] * (1 - split));
            }
        }
        return SparseMarkovChain.ofTriplets(states, rc.stream().mapToInt(x -> x[0]).toArray(),
                rc.stream().mapToInt(x -> x[1]).toArray(), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void recoversAPlantedLumpablePartitionThatTheDenseCheckConfirms() {
        int states = 600;
        int[] planted = new int[states];
        SparseMarkovChain chain = planted(states, 30, 5, planted);
        int[] observable = new int[states];
        for (int i = 0; i < states; i++) {
            observable[i] = planted[i] % 2; // a coarse observable: a union of planted blocks
        }
        LumpabilityRefinement.Result result = LumpabilityRefinement.coarsest(chain, new Partition(observable));
        Partition found = result.partition();
        MarkovChain dense = chain.toDense();
        assertThat(Lumping.isStronglyLumpable(dense, found)).isTrue();
        // the planted partition refines the coarsest lumpable refinement, which refines the observable
        for (int i = 0; i < states; i++) {
            for (int j = 0; j < states; j++) {
                if (planted[i] == planted[j]) {
                    assertThat(found.blockOf(i)).isEqualTo(found.blockOf(j));
                }
                if (found.blockOf(i) == found.blockOf(j)) {
                    assertThat(observable[i]).isEqualTo(observable[j]);
                }
            }
        }
        assertThat(found.blockCount()).isEqualTo(30); // a generic planted Q merges no planted blocks
        // and the dense refinement agrees
        assertThat(Lumping.coarsestLumpableRefinement(dense, new Partition(observable)).blockCount()).isEqualTo(30);
    }

    @Test
    void aRandomChainRefinesToSingletonsOfItsObservable() {
        SplittableRandom random = new SplittableRandom(6);
        int n = 50;
        int[] rows = new int[5 * n];
        int[] cols = new int[5 * n];
        double[] vals = new double[5 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 5; k++) {
                rows[5 * i + k] = i;
                cols[5 * i + k] = random.nextInt(n);
                vals[5 * i + k] = 0.2;
            }
        }
        SparseMarkovChain chain = SparseMarkovChain.ofTriplets(n, rows, cols, vals);
        int[] half = new int[n];
        for (int i = 0; i < n; i++) {
            half[i] = i < n / 2 ? 0 : 1;
        }
        Partition found = LumpabilityRefinement.coarsest(chain, new Partition(half)).partition();
        assertThat(Lumping.isStronglyLumpable(chain.toDense(), found)).isTrue();
        assertThat(found.blockCount()).isEqualTo(
                Lumping.coarsestLumpableRefinement(chain.toDense(), new Partition(half)).blockCount());
    }

    @Test
    void randomWalkOnAnEdgeListFile(@TempDir Path dir) throws IOException {
        Path edges = dir.resolve("triangle.txt");
        Files.writeString(edges, "# a triangle with a tail\n0 1\n1 2\n2 0\n2 3 2.0\n");
        MarkovChain walk = SparseMarkovChain.readEdgeList(edges).toDense();
        assertThat(walk.transition(2, 3)).isEqualTo(0.5); // weights 1, 1, 2 at vertex 2
        assertThat(walk.transition(3, 2)).isEqualTo(1.0);
        double[] pi = ChainAnalysis.stationary(walk);
        assertThat(pi[2]).isCloseTo(4.0 / 10, org.assertj.core.data.Offset.offset(1e-12)); // ∝ weighted degree
    }

    @Test
    void badRowsAreNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "0 0 0.5\n0 1 0.4\n1 0 1\n");
        assertThatThrownBy(() -> SparseMarkovChain.readTriplets(file)).hasMessageContaining("row 0")
                .hasMessageContaining("sums to 0.9");
    }
}
