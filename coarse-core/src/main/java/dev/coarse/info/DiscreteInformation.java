package dev.coarse.info;

import dev.coarse.stats.Estimate;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Entropy, joint and conditional entropy, mutual information, conditional MI and total correlation of
 * discrete samples, each a signed sum of entropies of column sets estimated by one {@link EntropyEstimator}:
 * I(X;Y) = H(X) + H(Y) − H(X,Y); I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z);
 * TC = Σ<sub>i</sub> H(X<sub>i</sub>) − H(X<sub>1</sub>,…,X<sub>m</sub>).
 *
 * <p>The mean is the estimate on all samples; the error is the standard deviation of the same quantity over
 * {@code resamples} bootstrap resamples (rows drawn with replacement, whole clusters at a time when the
 * {@link SymbolTable} has clusters), drawn from one generator seeded with {@code seed}, so results are
 * reproducible. The bootstrap measures the variance, not the bias: an estimator's bias (see each
 * estimator) is not included in the error.
 */
public final class DiscreteInformation {

    private final EntropyEstimator estimator;
    private final int resamples;
    private final long seed;
    private final Runnable tick;

    public DiscreteInformation(EntropyEstimator estimator, int resamples, long seed) {
        this(estimator, resamples, seed, () -> { });
    }

    private DiscreteInformation(EntropyEstimator estimator, int resamples, long seed, Runnable tick) {
        if (resamples < 2) {
            throw new IllegalArgumentException("need at least 2 bootstrap resamples, got " + resamples);
        }
        this.estimator = estimator;
        this.resamples = resamples;
        this.seed = seed;
        this.tick = tick;
    }

    /**
     * The same estimates, with {@code tick} run on the calling thread {@link #ticksPerEstimate()} times per
     * estimate (each method call): once when the full-sample histograms are counted, then after each bootstrap
     * resample — to drive a progress bar.
     */
    public DiscreteInformation withProgress(Runnable tick) {
        return new DiscreteInformation(estimator, resamples, seed, tick);
    }

    /** How often {@link #withProgress}'s tick runs per estimate: 1 + resamples. */
    public int ticksPerEstimate() {
        return 1 + resamples;
    }

    /** Plug-in, Miller–Madow or NSB with 200 resamples. */
    public static DiscreteInformation of(EntropyEstimator estimator, long seed) {
        return new DiscreteInformation(estimator, 200, seed);
    }

    public EntropyEstimator estimator() {
        return estimator;
    }

    /** H(X), X the joint symbol of the given columns. */
    public Estimate entropy(SymbolTable t, int[] x) {
        return combination(t, new int[][] {x}, new double[] {1});
    }

    /** H(X | Y) = H(X,Y) − H(Y). */
    public Estimate conditionalEntropy(SymbolTable t, int[] x, int[] given) {
        return combination(t, new int[][] {union(x, given), given}, new double[] {1, -1});
    }

    /** I(X;Y). */
    public Estimate mutualInformation(SymbolTable t, int[] x, int[] y) {
        return combination(t, new int[][] {x, y, union(x, y)}, new double[] {1, 1, -1});
    }

    /** I(X;Y|Z). */
    public Estimate conditionalMutualInformation(SymbolTable t, int[] x, int[] y, int[] z) {
        return combination(t, new int[][] {union(x, z), union(y, z), union(union(x, y), z), z},
                new double[] {1, 1, -1, -1});
    }

    /** Total correlation of the groups of columns, Σ H(group) − H(all). */
    public Estimate totalCorrelation(SymbolTable t, int[][] groups) {
        int[][] sets = new int[groups.length + 1][];
        double[] coefficients = new double[groups.length + 1];
        int[] all = new int[0];
        for (int g = 0; g < groups.length; g++) {
            sets[g] = groups[g];
            coefficients[g] = 1;
            all = union(all, groups[g]);
        }
        sets[groups.length] = all;
        coefficients[groups.length] = -1;
        return combination(t, sets, coefficients);
    }

    /** Σ<sub>j</sub> coefficients[j] · H(columnSets[j]) with its bootstrap error. */
    public Estimate combination(SymbolTable t, int[][] columnSets, double[] coefficients) {
        if (coefficients.length != columnSets.length) {
            throw new IllegalArgumentException("one coefficient per column set needed");
        }
        int[] all = new int[columnSets.length];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        return ofEntropies(t, columnSets, linear(coefficients, all));
    }

    /**
     * Σ<sub>j</sub> coefficients[j] · h[terms[j]], summed in that order from 0 — the arithmetic of
     * {@link #combination}, so that a combination evaluated among other functions of a larger set of entropies
     * gives the same bits.
     */
    static ToDoubleFunction<double[]> linear(double[] coefficients, int[] terms) {
        return h -> {
            double v = 0;
            for (int j = 0; j < terms.length; j++) {
                v += coefficients[j] * h[terms[j]];
            }
            return v;
        };
    }

    /**
     * Any function of the entropies of several column sets (e.g. a ratio of two mutual informations), with
     * the bootstrap error of that function. {@code f} receives the entropy estimates in the order of
     * {@code columnSets}; it must not keep or modify the array.
     */
    public Estimate ofEntropies(SymbolTable t, int[][] columnSets, ToDoubleFunction<double[]> f) {
        return ofEntropies(t, columnSets, List.of(f))[0];
    }

    /**
     * Several functions of the entropies of the same column sets, each with its bootstrap error, from one pass
     * of the bootstrap: estimate i is exactly what {@link #ofEntropies(SymbolTable, int[][], ToDoubleFunction)}
     * gives for {@code fs.get(i)} alone (every call draws the same resamples from the seed), but the
     * resampled entropies are computed once for all functions. Each function receives the entropy estimates
     * in the order of {@code columnSets}; it must not keep or modify the array.
     *
     * <p>Each resample draws clusters with replacement; its histogram of a column set is the sum of the drawn
     * clusters' histograms weighted by how often each was drawn ({@link ClusterHistograms}), which gives the
     * same integer counts as counting the drawn rows one by one.
     */
    public Estimate[] ofEntropies(SymbolTable t, int[][] columnSets, List<ToDoubleFunction<double[]>> fs) {
        int terms = columnSets.length;
        ClusterHistograms[] histograms = new ClusterHistograms[terms];
        double[] alphabets = new double[terms];
        for (int j = 0; j < terms; j++) {
            int[] labels = t.jointLabels(columnSets[j]);
            int k = 0;
            for (int l : labels) {
                k = Math.max(k, l + 1);
            }
            alphabets[j] = t.jointAlphabetSize(columnSets[j]);
            histograms[j] = new ClusterHistograms(labels, k, t.clusterSize());
        }
        return ofEntropies(histograms, alphabets, fs);
    }

    /**
     * The bootstrap of {@link #ofEntropies(SymbolTable, int[][], List)} on histograms built without a table:
     * term j has the per-cluster histograms {@code histograms[j]} (all with the same clusters) and the alphabet
     * size {@code alphabets[j]}.
     */
    Estimate[] ofEntropies(ClusterHistograms[] histograms, double[] alphabets, List<ToDoubleFunction<double[]>> fs) {
        int terms = histograms.length;
        int clusters = histograms[0].clusterCount();
        int[][] counts = new int[terms][];
        double[] h = new double[terms];
        int[] weights = new int[clusters];
        Arrays.fill(weights, 1);
        for (int j = 0; j < terms; j++) {
            counts[j] = new int[histograms[j].symbols()];
            histograms[j].weightedCounts(weights, counts[j]);
            h[j] = estimator.entropy(counts[j], alphabets[j]);
        }
        tick.run();
        int functions = fs.size();
        double[] mean = new double[functions];
        for (int i = 0; i < functions; i++) {
            mean[i] = fs.get(i).applyAsDouble(h);
        }
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        double[] sum = new double[functions];
        double[] sumSq = new double[functions];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(weights, 0);
            for (int draw = 0; draw < clusters; draw++) {
                weights[rng.nextInt(clusters)]++;
            }
            for (int j = 0; j < terms; j++) {
                histograms[j].weightedCounts(weights, counts[j]);
                h[j] = estimator.entropy(counts[j], alphabets[j]);
            }
            for (int i = 0; i < functions; i++) {
                double value = fs.get(i).applyAsDouble(h);
                sum[i] += value;
                sumSq[i] += value * value;
            }
            tick.run();
        }
        Estimate[] out = new Estimate[functions];
        for (int i = 0; i < functions; i++) {
            double m = sum[i] / resamples;
            double variance = Math.max(0, (sumSq[i] - resamples * m * m) / (resamples - 1));
            out[i] = Estimate.of(mean[i], Math.sqrt(variance));
        }
        return out;
    }

    /** The columns of a followed by those of b not already in a. */
    static int[] union(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        int n = a.length;
        outer:
        for (int v : b) {
            for (int i = 0; i < n; i++) {
                if (out[i] == v) {
                    continue outer;
                }
            }
            out[n++] = v;
        }
        return Arrays.copyOf(out, n);
    }
}
