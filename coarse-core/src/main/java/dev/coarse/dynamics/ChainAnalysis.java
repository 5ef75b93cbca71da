package dev.coarse.dynamics;

import java.util.Arrays;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Exact properties of a {@link MarkovChain}, in nats: stationary law, entropy rate, spectrum and relaxation times,
 * predictive information and the Kullback–Leibler rate to a candidate model. Everything needing a unique stationary
 * law requires an irreducible chain.
 */
public final class ChainAnalysis {

    /** Steps π ← πP after the solve ({@link #stationary}). */
    private static final int STATIONARY_POLISH_STEPS = 4;

    private ChainAnalysis() {
    }

    /**
     * The stationary law π = πP, Σπ = 1: the LU solve of (Pᵀ − I)π = 0 with one equation replaced by Σπ = 1 (EJML's;
     * the system's LAPACK above {@link NativeLapack#STATES} states where one is installed), then a few steps π ← πP.
     */
    public static double[] stationary(MarkovChain chain) {
        chain.requireIrreducible("the stationary law");
        int n = chain.size();
        double[] x = NativeLapack.used(n) ? stationarySolveNative(chain) : stationarySolve(chain);
        double[] pi = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            // An irreducible chain has π > 0; rounding can leave −1e-17 on tiny weights.
            pi[i] = Math.max(0, x[i]);
            sum += pi[i];
        }
        for (int i = 0; i < n; i++) {
            pi[i] /= sum;
        }
        // A few steps π ← πP: the LU solution is accurate to ~1e-17 absolute, so weights far below that (states
        // beyond a high barrier) come out as noise or 0; a step rebuilds each from its neighbours' weights, which
        // makes it accurate relative to them.
        for (int step = 0; step < STATIONARY_POLISH_STEPS; step++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                if (pi[i] > 0) {
                    for (int j = 0; j < n; j++) {
                        next[j] += pi[i] * chain.transition(i, j);
                    }
                }
            }
            double total = 0;
            for (double v : next) {
                total += v;
            }
            for (int i = 0; i < n; i++) {
                pi[i] = next[i] / total;
            }
        }
        return pi;
    }

    /**
     * The entropy rate h = −Σ<sub>ij</sub> π<sub>i</sub>P<sub>ij</sub> ln P<sub>ij</sub> per step (Cover &amp; Thomas,
     * Thm 4.2.4). For a continuous-time chain this is per step of its uniformised chain.
     */
    public static double entropyRate(MarkovChain chain, double[] pi) {
        double h = 0;
        for (int i = 0; i < chain.size(); i++) {
            for (int j = 0; j < chain.size(); j++) {
                double p = chain.transition(i, j);
                if (p > 0) {
                    h -= pi[i] * p * Math.log(p);
                }
            }
        }
        return h;
    }

    /** The solution of the stationary system (class javadoc of {@link #stationary}) by EJML. */
    static double[] stationarySolve(MarkovChain chain) {
        int n = chain.size();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(j, i, chain.transition(i, j) - (i == j ? 1 : 0));
            }
        }
        for (int j = 0; j < n; j++) {
            a.set(n - 1, j, 1);
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        b.set(n - 1, 0, 1);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(a, b, x)) {
            throw new IllegalStateException("singular system for the stationary law");
        }
        return x.getData();
    }

    /** The same system by LAPACK: A = Pᵀ − I column-major is P − I row-major, then row n − 1 set to ones. */
    static double[] stationarySolveNative(MarkovChain chain) {
        int n = chain.size();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            double[] row = chain.row(i);
            for (int j = 0; j < n; j++) {
                // A[j][i] = P[i][j] − δ, at column-major index i·n + j
                a[i * n + j] = row[j] - (i == j ? 1 : 0);
            }
        }
        for (int j = 0; j < n; j++) {
            a[j * n + (n - 1)] = 1; // A[n − 1][j]
        }
        double[] b = new double[n];
        b[n - 1] = 1;
        NativeLapack.solve(n, a, b);
        return b;
    }

    /**
     * The eigenvalues of P (EJML's general eigen-decomposition; the system's LAPACK above {@link NativeLapack#STATES}
     * states where one is installed), sorted by modulus, largest (1) first.
     */
    public static Complex_F64[] eigenvalues(MarkovChain chain) {
        int n = chain.size();
        if (NativeLapack.used(n)) {
            return NativeLapack.decompose(chain, false).eigenvalues();
        }
        DMatrixRMaj p = matrix(chain.transitions());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(p)) {
            throw new IllegalStateException("eigen-decomposition of the transition matrix failed");
        }
        Complex_F64[] values = new Complex_F64[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i);
        }
        Arrays.sort(values, (u, v) -> Double.compare(v.getMagnitude(), u.getMagnitude()));
        return values;
    }

    /**
     * Relaxation times of the n − 1 decaying modes, slowest first, leaving out the stationary eigenvalue 1. Discrete
     * time: t = −1/ln|λ| steps (infinite for |λ| = 1, a periodic or reducible chain). Continuous time: t = 1/(Λ(1 −
     * Re λ)) in the time unit of the rates, since the rate eigenvalues are Λ(λ − 1).
     */
    public static double[] relaxationTimes(MarkovChain chain) {
        return relaxationTimes(chain, eigenvalues(chain));
    }

    /** {@link #relaxationTimes(MarkovChain)} from the chain's {@link #eigenvalues}. */
    static double[] relaxationTimes(MarkovChain chain, Complex_F64[] values) {
        double[] times = new double[values.length - 1];
        for (int k = 1; k < values.length; k++) {
            if (chain.continuousTime()) {
                double decay = chain.uniformisationRate() * (1 - values[k].getReal());
                times[k - 1] = decay > 0 ? 1 / decay : Double.POSITIVE_INFINITY;
            } else {
                double modulus = values[k].getMagnitude();
                times[k - 1] = modulus >= 1 ? Double.POSITIVE_INFINITY
                        : modulus == 0 ? 0 : -1 / Math.log(modulus);
            }
        }
        Arrays.sort(times);
        for (int i = 0, j = times.length - 1; i < j; i++, j--) {
            double t = times[i];
            times[i] = times[j];
            times[j] = t;
        }
        return times;
    }

    /** P<sup>τ</sup> by repeated squaring (EJML products). */
    public static double[][] power(MarkovChain chain, int tau) {
        if (tau < 1) {
            throw new IllegalArgumentException("lag tau must be >= 1, got " + tau);
        }
        DMatrixRMaj base = matrix(chain.transitions());
        DMatrixRMaj result = null;
        int e = tau;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result == null ? base.copy() : multiply(result, base);
            }
            e >>= 1;
            if (e > 0) {
                base = multiply(base, base);
            }
        }
        double[][] out = new double[chain.size()][chain.size()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[i][j] = result.get(i, j);
            }
        }
        return out;
    }

    /**
     * Predictive information I(X<sub>t</sub>; X<sub>t+τ</sub>) = Σ π<sub>i</sub>(P<sup>τ</sup>)<sub>ij</sub>
     * ln((P<sup>τ</sup>)<sub>ij</sub>/π<sub>j</sub>) at stationarity, in nats.
     */
    public static double predictiveInformation(MarkovChain chain, double[] pi, int tau) {
        double[][] pt = power(chain, tau);
        int n = pt.length;
        // The law of X_{t+τ} from the same numbers as the joint law, so that every log argument is finite even
        // where a stationary weight below 1e-17 was rounded to zero (π = πP^τ exactly, not in floating point).
        double[] later = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                later[j] += pi[i] * pt[i][j];
            }
        }
        double info = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double p = pt[i][j];
                if (p > 0 && pi[i] > 0) {
                    info += pi[i] * p * Math.log(p / later[j]);
                }
            }
        }
        return info;
    }

    /**
     * The Kullback–Leibler divergence rate between the stationary chain P and a Markov model M on the same states,
     * lim (1/t) D(P(X<sub>1…t</sub>) ‖ M(X<sub>1…t</sub>)) = Σ π<sub>i</sub>P<sub>ij</sub> ln(P<sub>ij</sub>/M<sub>ij</sub>)
     * (Rached, Alajaji &amp; Campbell 2004, for an irreducible P); infinite where M forbids a step P makes.
     */
    public static double klRate(MarkovChain chain, double[] pi, MarkovChain model) {
        if (model.size() != chain.size()) {
            throw new IllegalArgumentException("the model has " + model.size() + " states, the chain " + chain.size());
        }
        double rate = 0;
        for (int i = 0; i < chain.size(); i++) {
            for (int j = 0; j < chain.size(); j++) {
                double p = chain.transition(i, j);
                if (p > 0) {
                    double m = model.transition(i, j);
                    if (m == 0) {
                        return Double.POSITIVE_INFINITY;
                    }
                    rate += pi[i] * p * Math.log(p / m);
                }
            }
        }
        return rate;
    }

    static DMatrixRMaj matrix(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    private static DMatrixRMaj multiply(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }
}
