package dev.coarse.dynamics;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A finite, time-homogeneous Markov chain given by a dense row-stochastic transition matrix P (P[i][j] = probability
 * of the step i → j). A continuous-time chain is held as its <em>uniformised</em> chain P = I + Q/Λ, with Λ the
 * largest exit rate max<sub>i</sub> |Q<sub>ii</sub>| ({@link #fromRates}): it has the same stationary law and the same
 * lumpable partitions as the rate matrix Q, and its eigenvalues λ map to the rate eigenvalues Λ(λ − 1).
 *
 * <p>Immutable: the constructor copies the matrix. Validation: every entry finite and ≥ 0, every row summing to 1
 * within {@link #ROW_SUM_TOLERANCE}; a failure names the row. Irreducibility is reported, not required
 * ({@link #irreducible()}, {@link #reducibilityWitness()}): analyses that need a unique stationary law check it.
 */
public final class MarkovChain {

    /** How far a row of P may sum from 1 (or a row of Q from 0), absolute. */
    public static final double ROW_SUM_TOLERANCE = 1e-12;

    private final double[][] transitions;
    private final double uniformisationRate;
    private final String reducibilityWitness;

    private MarkovChain(double[][] transitions, double uniformisationRate) {
        this.transitions = transitions;
        this.uniformisationRate = uniformisationRate;
        this.reducibilityWitness = findReducibility(transitions);
    }

    /** A discrete-time chain with transition matrix {@code p} (copied; validated). */
    public static MarkovChain ofTransitions(double[][] p) {
        double[][] copy = squareCopy(p, "transition matrix");
        for (int i = 0; i < copy.length; i++) {
            double sum = 0;
            for (int j = 0; j < copy.length; j++) {
                double v = copy[i][j];
                if (!Double.isFinite(v) || v < 0) {
                    throw new IllegalArgumentException("row " + i + " of the transition matrix has entry " + v
                            + " in column " + j + " (entries must be finite and >= 0)");
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                throw new IllegalArgumentException("row " + i + " of the transition matrix sums to " + sum
                        + ", not 1 (tolerance " + ROW_SUM_TOLERANCE + ")");
            }
        }
        return new MarkovChain(copy, Double.NaN);
    }

    /**
     * A continuous-time chain with rate matrix {@code q} (off-diagonal rates ≥ 0, rows summing to 0), held as its
     * uniformised chain P = I + Q/Λ, Λ = max<sub>i</sub> |Q<sub>ii</sub>|.
     */
    public static MarkovChain fromRates(double[][] q) {
        double[][] copy = squareCopy(q, "rate matrix");
        int n = copy.length;
        double rate = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double v = copy[i][j];
                if (!Double.isFinite(v) || (i != j && v < 0)) {
                    throw new IllegalArgumentException("row " + i + " of the rate matrix has entry " + v
                            + " in column " + j + " (off-diagonal rates must be finite and >= 0)");
                }
                sum += v;
            }
            if (Math.abs(sum) > ROW_SUM_TOLERANCE) {
                throw new IllegalArgumentException("row " + i + " of the rate matrix sums to " + sum
                        + ", not 0 (tolerance " + ROW_SUM_TOLERANCE + ")");
            }
            rate = Math.max(rate, -copy[i][i]);
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("the rate matrix has no positive rate");
        }
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            double off = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    p[i][j] = copy[i][j] / rate;
                    off += p[i][j];
                }
            }
            // The diagonal is 1 − (off-diagonal sum), so rows of P sum to 1 to rounding.
            p[i][i] = Math.max(0, 1 - off);
        }
        return new MarkovChain(p, rate);
    }

    /** This (validated, uniformised) transition matrix as the continuous-time chain of uniformisation rate Λ. */
    MarkovChain withUniformisationRate(double rate) {
        return new MarkovChain(transitions, rate);
    }

    private static double[][] squareCopy(double[][] m, String what) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        int n = m.length;
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (m[i] == null || m[i].length != n) {
                throw new IllegalArgumentException("row " + i + " of the " + what + " has "
                        + (m[i] == null ? 0 : m[i].length) + " entries, expected " + n + " (the matrix must be square)");
            }
            copy[i] = m[i].clone();
        }
        return copy;
    }

    /** Number of states. */
    public int size() {
        return transitions.length;
    }

    /** P[i][j]. */
    public double transition(int i, int j) {
        return transitions[i][j];
    }

    /** A copy of row i of P. */
    public double[] row(int i) {
        return transitions[i].clone();
    }

    /** A copy of P. */
    public double[][] transitions() {
        double[][] copy = new double[transitions.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = transitions[i].clone();
        }
        return copy;
    }

    /** Whether this chain came from a rate matrix (then P is its uniformised chain). */
    public boolean continuousTime() {
        return !Double.isNaN(uniformisationRate);
    }

    /** Λ of P = I + Q/Λ for a continuous-time chain; NaN for a discrete-time one. */
    public double uniformisationRate() {
        return uniformisationRate;
    }

    /** Whether every state reaches every other one. */
    public boolean irreducible() {
        return reducibilityWitness == null;
    }

    /** For a reducible chain, a sentence naming two states one of which cannot reach the other; null otherwise. */
    public String reducibilityWitness() {
        return reducibilityWitness;
    }

    /** Throws naming the witness unless the chain is irreducible. */
    public void requireIrreducible(String purpose) {
        if (reducibilityWitness != null) {
            throw new IllegalArgumentException(purpose + " needs an irreducible chain: " + reducibilityWitness);
        }
    }

    /** Breadth-first search from state 0 forwards and backwards: irreducible iff both reach every state. */
    private static String findReducibility(double[][] p) {
        int n = p.length;
        int forward = unreached(p, false);
        if (forward >= 0) {
            return "state " + forward + " cannot be reached from state 0";
        }
        int backward = unreached(p, true);
        if (backward >= 0) {
            return "state 0 cannot be reached from state " + backward;
        }
        return n > 0 ? null : "empty chain";
    }

    private static int unreached(double[][] p, boolean reverse) {
        int n = p.length;
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[0] = true;
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int t = 0; t < n; t++) {
                double w = reverse ? p[t][s] : p[s][t];
                if (w > 0 && !seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        for (int t = 0; t < n; t++) {
            if (!seen[t]) {
                return t;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarkovChain m && Arrays.deepEquals(transitions, m.transitions)
                && Double.compare(uniformisationRate, m.uniformisationRate) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(transitions) * 31 + Double.hashCode(uniformisationRate);
    }

    @Override
    public String toString() {
        return (continuousTime() ? "CTMC (uniformised, rate " + uniformisationRate + ")" : "Markov chain") + " on "
                + size() + " states";
    }
}
