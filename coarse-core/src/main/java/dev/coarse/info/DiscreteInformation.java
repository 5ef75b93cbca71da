package dev.coarse.info;

import dev.coarse.stats.Estimate;
import java.util.Arrays;
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

    public DiscreteInformation(EntropyEstimator estimator, int resamples, long seed) {
        if (resamples < 2) {
            throw new IllegalArgumentException("need at least 2 bootstrap resamples, got " + resamples);
        }
        this.estimator = estimator;
        this.resamples = resamples;
        this.seed = seed;
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
        return ofEntropies(t, columnSets, h -> {
            double v = 0;
            for (int j = 0; j < h.length; j++) {
                v += coefficients[j] * h[j];
            }
            return v;
        });
    }

    /**
     * Any function of the entropies of several column sets (e.g. a ratio of two mutual informations), with
     * the bootstrap error of that function. {@code f} receives the entropy estimates in the order of
     * {@code columnSets}; it must not keep the array.
     */
    public Estimate ofEntropies(SymbolTable t, int[][] columnSets, ToDoubleFunction<double[]> f) {
        int terms = columnSets.length;
        int[][] labels = new int[terms][];
        int[][] counts = new int[terms][];
        double[] alphabets = new double[terms];
        double[] h = new double[terms];
        for (int j = 0; j < terms; j++) {
            labels[j] = t.jointLabels(columnSets[j]);
            int k = 0;
            for (int l : labels[j]) {
                k = Math.max(k, l + 1);
            }
            counts[j] = new int[k];
            for (int l : labels[j]) {
                counts[j][l]++;
            }
            alphabets[j] = t.jointAlphabetSize(columnSets[j]);
            h[j] = estimator.entropy(counts[j], alphabets[j]);
        }
        double mean = f.applyAsDouble(h);
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        int clusterSize = t.clusterSize();
        int clusters = t.rowCount() / clusterSize;
        double sum = 0;
        double sumSq = 0;
        for (int b = 0; b < resamples; b++) {
            for (int[] c : counts) {
                Arrays.fill(c, 0);
            }
            for (int draw = 0; draw < clusters; draw++) {
                int start = rng.nextInt(clusters) * clusterSize;
                for (int j = 0; j < terms; j++) {
                    int[] lab = labels[j];
                    int[] cnt = counts[j];
                    for (int r = start; r < start + clusterSize; r++) {
                        cnt[lab[r]]++;
                    }
                }
            }
            for (int j = 0; j < terms; j++) {
                h[j] = estimator.entropy(counts[j], alphabets[j]);
            }
            double value = f.applyAsDouble(h);
            sum += value;
            sumSq += value * value;
        }
        double m = sum / resamples;
        double variance = Math.max(0, (sumSq - resamples * m * m) / (resamples - 1));
        return Estimate.of(mean, Math.sqrt(variance));
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
