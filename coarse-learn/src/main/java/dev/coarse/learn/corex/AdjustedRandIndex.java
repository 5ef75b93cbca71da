package dev.coarse.learn.corex;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index of two partitions (Hubert &amp; Arabie 1985): the Rand index corrected for chance, 1 for
 * identical partitions (up to renaming the groups), about 0 for independent ones. CorEx uses it for the agreement of
 * restarts and the tests for recovering planted clusters.
 */
public final class AdjustedRandIndex {

    private AdjustedRandIndex() {
    }

    /** ARI of two labelings of the same items; 1 when both put every item in one group (or both are singletons). */
    public static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labelings of " + a.length + " and " + b.length + " items");
        }
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> rowSums = new HashMap<>();
        Map<Integer, Integer> columnSums = new HashMap<>();
        for (int t = 0; t < a.length; t++) {
            joint.merge(((long) a[t] << 32) ^ (b[t] & 0xffffffffL), 1, Integer::sum);
            rowSums.merge(a[t], 1, Integer::sum);
            columnSums.merge(b[t], 1, Integer::sum);
        }
        double index = 0;
        for (int c : joint.values()) {
            index += pairs(c);
        }
        double sumA = 0;
        for (int c : rowSums.values()) {
            sumA += pairs(c);
        }
        double sumB = 0;
        for (int c : columnSums.values()) {
            sumB += pairs(c);
        }
        double expected = sumA * sumB / pairs(a.length);
        double max = 0.5 * (sumA + sumB);
        if (max == expected) {
            return 1.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(int n) {
        return n * (n - 1.0) / 2.0;
    }

    /**
     * The stability of seeded restarts: the mean ARI between the groups of restart {@code best} and those of every
     * other restart; NaN for a single restart.
     */
    static double stability(int[][] restartClusters, int best) {
        if (restartClusters.length < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int r = 0; r < restartClusters.length; r++) {
            if (r != best) {
                sum += of(restartClusters[best], restartClusters[r]);
            }
        }
        return sum / (restartClusters.length - 1);
    }
}
