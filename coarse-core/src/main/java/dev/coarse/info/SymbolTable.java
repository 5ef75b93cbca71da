package dev.coarse.info;

import java.util.Arrays;

/**
 * Discrete samples: rows are samples, columns are variables with integer values of any arity (spins, Potts
 * states, block patterns encoded as one integer). Each column is relabelled densely to 0 … arity−1 on
 * construction, so only the equality of values matters and estimates are invariant under any relabelling
 * of a column's symbols.
 *
 * <p>Rows may come in clusters of {@code clusterSize} consecutive rows that are not independent (e.g. all
 * block positions of one lattice configuration); the bootstrap in {@link DiscreteInformation} then resamples
 * whole clusters.
 */
public final class SymbolTable {

    private final int[][] columns;
    private final double[] alphabet;
    private final int rows;
    private final int clusterSize;

    private SymbolTable(int[][] columns, double[] alphabet, int rows, int clusterSize) {
        this.columns = columns;
        this.alphabet = alphabet;
        this.rows = rows;
        this.clusterSize = clusterSize;
    }

    /**
     * Samples given row by row, {@code samples[row][column]}; each column's alphabet size is the number of
     * distinct values seen in it. Not modified.
     */
    public static SymbolTable ofRows(long[][] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int width = samples[0].length;
        long[][] cols = new long[width][samples.length];
        for (int r = 0; r < samples.length; r++) {
            if (samples[r].length != width) {
                throw new IllegalArgumentException("row " + r + " has " + samples[r].length + " columns, expected "
                        + width);
            }
            for (int c = 0; c < width; c++) {
                cols[c][r] = samples[r][c];
            }
        }
        return ofColumns(cols, null, 1);
    }

    /**
     * Samples given column by column, {@code columns[column][row]}. Not modified.
     *
     * @param alphabetSizes declared number of possible values per column (used by NSB), or null to use the
     *                      number of distinct values seen
     * @param clusterSize   number of consecutive rows that form one independent unit (1 for iid rows); the
     *                      row count must be a multiple of it
     */
    public static SymbolTable ofColumns(long[][] columns, double[] alphabetSizes, int clusterSize) {
        if (columns.length == 0 || columns[0].length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int rows = columns[0].length;
        if (clusterSize < 1 || rows % clusterSize != 0) {
            throw new IllegalArgumentException("row count " + rows + " is not a multiple of cluster size "
                    + clusterSize);
        }
        if (alphabetSizes != null && alphabetSizes.length != columns.length) {
            throw new IllegalArgumentException("alphabet sizes given for " + alphabetSizes.length + " of "
                    + columns.length + " columns");
        }
        int[][] dense = new int[columns.length][];
        double[] alphabet = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != rows) {
                throw new IllegalArgumentException("column " + c + " has " + columns[c].length + " rows, expected "
                        + rows);
            }
            long[] distinct = distinctSorted(columns[c]);
            dense[c] = new int[rows];
            for (int r = 0; r < rows; r++) {
                dense[c][r] = Arrays.binarySearch(distinct, columns[c][r]);
            }
            alphabet[c] = alphabetSizes == null ? distinct.length : Math.max(alphabetSizes[c], distinct.length);
        }
        return new SymbolTable(dense, alphabet, rows, clusterSize);
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return columns.length;
    }

    public int clusterSize() {
        return clusterSize;
    }

    /** Alphabet size of a column (declared, or the number of distinct values seen). */
    public double alphabetSize(int column) {
        return alphabet[column];
    }

    /**
     * The joint symbol of a set of columns: a fresh array of dense labels 0 … K<sub>obs</sub>−1, one per row
     * (K<sub>obs</sub> = number of distinct joint values observed, returned as the array's maximum + 1). An empty
     * set gives all zeros.
     */
    public int[] jointLabels(int[] columnSet) {
        int[] label = new int[rows];
        long[] key = new long[rows];
        for (int c : columnSet) {
            checkColumn(c);
            int[] col = columns[c];
            for (int r = 0; r < rows; r++) {
                // label and col are both dense labels below rows ≤ 2^31, so the key cannot overflow a long
                key[r] = (long) label[r] * rows + col[r];
            }
            long[] distinct = distinctSorted(key);
            for (int r = 0; r < rows; r++) {
                label[r] = Arrays.binarySearch(distinct, key[r]);
            }
        }
        return label;
    }

    /** The product of the alphabet sizes of a set of columns (the K NSB needs for their joint symbol). */
    public double jointAlphabetSize(int[] columnSet) {
        double k = 1;
        for (int c : columnSet) {
            checkColumn(c);
            k *= alphabet[c];
        }
        return k;
    }

    private void checkColumn(int c) {
        if (c < 0 || c >= columns.length) {
            throw new IllegalArgumentException("column " + c + " out of range: the samples have " + columns.length
                    + " columns");
        }
    }

    static long[] distinctSorted(long[] values) {
        long[] sorted = Arrays.copyOf(values, values.length);
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }
}
