package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import dev.coarse.stats.Estimate;
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
        double[] k = new double[m];
        Pass pass = new Pass(m, 1);
        pass.run(configurations, lattice, operators, k);
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
                next.run(configurations, lattice, operators, trial);
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
        perBlock.run(configurations, lattice, operators, k);
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

    /** One pass over the data: objective, and gradient and Hessian per block (contiguous sample blocks). */
    private static final class Pass {
        final double[][] gradient;
        final double[][] hessian;
        double objective;

        Pass(int m, int blocks) {
            gradient = new double[blocks][m];
            hessian = new double[blocks][m * m];
        }

        void run(byte[][] configurations, Lattice lattice, OperatorSet operators, double[] k) {
            int m = k.length;
            int blocks = gradient.length;
            int n = configurations.length;
            double[] d = new double[m];
            objective = 0;
            for (int sample = 0; sample < n; sample++) {
                byte[] s = configurations[sample];
                if (s.length != lattice.siteCount()) {
                    throw new IllegalArgumentException("configuration " + sample + " has " + s.length
                            + " sites, lattice " + lattice + " has " + lattice.siteCount());
                }
                int block = (int) ((long) sample * blocks / n);
                double[] g = gradient[block];
                double[] h = hessian[block];
                for (int i = 0; i < s.length; i++) {
                    operators.localDerivatives(lattice, s, i, d);
                    double field = 0;
                    for (int a = 0; a < m; a++) {
                        field += k[a] * d[a];
                    }
                    double abs = Math.abs(field);
                    objective += s[i] * field - (abs + Math.log1p(Math.exp(-2 * abs)));
                    double t = Math.tanh(field);
                    double w = 1 - t * t;
                    double r = s[i] - t;
                    for (int a = 0; a < m; a++) {
                        g[a] += d[a] * r;
                        double wd = w * d[a];
                        for (int c = 0; c < m; c++) {
                            h[a * m + c] -= wd * d[c];
                        }
                    }
                }
            }
        }
    }
}
