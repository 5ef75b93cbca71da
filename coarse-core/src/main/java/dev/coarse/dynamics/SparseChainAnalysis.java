package dev.coarse.dynamics;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link ChainAnalysis} and {@link Lumping} compute, for a {@link SparseMarkovChain}, in time proportional to
 * the number of nonzeros: reachability (irreducibility), the stationary law by power iteration, the entropy rate,
 * the one-step predictive information, and the information loss of a partition. Spectra (relaxation times) need a
 * dense chain.
 */
public final class SparseChainAnalysis {

    /** Convergence threshold of {@link #stationary}: ‖πP − π‖₁ below this stops the iteration. */
    public static final double STATIONARY_TOLERANCE = 1e-13;
    /** Most power-iteration steps {@link #stationary} takes before it reports non-convergence. */
    public static final int MAX_ITERATIONS = 1_000_000;

    private SparseChainAnalysis() {
    }

    /**
     * A state that cannot be reached from state 0, or from which state 0 cannot be reached (then the chain is
     * reducible), as a sentence; null when the chain is irreducible. Two breadth-first searches, O(n + nnz).
     */
    public static String reducibilityWitness(SparseMarkovChain chain) {
        int n = chain.size();
        int[] reverseStart = new int[n + 1];
        for (int k = 0; k < chain.nonzeros(); k++) {
            if (chain.value(k) > 0) {
                reverseStart[chain.column(k) + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            reverseStart[i + 1] += reverseStart[i];
        }
        int[] fill = Arrays.copyOf(reverseStart, n);
        int[] reverse = new int[reverseStart[n]];
        for (int i = 0; i < n; i++) {
            for (int k = chain.rowStart(i); k < chain.rowStart(i + 1); k++) {
                if (chain.value(k) > 0) {
                    reverse[fill[chain.column(k)]++] = i;
                }
            }
        }
        int forwardMiss = firstUnreached(n, i -> {
            int[] out = new int[chain.rowStart(i + 1) - chain.rowStart(i)];
            int c = 0;
            for (int k = chain.rowStart(i); k < chain.rowStart(i + 1); k++) {
                if (chain.value(k) > 0) {
                    out[c++] = chain.column(k);
                }
            }
            return Arrays.copyOf(out, c);
        });
        if (forwardMiss >= 0) {
            return "state " + forwardMiss + " cannot be reached from state 0";
        }
        int backwardMiss = firstUnreached(n, i -> Arrays.copyOfRange(reverse, reverseStart[i], reverseStart[i + 1]));
        if (backwardMiss >= 0) {
            return "state 0 cannot be reached from state " + backwardMiss;
        }
        return null;
    }

    private static int firstUnreached(int n, java.util.function.IntFunction<int[]> neighbours) {
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[0] = true;
        queue.add(0);
        while (!queue.isEmpty()) {
            for (int j : neighbours.apply(queue.poll())) {
                if (!seen[j]) {
                    seen[j] = true;
                    queue.add(j);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The stationary law and how it was reached.
     *
     * @param pi         the law (sums to 1)
     * @param iterations power-iteration steps taken
     * @param residual   ‖πP − π‖₁ at the end
     * @param converged  whether the residual fell below {@link #STATIONARY_TOLERANCE}
     */
    public record Stationary(double[] pi, int iterations, double residual, boolean converged) {
        public Stationary {
            pi = pi.clone();
        }

        @Override
        public double[] pi() {
            return pi.clone();
        }
    }

    /**
     * The stationary law of an irreducible chain by power iteration on the lazy chain (I + P)/2, which has the same
     * stationary law and is aperiodic, from the uniform law, until ‖πP − π‖₁ &lt; {@link #STATIONARY_TOLERANCE} or
     * {@code maxIterations} steps. Each step costs O(nnz); a chain with relaxation time t needs about t·ln(1/tol)
     * steps.
     */
    public static Stationary stationary(SparseMarkovChain chain, int maxIterations) {
        int n = chain.size();
        double[] pi = new double[n];
        Arrays.fill(pi, 1.0 / n);
        double[] next = new double[n];
        double residual = Double.POSITIVE_INFINITY;
        int iteration = 0;
        while (iteration < maxIterations) {
            Arrays.fill(next, 0);
            for (int i = 0; i < n; i++) {
                double p = pi[i];
                for (int k = chain.rowStart(i); k < chain.rowStart(i + 1); k++) {
                    next[chain.column(k)] += p * chain.value(k);
                }
            }
            residual = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                residual += Math.abs(next[i] - pi[i]);
                next[i] = 0.5 * (next[i] + pi[i]);
                sum += next[i];
            }
            for (int i = 0; i < n; i++) {
                pi[i] = next[i] / sum;
            }
            iteration++;
            if (residual < STATIONARY_TOLERANCE) {
                break;
            }
        }
        return new Stationary(pi, iteration, residual, residual < STATIONARY_TOLERANCE);
    }

    /** Entropy rate −Σ<sub>i</sub>π<sub>i</sub>Σ<sub>j</sub>P<sub>ij</sub> ln P<sub>ij</sub> in nats per step. */
    public static double entropyRate(SparseMarkovChain chain, double[] pi) {
        double h = 0;
        for (int i = 0; i < chain.size(); i++) {
            double row = 0;
            for (int k = chain.rowStart(i); k < chain.rowStart(i + 1); k++) {
                double p = chain.value(k);
                if (p > 0) {
                    row -= p * Math.log(p);
                }
            }
            h += pi[i] * row;
        }
        return h;
    }

    /** One-step predictive information I(X<sub>t</sub>; X<sub>t+1</sub>) = Σ π<sub>i</sub>P<sub>ij</sub> ln(P<sub>ij</sub>/π<sub>j</sub>). */
    public static double predictiveInformation(SparseMarkovChain chain, double[] pi) {
        double info = 0;
        for (int i = 0; i < chain.size(); i++) {
            for (int k = chain.rowStart(i); k < chain.rowStart(i + 1); k++) {
                double p = chain.value(k);
                int j = chain.column(k);
                if (p > 0 && pi[i] > 0) {
                    info += pi[i] * p * Math.log(p / pi[j]);
                }
            }
        }
        return info;
    }

    /**
     * A partition's figures on a sparse chain.
     *
     * @param informationLoss        L(φ) = I(X<sub>t</sub>; Y<sub>t+1</sub> | Y<sub>t</sub>) ({@link Lumping}), nats per step
     * @param lumpabilityDeviation   the largest difference between two lumped rows of one block
     * @param exactlyLumpable        deviation ≤ {@link Lumping#LUMPABILITY_TOLERANCE}
     */
    public record Evaluation(double informationLoss, double lumpabilityDeviation, boolean exactlyLumpable) {
    }

    /**
     * L(φ) = Σ<sub>i</sub>π<sub>i</sub>Σ<sub>l</sub>G(R<sub>il</sub>) − Σ<sub>cl</sub>G(F<sub>cl</sub>) +
     * Σ<sub>c</sub>G(π̃<sub>c</sub>), G(x) = x ln x, from each row's lumped probabilities (O(nnz log d)), and the
     * lumpability deviation (each block's first state's lumped row as reference).
     */
    public static Evaluation evaluate(SparseMarkovChain chain, double[] pi, Partition partition) {
        int n = chain.size();
        if (partition.size() != n) {
            throw new IllegalArgumentException("the partition covers " + partition.size() + " states, the chain has "
                    + n);
        }
        int[] block = partition.blocks();
        int k = partition.blockCount();
        double[] weight = new double[k];
        Map<Long, Double> flow = new HashMap<>();
        @SuppressWarnings("unchecked")
        Map<Integer, Double>[] reference = new Map[k];
        double a = 0;
        double deviation = 0;
        for (int i = 0; i < n; i++) {
            Map<Integer, Double> lumped = new HashMap<>();
            for (int e = chain.rowStart(i); e < chain.rowStart(i + 1); e++) {
                lumped.merge(block[chain.column(e)], chain.value(e), Double::sum);
            }
            int c = block[i];
            weight[c] += pi[i];
            for (Map.Entry<Integer, Double> entry : lumped.entrySet()) {
                double r = entry.getValue();
                if (r > 0) {
                    a += pi[i] * r * Math.log(r);
                }
                flow.merge(((long) c << 32) | entry.getKey(), pi[i] * r, Double::sum);
            }
            if (reference[c] == null) {
                reference[c] = lumped;
            } else {
                Map<Integer, Double> ref = reference[c];
                for (Map.Entry<Integer, Double> entry : lumped.entrySet()) {
                    deviation = Math.max(deviation, Math.abs(entry.getValue() - ref.getOrDefault(entry.getKey(), 0.0)));
                }
                for (Map.Entry<Integer, Double> entry : ref.entrySet()) {
                    if (!lumped.containsKey(entry.getKey())) {
                        deviation = Math.max(deviation, Math.abs(entry.getValue()));
                    }
                }
            }
        }
        double loss = a;
        for (double f : flow.values()) {
            if (f > 0) {
                loss -= f * Math.log(f);
            }
        }
        for (double w : weight) {
            if (w > 0) {
                loss += w * Math.log(w);
            }
        }
        return new Evaluation(Math.max(0, loss), deviation, deviation <= Lumping.LUMPABILITY_TOLERANCE);
    }
}
