package dev.coarse.learn.corex;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Pearson correlations of numeric columns, NaN marking a missing value: each pair from the samples where both are
 * present (pairwise complete), the columns centred and scaled by the mean and standard deviation of their present
 * values. Also the delete-one-block jackknife replicas (the samples cut into {@code blocks} contiguous blocks), from
 * which the error of any smooth function of the correlations follows.
 *
 * @param mean      mean of each column's present values
 * @param scale     standard deviation of each column's present values
 * @param matrix    p×p correlations
 * @param jackknife the correlations without block b, b = 0 … blocks − 1
 */
record Correlations(double[] mean, double[] scale, DMatrixRMaj matrix, List<DMatrixRMaj> jackknife) {

    /**
     * @throws IllegalArgumentException for a column with fewer than two present values or without spread, or two
     *                                  columns never present together (named by index)
     */
    static Correlations of(double[][] columns, int blocks) {
        int p = columns.length;
        int n = columns[0].length;
        if (n < 2 * blocks) {
            throw new IllegalArgumentException("need at least " + 2 * blocks + " samples, got " + n);
        }
        double[] mean = new double[p];
        double[] scale = new double[p];
        boolean missing = false;
        for (int i = 0; i < p; i++) {
            if (columns[i].length != n) {
                throw new IllegalArgumentException("column " + i + " has " + columns[i].length + " values, column 0 "
                        + n);
            }
            int count = 0;
            double sum = 0;
            for (double v : columns[i]) {
                if (!Double.isNaN(v)) {
                    count++;
                    sum += v;
                }
            }
            missing |= count < n;
            mean[i] = count > 0 ? sum / count : Double.NaN;
            double squares = 0;
            for (double v : columns[i]) {
                if (!Double.isNaN(v)) {
                    squares += (v - mean[i]) * (v - mean[i]);
                }
            }
            scale[i] = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
            if (!(scale[i] > 0) || !Double.isFinite(scale[i])) {
                throw new IllegalArgumentException("column " + i + " has " + count + " present values and spread "
                        + scale[i] + ": it carries no correlation");
            }
        }
        List<DMatrixRMaj> products = new ArrayList<>();
        List<DMatrixRMaj> counts = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) n * b / blocks);
            int to = (int) ((long) n * (b + 1) / blocks);
            DMatrixRMaj x = new DMatrixRMaj(to - from, p);
            DMatrixRMaj present = missing ? new DMatrixRMaj(to - from, p) : null;
            for (int r = from; r < to; r++) {
                for (int i = 0; i < p; i++) {
                    double v = columns[i][r];
                    if (!Double.isNaN(v)) {
                        x.unsafe_set(r - from, i, (v - mean[i]) / scale[i]);
                        if (present != null) {
                            present.unsafe_set(r - from, i, 1);
                        }
                    }
                }
            }
            DMatrixRMaj xx = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransA(x, x, xx);
            products.add(xx);
            DMatrixRMaj nn = new DMatrixRMaj(p, p);
            if (present != null) {
                CommonOps_DDRM.multTransA(present, present, nn);
            } else {
                CommonOps_DDRM.fill(nn, to - from);
            }
            counts.add(nn);
        }
        DMatrixRMaj totalProducts = sum(products, -1);
        DMatrixRMaj totalCounts = sum(counts, -1);
        DMatrixRMaj matrix = correlation(totalProducts, totalCounts, true);
        List<DMatrixRMaj> jackknife = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            DMatrixRMaj xx = totalProducts.copy();
            CommonOps_DDRM.subtractEquals(xx, products.get(b));
            DMatrixRMaj nn = totalCounts.copy();
            CommonOps_DDRM.subtractEquals(nn, counts.get(b));
            jackknife.add(correlation(xx, nn, false));
        }
        return new Correlations(mean, scale, matrix, List.copyOf(jackknife));
    }

    /** Variables p. */
    int variables() {
        return mean.length;
    }

    private static DMatrixRMaj sum(List<DMatrixRMaj> parts, int skip) {
        DMatrixRMaj total = new DMatrixRMaj(parts.get(0).numRows, parts.get(0).numCols);
        for (int b = 0; b < parts.size(); b++) {
            if (b != skip) {
                CommonOps_DDRM.addEquals(total, parts.get(b));
            }
        }
        return total;
    }

    private static DMatrixRMaj correlation(DMatrixRMaj products, DMatrixRMaj counts, boolean check) {
        int p = products.numRows;
        DMatrixRMaj c = new DMatrixRMaj(p, p);
        double[] variance = new double[p];
        for (int i = 0; i < p; i++) {
            variance[i] = products.get(i, i) / counts.get(i, i);
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double together = counts.get(i, j);
                if (together < 2) {
                    if (check) {
                        throw new IllegalArgumentException("columns " + i + " and " + j + " are present together in "
                                + (int) together + " samples: their correlation is unknown");
                    }
                    continue;
                }
                c.unsafe_set(i, j, i == j ? 1.0 : products.get(i, j) / together / Math.sqrt(variance[i]
                        * variance[j]));
            }
        }
        return c;
    }
}
