package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.stats.Estimate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * The cluster bootstrap of {@link DiscreteInformation} builds each resample's histogram from per-cluster
 * histograms weighted by how often each cluster was drawn ({@link ClusterHistograms}) and ranks joint symbols
 * by counting ({@link SymbolTable#rank}). These fast paths must give exactly what the direct algorithm gives:
 * draw the clusters one by one from the same generator and count their rows. The reference below is that
 * direct algorithm, written out independently of the code under test.
 */
class ClusterBootstrapTest {

    private static final int RESAMPLES = 25;
    private static final long SEED = 11;

    /** A random table: {@code clusters} clusters of {@code clusterSize} rows, three columns of small alphabets. */
    private static long[][] randomColumns(int clusters, int clusterSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = clusters * clusterSize;
        long[][] columns = new long[3][rows];
        for (int r = 0; r < rows; r++) {
            // correlated columns with gaps and large values, so relabelling matters
            columns[0][r] = random.nextInt(5) * 1_000_003L - 7;
            columns[1][r] = (columns[0][r] + random.nextInt(3)) % 4;
            columns[2][r] = random.nextInt(2) == 0 ? Long.MAX_VALUE - random.nextInt(3) : random.nextInt(9);
        }
        return columns;
    }

    /** The direct bootstrap: per resample, draw clusters one at a time and count every drawn row. */
    private static Estimate directBootstrap(long[][] columns, int clusterSize, int[][] sets,
            ToDoubleFunction<double[]> f, EntropyEstimator estimator) {
        int rows = columns[0].length;
        int clusters = rows / clusterSize;
        int[][] labels = new int[sets.length][];
        double[] alphabets = new double[sets.length];
        for (int j = 0; j < sets.length; j++) {
            labels[j] = sortedJointLabels(columns, sets[j]);
            alphabets[j] = 1;
            for (int c : sets[j]) {
                alphabets[j] *= Arrays.stream(columns[c]).distinct().count();
            }
        }
        double[] h = new double[sets.length];
        for (int j = 0; j < sets.length; j++) {
            h[j] = estimator.entropy(histogram(labels[j], null, clusterSize), alphabets[j]);
        }
        double mean = f.applyAsDouble(h);
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        double sum = 0;
        double sumSq = 0;
        for (int b = 0; b < RESAMPLES; b++) {
            int[] drawn = new int[clusters];
            for (int d = 0; d < clusters; d++) {
                drawn[d] = rng.nextInt(clusters);
            }
            for (int j = 0; j < sets.length; j++) {
                h[j] = estimator.entropy(histogram(labels[j], drawn, clusterSize), alphabets[j]);
            }
            double value = f.applyAsDouble(h);
            sum += value;
            sumSq += value * value;
        }
        double m = sum / RESAMPLES;
        return Estimate.of(mean, Math.sqrt(Math.max(0, (sumSq - RESAMPLES * m * m) / (RESAMPLES - 1))));
    }

    /** Counts of each label over the drawn clusters (all rows when {@code drawn} is null). */
    private static int[] histogram(int[] labels, int[] drawn, int clusterSize) {
        int[] counts = new int[Arrays.stream(labels).max().orElse(0) + 1];
        if (drawn == null) {
            for (int l : labels) {
                counts[l]++;
            }
        } else {
            for (int cluster : drawn) {
                for (int r = cluster * clusterSize; r < (cluster + 1) * clusterSize; r++) {
                    counts[labels[r]]++;
                }
            }
        }
        return counts;
    }

    /** Joint labels by sorting the distinct joint values (lexicographic in the set's column order). */
    private static int[] sortedJointLabels(long[][] columns, int[] set) {
        int rows = columns[0].length;
        long[][] keys = new long[rows][];
        for (int r = 0; r < rows; r++) {
            keys[r] = new long[set.length];
            for (int i = 0; i < set.length; i++) {
                keys[r][i] = columns[set[i]][r];
            }
        }
        long[][] distinct = Arrays.stream(keys).map(k -> List.of(Arrays.stream(k).boxed().toArray(Long[]::new)))
                .distinct().sorted((a, b) -> {
                    for (int i = 0; i < a.size(); i++) {
                        int c = Long.compare(a.get(i), b.get(i));
                        if (c != 0) {
                            return c;
                        }
                    }
                    return 0;
                }).map(l -> l.stream().mapToLong(Long::longValue).toArray()).toArray(long[][]::new);
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < distinct.length; d++) {
                if (Arrays.equals(distinct[d], keys[r])) {
                    labels[r] = d;
                    break;
                }
            }
        }
        return labels;
    }

    @Test
    void weightedClusterCountsEqualCountingTheDrawnRows() {
        SplittableRandom random = new SplittableRandom(5);
        int clusterSize = 7;
        int clusters = 40;
        int symbols = 12;
        int[] labels = new int[clusters * clusterSize];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = random.nextInt(symbols);
        }
        labels[0] = symbols - 1;
        ClusterHistograms histograms = new ClusterHistograms(labels, symbols, clusterSize);
        assertThat(histograms.clusterCount()).isEqualTo(clusters);
        int[] counts = new int[symbols];
        for (int trial = 0; trial < 10; trial++) {
            int[] weights = new int[clusters];
            int[] drawn = new int[clusters];
            for (int d = 0; d < clusters; d++) {
                drawn[d] = random.nextInt(clusters);
                weights[drawn[d]]++;
            }
            Arrays.fill(counts, -1);
            histograms.weightedCounts(weights, counts);
            assertThat(counts).as("trial %d", trial).containsExactly(histogram(labels, drawn, clusterSize));
        }
    }

    @Test
    void rankingByCountingEqualsRankingBySorting() {
        SplittableRandom random = new SplittableRandom(9);
        for (long span : new long[] {1, 50, 1L << 30, Long.MAX_VALUE}) {
            long[] values = new long[300];
            for (int r = 0; r < values.length; r++) {
                values[r] = span == Long.MAX_VALUE ? random.nextLong() : -17 + random.nextLong(span);
            }
            long[] distinct = Arrays.stream(values).distinct().sorted().toArray();
            int[] ranks = new int[values.length];
            assertThat(SymbolTable.rank(values, ranks)).isEqualTo(distinct.length);
            for (int r = 0; r < values.length; r++) {
                assertThat(ranks[r]).as("span %d, row %d", span, r).isEqualTo(Arrays.binarySearch(distinct, values[r]));
            }
        }
    }

    @Test
    void jointLabelsRankTheJointValuesLexicographically() {
        long[][] columns = randomColumns(30, 5, 3);
        SymbolTable t = SymbolTable.ofColumns(columns, null, 5);
        for (int[] set : new int[][] {{0}, {2}, {0, 1}, {1, 0}, {2, 1, 0}}) {
            assertThat(t.jointLabels(set)).as("set %s", Arrays.toString(set))
                    .containsExactly(sortedJointLabels(columns, set));
        }
    }

    @Test
    void clusterBootstrapGivesTheSameBitsAsDrawingRowsOneByOne() {
        int[][] sets = {{0}, {1}, {0, 1}, {2}, {2, 1}};
        ToDoubleFunction<double[]> ratio = x -> (x[3] + x[1] - x[4]) / (x[0] + x[1] - x[2]);
        for (int clusterSize : new int[] {1, 6}) {
            long[][] columns = randomColumns(240 / clusterSize, clusterSize, 21);
            SymbolTable t = SymbolTable.ofColumns(columns, null, clusterSize);
            for (String name : new String[] {"plugin", "miller-madow", "nsb"}) {
                EntropyEstimator estimator = EntropyEstimator.named(name);
                DiscreteInformation information = new DiscreteInformation(estimator, RESAMPLES, SEED);
                assertThat(information.ofEntropies(t, sets, ratio)).as("%s, clusters of %d", name, clusterSize)
                        .isEqualTo(directBootstrap(columns, clusterSize, sets, ratio, estimator));
                assertThat(information.mutualInformation(t, new int[] {0}, new int[] {1}))
                        .as("%s, clusters of %d", name, clusterSize)
                        .isEqualTo(directBootstrap(columns, clusterSize, new int[][] {{0}, {1}, {0, 1}},
                                x -> x[0] + x[1] - x[2], estimator));
            }
        }
    }

    @Test
    void severalFunctionsInOnePassEqualSeparateCalls() {
        long[][] columns = randomColumns(50, 4, 8);
        SymbolTable t = SymbolTable.ofColumns(columns, null, 4);
        DiscreteInformation information = new DiscreteInformation(new MillerMadowEntropy(), RESAMPLES, SEED);
        int[][] sets = {{0}, {1}, {0, 1}, {2}, {2, 1}, {0, 2}};
        double[] mi = {1, 1, -1};
        Estimate[] together = information.ofEntropies(t, sets, List.of(
                DiscreteInformation.linear(mi, new int[] {0, 1, 2}),
                DiscreteInformation.linear(mi, new int[] {3, 1, 4}),
                DiscreteInformation.linear(new double[] {1, -1}, new int[] {5, 3})));
        assertThat(together).containsExactly(
                information.mutualInformation(t, new int[] {0}, new int[] {1}),
                information.mutualInformation(t, new int[] {2}, new int[] {1}),
                information.conditionalEntropy(t, new int[] {0}, new int[] {2}));
    }

    @Test
    void identicalClustersOfACopiedBitGiveLn2WithNoSpread() {
        // every cluster holds X = Y = 0 three times and X = Y = 1 three times: every resample has the same
        // frequencies, so the plug-in I(X;Y) is ln 2 in each and the bootstrap error is 0
        int clusters = 500;
        long[][] columns = new long[2][clusters * 6];
        for (int r = 0; r < columns[0].length; r++) {
            columns[0][r] = (r % 6) / 3;
            columns[1][r] = columns[0][r];
        }
        SymbolTable t = SymbolTable.ofColumns(columns, null, 6);
        Estimate e = new DiscreteInformation(new PluginEntropy(), RESAMPLES, SEED)
                .mutualInformation(t, new int[] {0}, new int[] {1});
        assertThat(e.mean()).isCloseTo(Math.log(2), org.assertj.core.api.Assertions.within(1e-14));
        assertThat(e.error()).isLessThan(1e-7);
    }

    @Test
    void progressTicksOnceForCountingAndOncePerResampleWithoutChangingTheEstimate() {
        long[][] columns = randomColumns(20, 3, 2);
        SymbolTable t = SymbolTable.ofColumns(columns, null, 3);
        DiscreteInformation plain = new DiscreteInformation(new MillerMadowEntropy(), RESAMPLES, SEED);
        int[] ticks = {0};
        DiscreteInformation ticking = plain.withProgress(() -> ticks[0]++);
        assertThat(ticking.mutualInformation(t, new int[] {0}, new int[] {1}))
                .isEqualTo(plain.mutualInformation(t, new int[] {0}, new int[] {1}));
        assertThat(ticks[0]).isEqualTo(RESAMPLES + 1).isEqualTo(ticking.ticksPerEstimate());
    }
}
