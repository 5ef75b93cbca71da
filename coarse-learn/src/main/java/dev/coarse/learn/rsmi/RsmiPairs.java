package dev.coarse.learn.rsmi;

import java.util.SplittableRandom;

/**
 * (V, E) pairs as the network reads them: float32, row-major, one row per pair, V and E side by side in two arrays.
 * Rows of one configuration are consecutive. E may be centred in place ({@link #centreEnvironment}).
 */
final class RsmiPairs {

    private final float[] visible;
    private final float[] environment;
    private final int rows;
    private final int visibleCount;
    private final int environmentCount;

    private RsmiPairs(float[] visible, float[] environment, int rows, int visibleCount, int environmentCount) {
        this.visible = visible;
        this.environment = environment;
        this.rows = rows;
        this.visibleCount = visibleCount;
        this.environmentCount = environmentCount;
    }

    /**
     * {@code pairs} pairs from each of the configurations {@code chosen} (in that order), at distinct blocks of the
     * b-tiling drawn from {@code blocks} (a partial Fisher–Yates shuffle per configuration).
     */
    static RsmiPairs of(RsmiGeometry geometry, byte[][] configurations, int[] chosen, int pairs,
            SplittableRandom blocks) {
        int[] corners = geometry.blockCorners();
        int nv = geometry.visibleCount();
        int ne = geometry.environmentCount();
        int[][] visibleIndices = new int[corners.length][];
        int[][] environmentIndices = new int[corners.length][];
        int rows = chosen.length * pairs;
        float[] v = new float[rows * nv];
        float[] e = new float[rows * ne];
        int[] order = new int[corners.length];
        int row = 0;
        for (int configuration : chosen) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            byte[] values = configurations[configuration];
            for (int p = 0; p < pairs; p++) {
                int pick = p + blocks.nextInt(order.length - p);
                int t = order[p];
                order[p] = order[pick];
                order[pick] = t;
                int block = order[p];
                if (visibleIndices[block] == null) {
                    visibleIndices[block] = geometry.visibleIndices(corners[block]);
                    environmentIndices[block] = geometry.environmentIndices(corners[block]);
                }
                int[] vi = visibleIndices[block];
                int[] ei = environmentIndices[block];
                for (int i = 0; i < nv; i++) {
                    v[row * nv + i] = values[vi[i]];
                }
                for (int i = 0; i < ne; i++) {
                    e[row * ne + i] = values[ei[i]];
                }
                row++;
            }
        }
        return new RsmiPairs(v, e, rows, nv, ne);
    }

    int rows() {
        return rows;
    }

    int visibleCount() {
        return visibleCount;
    }

    int environmentCount() {
        return environmentCount;
    }

    /** The mean of each E column over these pairs. */
    float[] environmentMeans() {
        double[] sums = new double[environmentCount];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < environmentCount; c++) {
                sums[c] += environment[r * environmentCount + c];
            }
        }
        float[] means = new float[environmentCount];
        for (int c = 0; c < environmentCount; c++) {
            means[c] = (float) (sums[c] / Math.max(rows, 1));
        }
        return means;
    }

    /** Subtracts {@code means} from every E row. Modified: this object's E. */
    void centreEnvironment(float[] means) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < environmentCount; c++) {
                environment[r * environmentCount + c] -= means[c];
            }
        }
    }

    /** Copies rows {@code order[from … from+count−1]} into the batch buffers (row-major). */
    void gather(int[] order, int from, int count, float[] visibleBatch, float[] environmentBatch) {
        for (int i = 0; i < count; i++) {
            int r = order[from + i];
            System.arraycopy(visible, r * visibleCount, visibleBatch, i * visibleCount, visibleCount);
            System.arraycopy(environment, r * environmentCount, environmentBatch, i * environmentCount,
                    environmentCount);
        }
    }
}
