package dev.coarse.learn.corex;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.stats.Estimate;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import dev.coarse.learn.engine.Scalars;

/**
 * Linear Gaussian CorEx (Ver Steeg, Harutyunyan, Moyer &amp; Galstyan 2019, "Fast structure learning with modular
 * regularization"): m factors Z = W x̃ + ε of the standardised inputs, ε ~ N(0, I), chosen to maximise the lower
 * bound
 *
 * <pre>  TC(X) ≥ Σ<sub>i</sub> I(X<sub>i</sub> : Z) − Σ<sub>j</sub> I(Z<sub>j</sub> : X)</pre>
 *
 * (the paper's bound; TC(X) minus it is TC(X|Z) + TC(Z), so it is reached when the factors are independent and make
 * the inputs conditionally independent). For Gaussian data every term is a function of the correlation matrix C:
 * with A = W C and S = A Wᵀ + I (the factors' covariance), I(Z<sub>j</sub> : X) = ½ ln S<sub>jj</sub> and
 * I(X<sub>i</sub> : Z) = −½ ln(1 − (Aᵀ S⁻¹ A)<sub>ii</sub>). The weights are trained on the paper's modular
 * objective (I(X<sub>i</sub> : Z) replaced by its value when the factors are conditionally independent given
 * X<sub>i</sub>, see {@link #objective}): the exact bound is unchanged by rotations that mix factors of equal
 * variance, and its optimum then groups nothing; the modular one prefers each input explained by one factor.
 * The TC reported ({@link LinearCorexLayer#tc}) is the exact bound at the trained weights, in double precision.
 *
 * <p>Because the objective depends on the data only through C, the samples are read once (O(n p²), EJML) and every
 * gradient step costs O(m p²) whatever n: there are no mini-batches to need. The bound is maximised by Adam through
 * DJL (automatic differentiation on PyTorch, float64), full batch, from farthest-point seeded weights
 * ({@link #initialWeights}); the restarts start from split seeds and the largest objective is kept. Missing values (NaN) enter through pairwise-complete correlations
 * ({@link Correlations}); the factors of a sample with missing values replace them by their means.
 */
public final class LinearCorex {

    /** Blocks of the delete-a-block jackknife of the objective's error. */
    public static final int JACKKNIFE_BLOCKS = 10;
    /** Steps over which the objective's growth is compared with the tolerance. */
    public static final int WINDOW = 50;

    private final LinearCorexSettings settings;

    public LinearCorex(LinearCorexSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Fits the layer {@code settings.restarts()} times from seeds split off {@code seed}; keeps the largest objective.
     *
     * @param columns columns[i][r]: input i of sample r, NaN if missing; not modified
     * @throws IllegalArgumentException for ragged columns, a column without spread, two columns never present
     *                                  together, or fewer than {@code 2 · JACKKNIFE_BLOCKS} samples
     */
    public LinearCorexFit fit(double[][] columns, long seed) {
        if (columns.length < 2) {
            throw new IllegalArgumentException("linear CorEx needs at least two inputs, got " + columns.length);
        }
        Correlations c = Correlations.of(columns, JACKKNIFE_BLOCKS);
        SplittableRandom root = new SplittableRandom(seed);
        LinearCorexLayer[] layers = new LinearCorexLayer[settings.restarts()];
        double[] objectives = new double[layers.length];
        int best = 0;
        for (int r = 0; r < layers.length; r++) {
            layers[r] = fitOnce(c, root.split());
            objectives[r] = layers[r].tc().mean();
            if (objectives[r] > objectives[best] || Double.isNaN(objectives[best])) {
                best = r;
            }
        }
        int[][] clusters = new int[layers.length][];
        for (int r = 0; r < layers.length; r++) {
            clusters[r] = layers[r].clusters();
        }
        return new LinearCorexFit(layers[best], objectives, AdjustedRandIndex.stability(clusters, best));
    }

    private LinearCorexLayer fitOnce(Correlations c, SplittableRandom rng) {
        int p = c.variables();
        int m = settings.factors();
        double[] initial = initialWeights(c.matrix(), m, rng);
        double[] trained = new double[m * p];
        int[] steps = new int[1];
        boolean converged = train(c.matrix(), initial, m, trained, steps);
        DMatrixRMaj w = new DMatrixRMaj(m, p, true, trained);
        Terms terms = Terms.of(c.matrix(), w);
        double[] replicas = new double[c.jackknife().size()];
        double[] unexplained = new double[replicas.length];
        for (int b = 0; b < replicas.length; b++) {
            replicas[b] = Terms.of(c.jackknife().get(b), w).objective();
            unexplained[b] = totalCorrelation(c.jackknife().get(b)) - replicas[b];
        }
        return layer(c, w, terms, jackknife(terms.objective(), replicas),
                jackknife(totalCorrelation(c.matrix()) - terms.objective(), unexplained), steps[0], converged);
    }

    /**
     * Starting weights that put each factor in a different group: factor 0 on a random input, factor j on the input
     * least correlated with those already chosen (farthest-point seeding, as k-means++ seeds its centres), each
     * factor's weights that input's row of correlations (so it starts as the sum of the input's group), scaled to
     * length ½, plus a little Gaussian noise. With m larger than the number of groups the surplus factors start on
     * inputs of groups already taken.
     */
    static double[] initialWeights(DMatrixRMaj c, int m, SplittableRandom rng) {
        int p = c.numRows;
        double[] initial = new double[m * p];
        double[] closest = new double[p];
        java.util.Arrays.fill(closest, Double.NEGATIVE_INFINITY);
        int seed = rng.nextInt(p);
        for (int j = 0; j < m; j++) {
            double norm = 0;
            for (int i = 0; i < p; i++) {
                norm += c.get(seed, i) * c.get(seed, i);
                closest[i] = Math.max(closest[i], Math.abs(c.get(seed, i)));
            }
            double scale = 0.5 / Math.sqrt(norm);
            for (int i = 0; i < p; i++) {
                initial[j * p + i] = scale * c.get(seed, i) + 0.1 * rng.nextGaussian() / Math.sqrt(p);
            }
            int next = 0;
            for (int i = 1; i < p; i++) {
                if (closest[i] < closest[next]) {
                    next = i;
                }
            }
            seed = next;
        }
        return initial;
    }

    /**
     * Adam on −objective from {@code initial} (m×p, row-major); the weights written to {@code trained}, the steps
     * taken to {@code steps[0]}. True when the objective grew by less than the tolerance over the last
     * {@link #WINDOW} steps before the step limit.
     */
    private boolean train(DMatrixRMaj correlations, double[] initial, int m, double[] trained, int[] steps) {
        int p = correlations.numRows;
        double[] history = new double[settings.maxSteps()];
        boolean converged = false;
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray c = manager.create(correlations.data, new Shape(p, p));
            NDArray identity = manager.eye(m).toType(ai.djl.ndarray.types.DataType.FLOAT64, false);
            NDArray w = manager.create(initial, new Shape(m, p));
            w.setRequiresGradient(true);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                    .build();
            int step = 0;
            while (step < settings.maxSteps()) {
                // step 0 creates Adam's moments beside w (in the root manager, so they live on); later steps
                // attach w to a per-step manager so that their intermediate arrays are freed with it
                try (NDManager scope = manager.newSubManager()) {
                    if (step > 0) {
                        w.tempAttach(scope);
                    }
                    NDArray objective;
                    try (GradientCollector collector = TorchEngine.engine().newGradientCollector()) {
                        objective = objective(w, c, identity);
                        collector.backward(objective.neg());
                    }
                    history[step] = objective.getDouble();
                    NDArray gradient = w.getGradient();
                    adam.update("w", w, gradient);
                    gradient.subi(gradient);
                }
                step++;
                if (!Double.isFinite(history[step - 1])) {
                    throw new IllegalStateException("linear CorEx diverged at step " + step + " (objective "
                            + history[step - 1] + "): lower the learning rate");
                }
                if (step > 2 * WINDOW && history[step - 1] - history[step - 1 - WINDOW] < settings.tolerance()) {
                    converged = true;
                    break;
                }
            }
            steps[0] = step;
            double[] values = w.toDoubleArray();
            System.arraycopy(values, 0, trained, 0, trained.length);
        }
        return converged;
    }

    /**
     * The paper's modular objective, differentiably: Σ<sub>i</sub> ½ ln(1 + Σ<sub>j</sub> R<sub>ji</sub>²/(1 −
     * R<sub>ji</sub>²)) − Σ<sub>j</sub> ½ ln S<sub>jj</sub>, with A = W C, S = A Wᵀ + I and R<sub>ji</sub>² =
     * A<sub>ji</sub>²/S<sub>jj</sub> the squared correlation of input i and factor j. The first sum is
     * I(X<sub>i</sub> : Z) when the factors are conditionally independent given each input (each input's precision
     * given Z is 1 + Σ<sub>j</sub> R²/(1 − R²)); unlike the exact term it is not invariant under rotations of
     * factors of equal variance, so it picks factors that each explain a separate group of inputs.
     */
    private static NDArray objective(NDArray w, NDArray c, NDArray identity) {
        NDArray a = w.matMul(c);
        NDArray s = a.matMul(w.transpose()).add(identity);
        NDArray variance = s.diagonal();
        NDArray r2 = a.square().div(variance.expandDims(1));
        NDArray precision = Scalars.add(r2.div(Scalars.add(r2.neg(), 1)).sum(new int[] {0}), 1);
        NDArray inputs = Scalars.mul(precision.log().sum(), 0.5);
        NDArray factors = Scalars.mul(variance.log().sum(), 0.5);
        return inputs.sub(factors);
    }

    /** TC = −½ ln det C of a correlation matrix, nats; NaN if C is not positive definite. */
    static double totalCorrelation(DMatrixRMaj correlations) {
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(correlations.numRows, true);
        if (!cholesky.decompose(correlations.copy())) {
            return Double.NaN;
        }
        DMatrixRMaj lower = cholesky.getT(null);
        double logDet = 0;
        for (int i = 0; i < lower.numRows; i++) {
            logDet += 2 * Math.log(lower.get(i, i));
        }
        return -0.5 * logDet;
    }

    private static Estimate jackknife(double value, double[] replicas) {
        double mean = Arrays.stream(replicas).average().orElseThrow();
        double squares = 0;
        for (double r : replicas) {
            squares += (r - mean) * (r - mean);
        }
        int b = replicas.length;
        return Estimate.of(value, Math.sqrt((b - 1.0) / b * squares));
    }

    private static LinearCorexLayer layer(Correlations c, DMatrixRMaj w, Terms terms, Estimate tc,
            Estimate unexplained, int steps, boolean converged) {
        int m = w.numRows;
        int p = w.numCols;
        int[] clusters = new int[p];
        for (int i = 0; i < p; i++) {
            for (int j = 1; j < m; j++) {
                if (terms.pairwise[j][i] > terms.pairwise[clusters[i]][i]) {
                    clusters[i] = j;
                }
            }
        }
        double[] factorTc = new double[m];
        for (int j = 0; j < m; j++) {
            factorTc[j] = -terms.factorInformation[j];
        }
        for (int i = 0; i < p; i++) {
            factorTc[clusters[i]] += terms.pairwise[clusters[i]][i];
        }
        Integer[] rank = new Integer[m];
        for (int j = 0; j < m; j++) {
            rank[j] = j;
        }
        Arrays.sort(rank, (x, y) -> factorTc[y] != factorTc[x] ? Double.compare(factorTc[y], factorTc[x])
                : Integer.compare(x, y));
        int[] newIndex = new int[m];
        double[][] weights = new double[m][p];
        double[][] mi = new double[m][];
        double[] sortedTc = new double[m];
        for (int r = 0; r < m; r++) {
            int j = rank[r];
            newIndex[j] = r;
            sortedTc[r] = factorTc[j];
            mi[r] = terms.pairwise[j].clone();
            for (int i = 0; i < p; i++) {
                weights[r][i] = w.get(j, i);
            }
        }
        for (int i = 0; i < p; i++) {
            clusters[i] = newIndex[clusters[i]];
        }
        return new LinearCorexLayer(weights, c.mean().clone(), c.scale().clone(), tc, unexplained, sortedTc, clusters, mi, steps,
                converged);
    }

    /**
     * The terms of the bound at weights W on correlations C, in double precision (EJML).
     *
     * @param inputInformation  I(X<sub>i</sub> : Z)
     * @param factorInformation I(Z<sub>j</sub> : X) = ½ ln S<sub>jj</sub>
     * @param pairwise          I(X<sub>i</sub> : Z<sub>j</sub>) = −½ ln(1 − A<sub>ji</sub>²/S<sub>jj</sub>) [j][i]
     */
    record Terms(double[] inputInformation, double[] factorInformation, double[][] pairwise) {

        static Terms of(DMatrixRMaj c, DMatrixRMaj w) {
            int m = w.numRows;
            int p = w.numCols;
            DMatrixRMaj a = new DMatrixRMaj(m, p);
            CommonOps_DDRM.mult(w, c, a);
            DMatrixRMaj s = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(a, w, s);
            for (int j = 0; j < m; j++) {
                s.add(j, j, 1.0);
            }
            DMatrixRMaj sInverse = new DMatrixRMaj(m, m);
            if (!CommonOps_DDRM.invert(s, sInverse)) {
                throw new IllegalStateException("the factors' covariance is singular");
            }
            DMatrixRMaj b = new DMatrixRMaj(m, p);
            CommonOps_DDRM.mult(sInverse, a, b);
            double[] inputs = new double[p];
            double[][] pairwise = new double[m][p];
            for (int i = 0; i < p; i++) {
                double explained = 0;
                for (int j = 0; j < m; j++) {
                    explained += a.get(j, i) * b.get(j, i);
                    pairwise[j][i] = -0.5 * Math.log1p(-a.get(j, i) * a.get(j, i) / s.get(j, j));
                }
                inputs[i] = -0.5 * Math.log1p(-explained);
            }
            double[] factors = new double[m];
            for (int j = 0; j < m; j++) {
                factors[j] = 0.5 * Math.log(s.get(j, j));
            }
            return new Terms(inputs, factors, pairwise);
        }

        /** Σ<sub>i</sub> I(X<sub>i</sub> : Z) − Σ<sub>j</sub> I(Z<sub>j</sub> : X), nats. */
        double objective() {
            return Arrays.stream(inputInformation).sum() - Arrays.stream(factorInformation).sum();
        }
    }
}
