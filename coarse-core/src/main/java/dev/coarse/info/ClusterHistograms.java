package dev.coarse.info;

/**
 * The histogram of one label column inside each cluster of consecutive rows, stored sparsely (only the labels
 * that occur in the cluster), for the cluster bootstrap of {@link DiscreteInformation}. A resample that draws
 * cluster c w<sub>c</sub> times has the counts n<sub>k</sub> = Σ<sub>c</sub> w<sub>c</sub> n<sub>c,k</sub>, the
 * same integers as counting the drawn rows one by one; building them from the table costs
 * O(Σ<sub>c</sub> K<sub>c</sub>), K<sub>c</sub> the number of distinct labels in cluster c, instead of
 * O(rows drawn). For pooled block positions (256 rows per configuration, a few dozen distinct block patterns)
 * this is most of the 4–11× speed-up of {@code coarse info block} recorded in BENCHMARKS.md.
 */
final class ClusterHistograms {

    /**
     * Cluster c's entries are i = start[c] … start[c+1]−1, each a label {@code entry[2i]} and its count
     * {@code entry[2i+1]} (interleaved: one sequential stream per resample).
     */
    private final int[] start;
    private final int[] entry;
    private final int symbols;

    /**
     * @param labels      dense labels 0 … symbols−1, one per row; not modified
     * @param symbols     one more than the largest label
     * @param clusterSize rows per cluster; {@code labels.length} must be a multiple of it
     */
    ClusterHistograms(int[] labels, int symbols, int clusterSize) {
        int clusters = labels.length / clusterSize;
        start = new int[clusters + 1];
        int[] inCluster = new int[symbols];
        int[] seen = new int[Math.min(symbols, clusterSize)];
        int[] all = new int[2 * labels.length];
        int n = 0;
        for (int c = 0; c < clusters; c++) {
            int distinct = 0;
            for (int r = c * clusterSize; r < (c + 1) * clusterSize; r++) {
                if (inCluster[labels[r]]++ == 0) {
                    seen[distinct++] = labels[r];
                }
            }
            for (int i = 0; i < distinct; i++) {
                all[2 * n] = seen[i];
                all[2 * n + 1] = inCluster[seen[i]];
                inCluster[seen[i]] = 0;
                n++;
            }
            start[c + 1] = n;
        }
        entry = java.util.Arrays.copyOf(all, 2 * n);
        this.symbols = symbols;
    }

    private ClusterHistograms(int[] start, int[] entry, int symbols) {
        this.start = start;
        this.entry = entry;
        this.symbols = symbols;
    }

    /** One more than the largest label. */
    int symbols() {
        return symbols;
    }

    int clusterCount() {
        return start.length - 1;
    }

    /**
     * Overwrites {@code counts} (length ≥ symbols) with Σ<sub>c</sub> weights[c] · n<sub>c,k</sub>; clusters of
     * weight 0 are skipped. {@code weights} (one per cluster) is not modified.
     */
    void weightedCounts(int[] weights, int[] counts) {
        java.util.Arrays.fill(counts, 0);
        for (int c = 0; c < weights.length; c++) {
            int w = weights[c];
            if (w != 0) {
                for (int i = 2 * start[c]; i < 2 * start[c + 1]; i += 2) {
                    counts[entry[i]] += w * entry[i + 1];
                }
            }
        }
    }

    /**
     * Builds the histograms cluster by cluster from dense labels handed out as symbols are first seen (0, then 1,
     * …; a label is at most one more than the largest so far), such as {@link PairLabels} gives: no key range is
     * needed in advance, the per-label arrays grow with the alphabet observed.
     */
    static class LabelBuilder {

        private int[] inCluster;
        private int[] touched;
        private int distinctInCluster;
        private int[] start = new int[16];
        private int[] entry = new int[64];
        private int clusters;
        private int entries;
        private int symbols;

        LabelBuilder() {
            this(64);
        }

        LabelBuilder(int initialSymbols) {
            inCluster = new int[Math.max(1, initialSymbols)];
            touched = new int[Math.min(inCluster.length, 1024)];
        }

        /** One row of the current cluster with the given label. */
        void add(int label) {
            if (label >= inCluster.length) {
                inCluster = java.util.Arrays.copyOf(inCluster, Math.max(label + 1, 2 * inCluster.length));
            }
            symbols = Math.max(symbols, label + 1);
            if (inCluster[label]++ == 0) {
                if (distinctInCluster == touched.length) {
                    touched = java.util.Arrays.copyOf(touched, Math.max(1, 2 * touched.length));
                }
                touched[distinctInCluster++] = label;
            }
        }

        /** Closes the current cluster (its rows are those added since the last call). */
        void endCluster() {
            long needed = 2L * (entries + distinctInCluster);
            if (needed > entry.length) {
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("more than 2^30 (cluster, symbol) counts: too many clusters");
                }
                entry = java.util.Arrays.copyOf(entry, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(2L * entry.length, needed)));
            }
            for (int i = 0; i < distinctInCluster; i++) {
                int label = touched[i];
                entry[2 * entries] = label;
                entry[2 * entries + 1] = inCluster[label];
                entries++;
                inCluster[label] = 0;
            }
            distinctInCluster = 0;
            clusters++;
            if (clusters + 1 > start.length) {
                start = java.util.Arrays.copyOf(start, 2 * start.length);
            }
            start[clusters] = entries;
        }

        /** One more than the largest label seen so far. */
        int symbols() {
            return symbols;
        }

        /** The histograms. The builder must not be used afterwards. */
        ClusterHistograms build() {
            return new ClusterHistograms(java.util.Arrays.copyOf(start, clusters + 1),
                    java.util.Arrays.copyOf(entry, 2 * entries), symbols);
        }

        /** Which labels occur in the closed clusters. */
        final boolean[] observed() {
            boolean[] observed = new boolean[symbols];
            for (int i = 0; i < 2 * entries; i += 2) {
                observed[entry[i]] = true;
            }
            return observed;
        }

        /** The histograms with each label replaced by {@code relabel[label]}. */
        final ClusterHistograms build(int[] relabel, int symbolCount) {
            int[] labelled = java.util.Arrays.copyOf(entry, 2 * entries);
            for (int i = 0; i < labelled.length; i += 2) {
                labelled[i] = relabel[labelled[i]];
            }
            return new ClusterHistograms(java.util.Arrays.copyOf(start, clusters + 1), labelled, symbolCount);
        }
    }

    /**
     * Builds the histograms cluster by cluster from integer keys in [0, range), without a table of rows: the
     * labels are the ranks of the keys observed in all clusters (the smallest key observed is label 0), which
     * is how {@link SymbolTable} labels a joint symbol whose key orders it lexicographically.
     */
    static final class Builder extends LabelBuilder {

        /** @param range one more than the largest key (at most 2<sup>26</sup>) */
        Builder(int range) {
            super(checkedRange(range));
        }

        private static int checkedRange(int range) {
            if (range < 1 || range > 1 << 26) {
                throw new IllegalArgumentException("key range must lie in [1, 2^26], got " + range);
            }
            return range;
        }

        /** The number of distinct keys observed so far (in closed clusters). */
        int distinctKeys() {
            int n = 0;
            for (boolean o : observed()) {
                n += o ? 1 : 0;
            }
            return n;
        }

        /** The histograms, keys replaced by their ranks. The builder must not be used afterwards. */
        @Override
        ClusterHistograms build() {
            boolean[] observed = observed();
            int[] rank = new int[observed.length];
            int n = 0;
            for (int key = 0; key < observed.length; key++) {
                rank[key] = n;
                n += observed[key] ? 1 : 0;
            }
            return build(rank, n);
        }
    }
}
