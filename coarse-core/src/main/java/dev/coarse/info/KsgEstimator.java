package dev.coarse.info;

import dev.coarse.configuration.Configurations;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.Gamma;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The Kraskov–Stögbauer–Grassberger estimator, algorithm 1 (Kraskov, Stögbauer &amp; Grassberger, PRE 69,
 * 066138 (2004), eqs. 8 and 9), of the mutual information of continuous variables and of the
 * multi-information (total correlation) of m variables:
 * Î = ψ(k) + (m−1) ψ(N) − ⟨Σ<sub>v</sub> ψ(n<sub>v</sub>(i) + 1)⟩<sub>i</sub>,
 * where ε(i) is the max-norm distance from sample i to its k-th nearest neighbour in the joint space and
 * n<sub>v</sub>(i) counts the other samples whose variable v lies strictly closer than ε(i) (max norm within v).
 *
 * <p>Neighbour search: a k-d tree in the joint space and in every multi-dimensional marginal, a sorted array
 * with binary search for one-dimensional marginals; O(N log N) in low dimension.
 *
 * <p>Ties: counting is strict, as in the paper. Data with repeated values (discretised measurements) give
 * zero ε and meaningless counts; for them construct the estimator {@link #withJitter with jitter}, which adds
 * seeded Gaussian noise of {@code relativeScale} × the coordinate's standard deviation before estimating.
 *
 * <p>Error: the standard deviation of the per-sample summand Σ<sub>v</sub> ψ(n<sub>v</sub>(i)+1) divided by √N.
 * This treats the summands as independent, which they are not quite (neighbouring samples share neighbours);
 * it is a rough guide to the statistical error and says nothing about the bias, which is large when the MI
 * and the dimension are large (see docs/info.md).
 */
public final class KsgEstimator {

    private final int k;
    private final double jitterScale;
    private final long jitterSeed;

    /** Algorithm 1 with k neighbours and no jitter. */
    public KsgEstimator(int k) {
        this(k, 0.0, 0L);
    }

    private KsgEstimator(int k, double jitterScale, long jitterSeed) {
        if (k < 1) {
            throw new IllegalArgumentException("KSG needs k >= 1, got " + k);
        }
        this.k = k;
        this.jitterScale = jitterScale;
        this.jitterSeed = jitterSeed;
    }

    /** The same estimator, adding seeded noise of relativeScale standard deviations to every coordinate. */
    public KsgEstimator withJitter(double relativeScale, long seed) {
        if (!(relativeScale >= 0) || Double.isInfinite(relativeScale)) {
            throw new IllegalArgumentException("jitter scale must be finite and >= 0, got " + relativeScale);
        }
        return new KsgEstimator(k, relativeScale, seed);
    }

    public int k() {
        return k;
    }

    /**
     * I(X;Y) in nats between two sets of values of the same configurations (sites, bonds or components in the flat
     * layout of {@link dev.coarse.configuration.DegreesOfFreedom}; spins count as the numbers ±1). Not modified.
     *
     * @throws IllegalArgumentException for an empty set or an index outside the configurations
     */
    public Estimate mutualInformation(Configurations configurations, int[] x, int[] y) {
        return multiInformation(rows(configurations, x), rows(configurations, y));
    }

    /** The chosen values of every configuration as an N×|indices| array. */
    private static double[][] rows(Configurations configurations, int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a variable needs at least one value index");
        }
        for (int index : indices) {
            if (index < 0 || index >= configurations.length()) {
                throw new IllegalArgumentException("value index " + index + " outside the configurations' 0.."
                        + (configurations.length() - 1));
            }
        }
        double[][] out = new double[configurations.size()][indices.length];
        for (int s = 0; s < out.length; s++) {
            for (int j = 0; j < indices.length; j++) {
                out[s][j] = configurations.value(s, indices[j]);
            }
        }
        return out;
    }

    /** I(X;Y) in nats; x is N×dx, y is N×dy ({@code x[sample][dim]}), not modified. */
    public Estimate mutualInformation(double[][] x, double[][] y) {
        return multiInformation(x, y);
    }

    /**
     * The multi-information Σ H(X<sub>v</sub>) − H(X<sub>1</sub>,…,X<sub>m</sub>) of m ≥ 2 variables, each N×d<sub>v</sub>
     * ({@code variables[v][sample][dim]}), not modified.
     */
    public Estimate multiInformation(double[][]... variables) {
        if (variables.length < 2) {
            throw new IllegalArgumentException("multi-information needs at least 2 variables, got " + variables.length);
        }
        int n = variables[0].length;
        if (k >= n) {
            throw new IllegalArgumentException("KSG needs k < N samples, got k = " + k + ", N = " + n);
        }
        int m = variables.length;
        int[] dims = new int[m];
        double[][] flat = new double[m][];
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(jitterSeed);
        for (int v = 0; v < m; v++) {
            if (variables[v].length != n) {
                throw new IllegalArgumentException("variable " + v + " has " + variables[v].length
                        + " samples, expected " + n);
            }
            dims[v] = variables[v][0].length;
            flat[v] = flatten(variables[v], dims[v]);
            if (jitterScale > 0) {
                jitter(flat[v], n, dims[v], rng);
            }
        }
        return fromFlat(flat, dims, n);
    }

    /**
     * The same estimate on flat arrays: {@code flat[v]} holds variable v's N×d<sub>v</sub> coordinates row by row
     * (sample i at [i*d, i*d+d)). Not modified. No jitter is applied here.
     */
    public Estimate fromFlat(double[][] flat, int[] dims, int n) {
        int m = flat.length;
        int dJoint = 0;
        for (int dv : dims) {
            dJoint += dv;
        }
        double[] joint = new double[n * dJoint];
        for (int i = 0; i < n; i++) {
            int off = i * dJoint;
            for (int v = 0; v < m; v++) {
                System.arraycopy(flat[v], i * dims[v], joint, off, dims[v]);
                off += dims[v];
            }
        }
        KdTree jointTree = new KdTree(joint, n, dJoint);
        double[] eps = new double[n];
        double[] scratch = new double[k + 1];
        double[] query = new double[dJoint];
        for (int i = 0; i < n; i++) {
            System.arraycopy(joint, i * dJoint, query, 0, dJoint);
            // k+1 because the sample itself is in the tree at distance 0
            eps[i] = jointTree.kthNearestDistance(query, k + 1, scratch);
        }
        double[] summand = new double[n];
        for (int v = 0; v < m; v++) {
            int dv = dims[v];
            if (dv == 1) {
                double[] sorted = Arrays.copyOf(flat[v], n);
                Arrays.sort(sorted);
                for (int i = 0; i < n; i++) {
                    int count = countWithinSorted(sorted, flat[v][i], eps[i]) - 1;
                    summand[i] += Gamma.digamma(Math.max(count, 0) + 1);
                }
            } else {
                KdTree tree = new KdTree(flat[v], n, dv);
                double[] q = new double[dv];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(flat[v], i * dv, q, 0, dv);
                    int count = tree.countWithin(q, eps[i]) - 1;
                    summand[i] += Gamma.digamma(Math.max(count, 0) + 1);
                }
            }
        }
        double mean = 0;
        for (double s : summand) {
            mean += s;
        }
        mean /= n;
        double var = 0;
        for (double s : summand) {
            var += (s - mean) * (s - mean);
        }
        var /= Math.max(1, n - 1);
        double value = Gamma.digamma(k) + (m - 1) * Gamma.digamma(n) - mean;
        return Estimate.of(value, Math.sqrt(var / n));
    }

    /**
     * Number of sorted values with |x − center| &lt; radius, exactly as computed in floating point: binary search
     * on center ± radius (which are rounded), then boundary elements are re-tested with the exact criterion.
     */
    static int countWithinSorted(double[] sorted, double center, double radius) {
        int n = sorted.length;
        int hi = firstAtLeast(sorted, center + radius);
        while (hi > 0 && sorted[hi - 1] >= center && !(Math.abs(sorted[hi - 1] - center) < radius)) {
            hi--;
        }
        while (hi < n && Math.abs(sorted[hi] - center) < radius) {
            hi++;
        }
        int lo = firstAbove(sorted, center - radius);
        while (lo < n && sorted[lo] <= center && !(Math.abs(sorted[lo] - center) < radius)) {
            lo++;
        }
        while (lo > 0 && Math.abs(sorted[lo - 1] - center) < radius) {
            lo--;
        }
        return Math.max(0, hi - lo);
    }

    /** Index of the first element ≥ v in a sorted array. */
    private static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first element &gt; v in a sorted array. */
    private static int firstAbove(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] flatten(double[][] rows, int d) {
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("sample " + i + " has " + rows[i].length + " dimensions, expected " + d);
            }
            System.arraycopy(rows[i], 0, out, i * d, d);
        }
        return out;
    }

    /** Adds jitterScale·σ<sub>a</sub>·N(0,1) to every coordinate a. Modifies {@code flat}. */
    private void jitter(double[] flat, int n, int d, RandomGenerator rng) {
        for (int a = 0; a < d; a++) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                s += flat[i * d + a];
                s2 += flat[i * d + a] * flat[i * d + a];
            }
            double sd = Math.sqrt(Math.max(0, s2 / n - (s / n) * (s / n)));
            double amplitude = jitterScale * (sd > 0 ? sd : 1.0);
            for (int i = 0; i < n; i++) {
                flat[i * d + a] += amplitude * rng.nextGaussian();
            }
        }
    }
}
