package dev.coarse.dynamics;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A discrete-time Markov chain stored by rows in compressed sparse form (CSR): the nonzero transition probabilities
 * of row i are {@code value[rowStart[i] … rowStart[i+1])} at columns {@code column[…]}. For chains too large to hold
 * densely (10⁵ states and more); validated like {@link MarkovChain}: entries finite and ≥ 0, each row summing to 1
 * within {@link MarkovChain#ROW_SUM_TOLERANCE}. Immutable.
 */
public final class SparseMarkovChain {

    private final int[] rowStart;
    private final int[] column;
    private final double[] value;
    private final double uniformisationRate;

    private SparseMarkovChain(int[] rowStart, int[] column, double[] value, double uniformisationRate) {
        this.rowStart = rowStart;
        this.column = column;
        this.value = value;
        this.uniformisationRate = uniformisationRate;
    }

    /**
     * Builds a chain from triplets (i, j, P<sub>ij</sub>); repeated (i, j) pairs are added up.
     *
     * @throws IllegalArgumentException naming the first bad entry or row
     */
    public static SparseMarkovChain ofTriplets(int states, int[] rows, int[] columns, double[] values) {
        if (states < 1) {
            throw new IllegalArgumentException("a chain needs at least one state, got " + states);
        }
        if (rows.length != columns.length || rows.length != values.length) {
            throw new IllegalArgumentException("rows, columns and values must have equal lengths");
        }
        int[] count = new int[states + 1];
        for (int e = 0; e < rows.length; e++) {
            if (rows[e] < 0 || rows[e] >= states || columns[e] < 0 || columns[e] >= states) {
                throw new IllegalArgumentException("row " + rows[e] + ", column " + columns[e] + " (entry " + (e + 1)
                        + "): state outside 0 … " + (states - 1));
            }
            if (!(values[e] >= 0) || !Double.isFinite(values[e])) {
                throw new IllegalArgumentException("row " + rows[e] + ", column " + columns[e] + " (entry " + (e + 1)
                        + ") is " + values[e] + ": transition probabilities must be finite and >= 0");
            }
            count[rows[e] + 1]++;
        }
        for (int i = 0; i < states; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, states);
        int[] col = new int[rows.length];
        double[] val = new double[rows.length];
        for (int e = 0; e < rows.length; e++) {
            int at = fill[rows[e]]++;
            col[at] = columns[e];
            val[at] = values[e];
        }
        // sort each row by column and merge duplicates
        int[] start = new int[states + 1];
        int out = 0;
        for (int i = 0; i < states; i++) {
            int from = count[i];
            int to = count[i + 1];
            long[] keyed = new long[to - from];
            for (int k = from; k < to; k++) {
                keyed[k - from] = ((long) col[k] << 32) | (k - from);
            }
            Arrays.sort(keyed);
            int[] rowCol = new int[keyed.length];
            double[] rowVal = new double[keyed.length];
            for (int k = 0; k < keyed.length; k++) {
                rowCol[k] = (int) (keyed[k] >>> 32);
                rowVal[k] = val[from + (int) keyed[k]];
            }
            start[i] = out;
            double sum = 0;
            for (int k = 0; k < keyed.length; k++) {
                if (out > start[i] && col[out - 1] == rowCol[k]) {
                    val[out - 1] += rowVal[k];
                } else {
                    col[out] = rowCol[k];
                    val[out] = rowVal[k];
                    out++;
                }
                sum += rowVal[k];
            }
            if (Math.abs(sum - 1) > MarkovChain.ROW_SUM_TOLERANCE) {
                throw new IllegalArgumentException("row " + i + " of the transition matrix sums to " + sum
                        + ", not 1 (tolerance " + MarkovChain.ROW_SUM_TOLERANCE + ")");
            }
        }
        start[states] = out;
        return new SparseMarkovChain(start, Arrays.copyOf(col, out), Arrays.copyOf(val, out), Double.NaN);
    }

    /**
     * A continuous-time chain from rate triplets (i, j, Q<sub>ij</sub>), held as its uniformised chain
     * P = I + Q/Λ, Λ = max<sub>i</sub> Σ<sub>j≠i</sub> Q<sub>ij</sub> (as {@link MarkovChain#fromRates}). Off-diagonal
     * rates must be finite and ≥ 0; diagonal entries may be left out (then Q<sub>ii</sub> = −Σ<sub>j≠i</sub>Q<sub>ij</sub>),
     * and where given the row must sum to 0 within {@link MarkovChain#ROW_SUM_TOLERANCE}.
     *
     * @throws IllegalArgumentException naming the first bad entry or row
     */
    public static SparseMarkovChain ofRateTriplets(int states, int[] rows, int[] columns, double[] values) {
        if (states < 1) {
            throw new IllegalArgumentException("a chain needs at least one state, got " + states);
        }
        double[] off = new double[states];
        double[] diagonal = new double[states];
        boolean[] hasDiagonal = new boolean[states];
        for (int e = 0; e < rows.length; e++) {
            if (rows[e] < 0 || rows[e] >= states || columns[e] < 0 || columns[e] >= states) {
                throw new IllegalArgumentException("row " + rows[e] + ", column " + columns[e] + " (entry " + (e + 1)
                        + "): state outside 0 … " + (states - 1));
            }
            boolean diag = rows[e] == columns[e];
            if (!Double.isFinite(values[e]) || (!diag && values[e] < 0)) {
                throw new IllegalArgumentException("row " + rows[e] + ", column " + columns[e] + " (entry " + (e + 1)
                        + ") is " + values[e] + ": off-diagonal rates must be finite and >= 0");
            }
            if (diag) {
                diagonal[rows[e]] += values[e];
                hasDiagonal[rows[e]] = true;
            } else {
                off[rows[e]] += values[e];
            }
        }
        double rate = 0;
        for (int i = 0; i < states; i++) {
            if (hasDiagonal[i] && Math.abs(off[i] + diagonal[i]) > MarkovChain.ROW_SUM_TOLERANCE) {
                throw new IllegalArgumentException("row " + i + " of the rate matrix sums to " + (off[i] + diagonal[i])
                        + ", not 0 (tolerance " + MarkovChain.ROW_SUM_TOLERANCE + ")");
            }
            rate = Math.max(rate, off[i]);
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("the rate matrix has no positive rate");
        }
        int m = 0;
        for (int e = 0; e < rows.length; e++) {
            if (rows[e] != columns[e]) {
                m++;
            }
        }
        int[] r = new int[m + states];
        int[] c = new int[m + states];
        double[] v = new double[m + states];
        double[] offP = new double[states];
        int k = 0;
        for (int e = 0; e < rows.length; e++) {
            if (rows[e] != columns[e]) {
                r[k] = rows[e];
                c[k] = columns[e];
                v[k] = values[e] / rate;
                offP[rows[e]] += v[k];
                k++;
            }
        }
        for (int i = 0; i < states; i++) {
            r[k] = i;
            c[k] = i;
            v[k] = Math.max(0, 1 - offP[i]);
            k++;
        }
        SparseMarkovChain p = ofTriplets(states, r, c, v);
        return new SparseMarkovChain(p.rowStart, p.column, p.value, rate);
    }

    /** {@link #ofRateTriplets} from a file of triplets "i j rate" (format of {@link #readTriplets}). */
    public static SparseMarkovChain readRateTriplets(Path file) throws IOException {
        TripletReader triplets = TripletReader.read(file, true);
        return ofRateTriplets(triplets.states(), triplets.rows(), triplets.columns(), triplets.values());
    }

    /** Whether the chain came from rates (then it is the uniformised chain). */
    public boolean continuousTime() {
        return !Double.isNaN(uniformisationRate);
    }

    /** Λ of the uniformisation P = I + Q/Λ (NaN for a discrete-time chain). */
    public double uniformisationRate() {
        return uniformisationRate;
    }

    /**
     * Reads triplets "i j p" (0-based states, whitespace or commas, {@code #} comments), one nonzero per line; the
     * number of states is one more than the largest index, or a first line "states N".
     */
    public static SparseMarkovChain readTriplets(Path file) throws IOException {
        TripletReader triplets = TripletReader.read(file, true);
        return ofTriplets(triplets.states(), triplets.rows(), triplets.columns(), triplets.values());
    }

    /**
     * The random walk on an undirected graph: from a vertex, to each neighbour with probability proportional to the
     * edge's weight (1 when not given). Edges "u v [w]", 0-based vertices, weights finite and > 0; every vertex up
     * to the largest index needs an edge. Stationary law ∝ weighted degree; reversible.
     */
    public static SparseMarkovChain randomWalk(int vertices, int[] from, int[] to, double[] weight) {
        double[] degree = new double[vertices];
        for (int e = 0; e < from.length; e++) {
            if (!(weight[e] > 0) || !Double.isFinite(weight[e])) {
                throw new IllegalArgumentException("edge " + (e + 1) + " (" + from[e] + ", " + to[e]
                        + ") has weight " + weight[e] + ": weights must be finite and > 0");
            }
            if (from[e] < 0 || to[e] < 0 || from[e] >= vertices || to[e] >= vertices) {
                throw new IllegalArgumentException("edge " + (e + 1) + " has a vertex outside 0 … " + (vertices - 1));
            }
            degree[from[e]] += weight[e];
            degree[to[e]] += weight[e];
        }
        for (int v = 0; v < vertices; v++) {
            if (degree[v] == 0) {
                throw new IllegalArgumentException("vertex " + v + " has no edge");
            }
        }
        int m = from.length;
        int[] rows = new int[2 * m];
        int[] cols = new int[2 * m];
        double[] vals = new double[2 * m];
        for (int e = 0; e < m; e++) {
            rows[2 * e] = from[e];
            cols[2 * e] = to[e];
            vals[2 * e] = weight[e] / degree[from[e]];
            rows[2 * e + 1] = to[e];
            cols[2 * e + 1] = from[e];
            vals[2 * e + 1] = weight[e] / degree[to[e]];
        }
        return ofTriplets(vertices, rows, cols, vals);
    }

    /** {@link #randomWalk(int, int[], int[], double[])} from an edge-list file "u v [w]". */
    public static SparseMarkovChain readEdgeList(Path file) throws IOException {
        TripletReader edges = TripletReader.read(file, false);
        return randomWalk(edges.states(), edges.rows(), edges.columns(), edges.values());
    }

    /** Number of states. */
    public int size() {
        return rowStart.length - 1;
    }

    /** Number of stored nonzeros. */
    public int nonzeros() {
        return column.length;
    }

    /** The chain as a dense {@link MarkovChain} (for small chains: n² doubles); continuous time is kept. */
    public MarkovChain toDense() {
        int n = size();
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                p[i][column[k]] += value[k];
            }
        }
        MarkovChain dense = MarkovChain.ofTransitions(p);
        return continuousTime() ? dense.withUniformisationRate(uniformisationRate) : dense;
    }

    int rowStart(int i) {
        return rowStart[i];
    }

    int column(int k) {
        return column[k];
    }

    double value(int k) {
        return value[k];
    }

    @Override
    public String toString() {
        return "sparse Markov chain, " + size() + " states, " + nonzeros() + " nonzeros";
    }

    /** Lines of "a b [x]" numbers; with {@code valueRequired} the third column must be there. */
    private record TripletReader(int states, int[] rows, int[] columns, double[] values) {

        static TripletReader read(Path file, boolean valueRequired) throws IOException {
            int declared = -1;
            int max = -1;
            int size = 0;
            int[] r = new int[1024];
            int[] c = new int[1024];
            double[] v = new double[1024];
            try (BufferedReader in = Files.newBufferedReader(file)) {
                String line;
                int lineNumber = 0;
                while ((line = in.readLine()) != null) {
                    lineNumber++;
                    int hash = line.indexOf('#');
                    String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
                    if (text.isEmpty()) {
                        continue;
                    }
                    String[] parts = tokens(text);
                    if (parts[0].equals("states")) {
                        if (parts.length != 2 || size > 0) {
                            throw new IllegalArgumentException(file + " line " + lineNumber
                                    + ": 'states N' must come first, alone on its line");
                        }
                        declared = parseInt(parts[1], file, lineNumber);
                        continue;
                    }
                    if (parts.length != 3 && (valueRequired || parts.length != 2)) {
                        throw new IllegalArgumentException(file + " line " + lineNumber + ": expected "
                                + (valueRequired ? "'i j p'" : "'u v' or 'u v w'") + ", got '" + text + "'");
                    }
                    if (size == r.length) {
                        r = Arrays.copyOf(r, 2 * size);
                        c = Arrays.copyOf(c, 2 * size);
                        v = Arrays.copyOf(v, 2 * size);
                    }
                    r[size] = parseInt(parts[0], file, lineNumber);
                    c[size] = parseInt(parts[1], file, lineNumber);
                    try {
                        v[size] = parts.length == 3 ? Double.parseDouble(parts[2]) : 1;
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + " line " + lineNumber + ": '" + parts[2]
                                + "' is not a number");
                    }
                    if (declared >= 0 && Math.max(r[size], c[size]) >= declared) {
                        throw new IllegalArgumentException(file + " line " + lineNumber + ": row " + r[size]
                                + ", column " + c[size] + ": state outside 0 … " + (declared - 1)
                                + " ('states " + declared + "')");
                    }
                    if (valueRequired && !(v[size] >= 0) && r[size] != c[size] || !Double.isFinite(v[size])) {
                        throw new IllegalArgumentException(file + " line " + lineNumber + ": row " + r[size]
                                + ", column " + c[size] + " is " + parts[2] + " (must be finite and >= 0)");
                    }
                    max = Math.max(max, Math.max(r[size], c[size]));
                    size++;
                }
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            if (size == 0) {
                throw new IllegalArgumentException(file + " has no entries");
            }
            int states = declared >= 0 ? declared : max + 1;
            return new TripletReader(states, Arrays.copyOf(r, size), Arrays.copyOf(c, size), Arrays.copyOf(v, size));
        }

        /** Splits at runs of whitespace and commas (a hand loop: a regex split per line dominated reading). */
        private static String[] tokens(String text) {
            String[] out = new String[4];
            int count = 0;
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && separator(text.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !separator(text.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, 2 * count);
                    }
                    out[count++] = text.substring(start, i);
                }
            }
            return Arrays.copyOf(out, count);
        }

        private static boolean separator(char c) {
            return c == ' ' || c == '\t' || c == ',';
        }

        private static int parseInt(String s, Path file, int line) {
            try {
                int value = Integer.parseInt(s);
                if (value < 0) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + line + ": '" + s
                        + "' is not a state index (a whole number >= 0)");
            }
        }
    }
}
