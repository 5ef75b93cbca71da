package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import dev.coarse.stats.Estimate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Maximum pseudo-likelihood fit of couplings (Besag 1975; SCIENCE.md §4).
 *
 * <p>With −βH = Σ<sub>α</sub> K<sub>α</sub> S<sub>α</sub> and every S<sub>α</sub> multilinear, the conditional of
 * one spin is P(s<sub>i</sub> | rest) = e<sup>s<sub>i</sub>h<sub>i</sub></sup> / (2 cosh h<sub>i</sub>) with
 * local field h<sub>i</sub> = Σ<sub>α</sub> K<sub>α</sub> ∂S<sub>α</sub>/∂s<sub>i</sub> — no factor ½: flipping
 * s<sub>i</sub> changes Σ K<sub>α</sub>S<sub>α</sub> by −2s<sub>i</sub>h<sub>i</sub>, and the ratio of the two
 * conditionals is e<sup>2s<sub>i</sub>h<sub>i</sub></sup>. (For the NN operator, which counts each bond once,
 * h<sub>i</sub> = K Σ<sub>j∼i</sub> s<sub>j</sub>, the familiar heat-bath field.) The objective
 * ℓ(K) = Σ<sub>samples</sub> Σ<sub>i</sub> [s<sub>i</sub>h<sub>i</sub> − ln 2cosh h<sub>i</sub>] is concave in K;
 * gradient Σ d<sub>iα</sub>(s<sub>i</sub> − tanh h<sub>i</sub>), Hessian −Σ d<sub>iα</sub>d<sub>iβ</sub>(1 − tanh² h<sub>i</sub>)
 * with d<sub>iα</sub> = ∂S<sub>α</sub>/∂s<sub>i</sub>. Maximised by Newton's method with step halving from K = 0.
 *
 * <p>Errors: jackknife over B contiguous blocks of samples. Each leave-one-block-out estimate is one Newton step
 * from the full-data maximum, using the per-block gradients and Hessians accumulated in the same pass; since
 * the leave-one-out maxima lie O(1/√n) from the full one, the step's error is second order (negligible against
 * the jackknife spread).
 *
 * <p>Cost: the data are first reduced to the distinct (block, s<sub>i</sub>, ∂S/∂s<sub>i</sub>) patterns with their
 * counts (one O(samples · N) pass); every Newton pass is then O(#patterns).
 */
public final class PseudoLikelihood {

    /** Default number of jackknife blocks. */
    public static final int DEFAULT_BLOCKS = 20;
    private static final int MAX_ITERATIONS = 100;
    private static final double STEP_TOLERANCE = 1e-12;

    private PseudoLikelihood() {
    }

    /** {@link #fit(byte[][], Lattice, OperatorSet, int)} with {@link #DEFAULT_BLOCKS} blocks. */
    public static Couplings fit(byte[][] configurations, Lattice lattice, OperatorSet operators) {
        return fit(configurations, lattice, operators, Math.min(DEFAULT_BLOCKS, configurations.length));
    }

    /**
     * Fits K<sub>α</sub> for every operator. Not modified: {@code configurations}.
     *
     * @param blocks jackknife blocks, 2 ≤ blocks ≤ number of configurations
     * @throws IllegalArgumentException for an empty ensemble, bad block count, or operators that are linearly
     *                                  dependent on these data (singular Hessian)
     */
    public static Couplings fit(byte[][] configurations, Lattice lattice, OperatorSet operators, int blocks) {
        int n = configurations.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit couplings to an empty ensemble");
        }
        if (blocks < 2 || blocks > n) {
            throw new IllegalArgumentException("jackknife needs 2 ≤ blocks ≤ samples = " + n + ", got " + blocks);
        }
        int m = operators.size();
        Patterns patterns = Patterns.build(configurations, lattice, operators, blocks);
        double[] k = new double[m];
        Pass pass = new Pass(m, 1);
        pass.run(patterns, k);
        double current = pass.objective;
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            double[] step = newtonStep(pass.hessian[0], pass.gradient[0], operators);
            double scale = 1;
            double[] trial = new double[m];
            Pass next = new Pass(m, 1);
            while (true) {
                for (int a = 0; a < m; a++) {
                    trial[a] = k[a] + scale * step[a];
                }
                next.run(patterns, trial);
                if (next.objective >= current - 1e-12 * Math.abs(current) || scale < 1e-6) {
                    break;
                }
                scale /= 2;
            }
            double maxStep = 0;
            for (int a = 0; a < m; a++) {
                maxStep = Math.max(maxStep, Math.abs(trial[a] - k[a]));
            }
            System.arraycopy(trial, 0, k, 0, m);
            pass = next;
            current = next.objective;
            if (maxStep < STEP_TOLERANCE) {
                break;
            }
        }
        Pass perBlock = new Pass(m, blocks);
        perBlock.run(patterns, k);
        double[][] replicas = new double[blocks][];
        for (int b = 0; b < blocks; b++) {
            double[][] h = new double[m][m];
            double[] g = new double[m];
            for (int other = 0; other < blocks; other++) {
                if (other == b) {
                    continue;
                }
                for (int a = 0; a < m; a++) {
                    g[a] += perBlock.gradient[other][a];
                    for (int c = 0; c < m; c++) {
                        h[a][c] += perBlock.hessian[other][a * m + c];
                    }
                }
            }
            double[] flat = new double[m * m];
            for (int a = 0; a < m; a++) {
                System.arraycopy(h[a], 0, flat, a * m, m);
            }
            double[] step = newtonStep(flat, g, operators);
            replicas[b] = new double[m];
            for (int a = 0; a < m; a++) {
                replicas[b][a] = k[a] + step[a];
            }
        }
        Map<String, Estimate> out = new LinkedHashMap<>();
        for (int a = 0; a < m; a++) {
            double mean = 0;
            for (double[] r : replicas) {
                mean += r[a];
            }
            mean /= blocks;
            double var = 0;
            for (double[] r : replicas) {
                var += (r[a] - mean) * (r[a] - mean);
            }
            var *= (blocks - 1.0) / blocks;
            out.put(operators.operator(a).name(), Estimate.of(k[a], Math.sqrt(var)));
        }
        return new Couplings(out, n, blocks, current / ((double) n * lattice.siteCount()), iterations);
    }

    /** Solves (−H) Δ = g for the Newton step Δ; −H is positive definite unless operators are dependent. */
    private static double[] newtonStep(double[] hessian, double[] gradient, OperatorSet operators) {
        int m = gradient.length;
        DMatrixRMaj negH = new DMatrixRMaj(m, m);
        for (int i = 0; i < m * m; i++) {
            negH.data[i] = -hessian[i];
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(m);
        if (!solver.setA(negH) || solver.quality() < 1e-13) {
            throw new IllegalArgumentException("operators " + operators + " are linearly dependent on these data "
                    + "(singular pseudo-likelihood Hessian); drop one of them");
        }
        DMatrixRMaj x = new DMatrixRMaj(m, 1);
        solver.solve(new DMatrixRMaj(m, 1, true, gradient), x);
        return x.data.clone();
    }

    /**
     * The data reduced to sufficient statistics: every distinct (jackknife block, s<sub>i</sub>, ∂S/∂s<sub>i</sub>
     * vector) with its multiplicity. Each Newton pass then costs O(#patterns) instead of O(samples · N): with a
     * few operators the local environment takes few distinct values (for NN in 2D, d ∈ {−4, …, 4}).
     *
     * @param block  jackknife block of each pattern
     * @param spin   s<sub>i</sub> of each pattern
     * @param d      flat {@code [pattern * m + α]} local derivatives
     * @param count  multiplicity of each pattern
     */
    private record Patterns(int m, int[] block, byte[] spin, double[] d, double[] count, int size) {

        /** Derivatives are integers (sums of ±1 products); the key packs α's value + 128 into 8 bits each. */
        private static final int BITS = 8;
        private static final int MAX_PACKED_OPERATORS = 7;

        static Patterns build(byte[][] configurations, Lattice lattice, OperatorSet operators, int blocks) {
            int m = operators.size();
            int n = configurations.length;
            Builder out = new Builder(m);
            LongIntMap index = new LongIntMap();
            double[] d = new double[m];
            int currentBlock = -1;
            for (int sample = 0; sample < n; sample++) {
                byte[] s = configurations[sample];
                if (s.length != lattice.siteCount()) {
                    throw new IllegalArgumentException("configuration " + sample + " has " + s.length
                            + " sites, lattice " + lattice + " has " + lattice.siteCount());
                }
                int block = (int) ((long) sample * blocks / n);
                if (block != currentBlock) {
                    index.clear();
                    currentBlock = block;
                }
                for (int i = 0; i < s.length; i++) {
                    operators.localDerivatives(lattice, s, i, d);
                    long key = m <= MAX_PACKED_OPERATORS ? pack(s[i], d) : -1;
                    int p = key < 0 ? -1 : index.get(key);
                    if (p < 0) {
                        p = out.add(block, s[i], d);
                        if (key >= 0) {
                            index.put(key, p);
                        }
                    }
                    out.count[p]++;
                }
            }
            return new Patterns(m, out.block, out.spin, out.d, out.count, out.size);
        }

        /** A non-negative key, or −1 if a derivative is not a small integer. */
        private static long pack(byte spin, double[] d) {
            long key = spin > 0 ? 1 : 0;
            for (double v : d) {
                long iv = (long) v;
                if (iv != v || iv <= -128 || iv >= 128) {
                    return -1;
                }
                key = (key << BITS) | (iv + 128);
            }
            return key;
        }
    }

    /** Growable pattern arrays. */
    private static final class Builder {
        final int m;
        int[] block = new int[64];
        byte[] spin = new byte[64];
        double[] d;
        double[] count = new double[64];
        int size;

        Builder(int m) {
            this.m = m;
            d = new double[64 * m];
        }

        int add(int b, byte s, double[] derivatives) {
            if (size == block.length) {
                int cap = 2 * size;
                block = Arrays.copyOf(block, cap);
                spin = Arrays.copyOf(spin, cap);
                count = Arrays.copyOf(count, cap);
                d = Arrays.copyOf(d, cap * m);
            }
            block[size] = b;
            spin[size] = s;
            System.arraycopy(derivatives, 0, d, size * m, m);
            return size++;
        }
    }

    /** Open-addressing map from non-negative long keys to int values (−1 = absent). */
    private static final class LongIntMap {
        private long[] keys = new long[256];
        private int[] values = new int[256];
        private int size;

        LongIntMap() {
            Arrays.fill(keys, -1);
        }

        void clear() {
            Arrays.fill(keys, -1);
            size = 0;
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int h = slot(key, mask); ; h = (h + 1) & mask) {
                if (keys[h] == key) {
                    return values[h];
                }
                if (keys[h] < 0) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                keys = new long[2 * oldKeys.length];
                values = new int[keys.length];
                Arrays.fill(keys, -1);
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] >= 0) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int h = slot(key, mask);
            while (keys[h] >= 0) {
                h = (h + 1) & mask;
            }
            keys[h] = key;
            values[h] = value;
            size++;
        }

        private static int slot(long key, int mask) {
            long x = key * 0x9E3779B97F4A7C15L;
            return (int) (x ^ (x >>> 32)) & mask;
        }
    }

    /** One pass over the patterns: objective, and gradient and Hessian per block (all in block 0 for one block). */
    private static final class Pass {
        final double[][] gradient;
        final double[][] hessian;
        double objective;

        Pass(int m, int blocks) {
            gradient = new double[blocks][m];
            hessian = new double[blocks][m * m];
        }

        void run(Patterns patterns, double[] k) {
            int m = k.length;
            boolean single = gradient.length == 1;
            double[] dd = patterns.d();
            objective = 0;
            for (int p = 0; p < patterns.size(); p++) {
                int base = p * m;
                double count = patterns.count()[p];
                int s = patterns.spin()[p];
                double[] g = gradient[single ? 0 : patterns.block()[p]];
                double[] h = hessian[single ? 0 : patterns.block()[p]];
                double field = 0;
                for (int a = 0; a < m; a++) {
                    field += k[a] * dd[base + a];
                }
                double abs = Math.abs(field);
                objective += count * (s * field - (abs + Math.log1p(Math.exp(-2 * abs))));
                double t = Math.tanh(field);
                double w = count * (1 - t * t);
                double r = count * (s - t);
                for (int a = 0; a < m; a++) {
                    g[a] += dd[base + a] * r;
                    double wd = w * dd[base + a];
                    for (int c = 0; c < m; c++) {
                        h[a * m + c] -= wd * dd[base + c];
                    }
                }
            }
        }
    }
}
