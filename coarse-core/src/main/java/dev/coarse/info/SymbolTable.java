package dev.coarse.info;

import dev.coarse.configuration.DiscreteConfigurations;
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
            dense[c] = new int[rows];
            int distinct = rank(columns[c], dense[c]);
            alphabet[c] = alphabetSizes == null ? distinct : Math.max(alphabetSizes[c], distinct);
        }
        return new SymbolTable(dense, alphabet, rows, clusterSize);
    }

    /**
     * One column per chosen value index of discrete configurations (sites, bonds, components: the flat layout of
     * {@link dev.coarse.configuration.DegreesOfFreedom}), one row per configuration; each column's declared alphabet is
     * the degrees of freedom's number of states (2 for spins and occupations, q for labels). Not modified.
     *
     * @throws IllegalArgumentException for an index outside the configurations or no configurations
     */
    public static SymbolTable ofValues(DiscreteConfigurations configurations, int[] indices) {
        int length = configurations.length();
        long[][] columns = new long[indices.length][configurations.size()];
        double[] alphabet = new double[indices.length];
        byte[][] values = configurations.values();
        for (int c = 0; c < indices.length; c++) {
            int index = indices[c];
            if (index < 0 || index >= length) {
                throw new IllegalArgumentException("value index " + index + " outside the configurations' 0.."
                        + (length - 1));
            }
            for (int r = 0; r < values.length; r++) {
                columns[c][r] = values[r][index];
            }
            alphabet[c] = configurations.degreesOfFreedom().states();
        }
        return ofColumns(columns, alphabet, 1);
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
            long radix = 0;
            for (int r = 0; r < rows; r++) {
                radix = Math.max(radix, col[r] + 1L);
            }
            for (int r = 0; r < rows; r++) {
                // label and col are both dense labels below rows ≤ 2^31, so the key cannot overflow a long;
                // keys order the rows by (label, col), so the new label ranks the pairs lexicographically
                key[r] = label[r] * radix + col[r];
            }
            rank(key, label);
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

    /** Largest value range that {@link #rank} counts in an array instead of sorting. */
    private static final long DENSE_RANGE = 1 << 24;

    /**
     * Writes into {@code ranks} (modified) the rank of each value among the distinct values, 0 for the
     * smallest — the index {@code Arrays.binarySearch(distinctSorted(values), v)} — and returns the number of
     * distinct values. {@code values} is not modified. Values spanning fewer than 2<sup>24</sup> (and at most
     * a few times as many as there are values) are ranked by counting, O(n + range); others by sorting.
     */
    static int rank(long[] values, int[] ranks) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long span = max - min;
        if (span >= 0 && span < DENSE_RANGE && span <= 4L * values.length + 1024) {
            int[] rankOf = new int[(int) span + 1];
            for (long v : values) {
                rankOf[(int) (v - min)] = 1;
            }
            int distinct = 0;
            for (int i = 0; i < rankOf.length; i++) {
                int present = rankOf[i];
                rankOf[i] = distinct;
                distinct += present;
            }
            for (int r = 0; r < values.length; r++) {
                ranks[r] = rankOf[(int) (values[r] - min)];
            }
            return distinct;
        }
        long[] distinct = distinctSorted(values);
        for (int r = 0; r < values.length; r++) {
            ranks[r] = Arrays.binarySearch(distinct, values[r]);
        }
        return distinct.length;
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
