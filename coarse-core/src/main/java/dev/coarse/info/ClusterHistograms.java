package dev.coarse.info;

/**
 * The histogram of one label column inside each cluster of consecutive rows, stored sparsely (only the labels
 * that occur in the cluster), for the cluster bootstrap of {@link DiscreteInformation}. A resample that draws
 * cluster c w<sub>c</sub> times has the counts n<sub>k</sub> = Σ<sub>c</sub> w<sub>c</sub> n<sub>c,k</sub>, the
 * same integers as counting the drawn rows one by one; building them from the table costs
 * O(Σ<sub>c</sub> K<sub>c</sub>), K<sub>c</sub> the number of distinct labels in cluster c, instead of
 * O(rows drawn). For pooled block positions (256 rows per configuration, a few dozen distinct block patterns)
 * that is the difference between a minute and seconds.
 */
final class ClusterHistograms {

    /**
     * Cluster c's entries are i = start[c] … start[c+1]−1, each a label {@code entry[2i]} and its count
     * {@code entry[2i+1]} (interleaved: one sequential stream per resample).
     */
    private final int[] start;
    private final int[] entry;

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
}
