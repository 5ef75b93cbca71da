package dev.coarse.learn.corex;

import java.util.Arrays;
import java.util.Objects;

/**
 * Discrete data for CorEx: {@code rows} samples of {@code columns} variables, variable i taking the symbols
 * 0 … alphabet[i] − 1, or {@link #MISSING}. Row-major: the value of sample r, variable i is
 * {@code values[r·columns + i]}. Immutable once built (the array is not copied; callers hand it over).
 *
 * @param rows     number of samples, ≥ 1
 * @param columns  number of variables, ≥ 1
 * @param values   row-major symbols, length rows·columns
 * @param alphabet symbols per variable, each in 1 … {@value #MAX_ALPHABET}
 */
public record SymbolMatrix(int rows, int columns, byte[] values, int[] alphabet) {

    /** The value of a missing entry. */
    public static final byte MISSING = -1;
    /** The largest alphabet of one variable. */
    public static final int MAX_ALPHABET = 64;

    public SymbolMatrix {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(alphabet, "alphabet");
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("need at least one sample and one variable, got " + rows + " × "
                    + columns);
        }
        if ((long) rows * columns != values.length || alphabet.length != columns) {
            throw new IllegalArgumentException("values hold " + values.length + " entries and alphabet "
                    + alphabet.length + " sizes for " + rows + " × " + columns);
        }
        for (int i = 0; i < columns; i++) {
            if (alphabet[i] < 1 || alphabet[i] > MAX_ALPHABET) {
                throw new IllegalArgumentException("variable " + i + ": alphabet " + alphabet[i] + " not in 1.."
                        + MAX_ALPHABET);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < columns; i++) {
                byte v = values[r * columns + i];
                if (v != MISSING && (v < 0 || v >= alphabet[i])) {
                    throw new IllegalArgumentException("row " + r + ", column " + i + ": symbol " + v
                            + " outside 0.." + (alphabet[i] - 1));
                }
            }
        }
    }

    /** The value of sample r, variable i. */
    public int value(int r, int i) {
        return values[r * columns + i];
    }

    /** The largest alphabet. */
    public int maxAlphabet() {
        return Arrays.stream(alphabet).max().orElseThrow();
    }

    /**
     * Integer-valued data, 0 … max in each column (−1 missing): the alphabet of a column is its largest value + 1.
     *
     * @param data data[r][i], every row of the same length
     */
    public static SymbolMatrix ofSymbols(int[][] data) {
        int rows = data.length;
        int columns = rows == 0 ? 0 : data[0].length;
        byte[] values = new byte[rows * columns];
        int[] alphabet = new int[columns];
        Arrays.fill(alphabet, 1);
        for (int r = 0; r < rows; r++) {
            if (data[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + data[r].length + " values, row 0 has "
                        + columns);
            }
            for (int i = 0; i < columns; i++) {
                int v = data[r][i];
                if (v < -1 || v >= MAX_ALPHABET) {
                    throw new IllegalArgumentException("row " + r + ", column " + i + ": symbol " + v
                            + " not in -1.." + (MAX_ALPHABET - 1));
                }
                values[r * columns + i] = (byte) v;
                alphabet[i] = Math.max(alphabet[i], v + 1);
            }
        }
        return new SymbolMatrix(rows, columns, values, alphabet);
    }

    /**
     * Numeric columns as symbols: a column with at most {@code maxStates} distinct values keeps them (ranked, the
     * smallest becomes 0); one with more is cut at its empirical quantiles into {@code maxStates} bins of about equal
     * counts. NaN is a missing value.
     *
     * @param columns columns[i][r], every column of the same length
     * @throws IllegalArgumentException if a column is constant (it carries no information: CorEx cannot use it) or
     *                                  entirely missing, naming the column
     */
    public static SymbolMatrix discretise(double[][] columns, int maxStates) {
        if (maxStates < 2 || maxStates > MAX_ALPHABET) {
            throw new IllegalArgumentException("maxStates must be in 2.." + MAX_ALPHABET + ", got " + maxStates);
        }
        int p = columns.length;
        if (p == 0) {
            throw new IllegalArgumentException("no columns");
        }
        int n = columns[0].length;
        byte[] values = new byte[n * p];
        int[] alphabet = new int[p];
        for (int i = 0; i < p; i++) {
            double[] c = columns[i];
            if (c.length != n) {
                throw new IllegalArgumentException("column " + i + " has " + c.length + " rows, column 0 has " + n);
            }
            double[] present = Arrays.stream(c).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (present.length == 0) {
                throw new IllegalArgumentException("column " + i + " has no values");
            }
            double[] distinct = Arrays.stream(present).distinct().toArray();
            if (distinct.length == 1) {
                throw new IllegalArgumentException("column " + i + " is constant (every value " + distinct[0]
                        + "): it carries no information");
            }
            double[] cuts;
            if (distinct.length <= maxStates) {
                cuts = Arrays.copyOfRange(distinct, 1, distinct.length);
            } else {
                // cut points at the q/maxStates quantiles, duplicates dropped (ties keep equal values together)
                cuts = new double[maxStates - 1];
                for (int q = 1; q < maxStates; q++) {
                    cuts[q - 1] = present[(int) ((long) q * present.length / maxStates)];
                }
                cuts = Arrays.stream(cuts).distinct().filter(v -> v > present[0]).toArray();
            }
            alphabet[i] = cuts.length + 1;
            for (int r = 0; r < n; r++) {
                double v = c[r];
                if (Double.isNaN(v)) {
                    values[r * p + i] = MISSING;
                } else {
                    int pos = Arrays.binarySearch(cuts, v);
                    values[r * p + i] = (byte) (pos >= 0 ? pos + 1 : -pos - 1);
                }
            }
        }
        return new SymbolMatrix(n, p, values, alphabet);
    }
}
