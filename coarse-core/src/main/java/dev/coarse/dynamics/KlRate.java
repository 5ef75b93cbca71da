package dev.coarse.dynamics;

/**
 * Bounds on the Kullback–Leibler divergence rate between the lumped process Y<sub>t</sub> = φ(X<sub>t</sub>) of a
 * stationary chain and its Markov approximation Q ({@link Lumping#markovApproximation}): the cost that
 * {@link Lumping#informationLoss} bounds from above, which has no closed form because the entropy rate h(Y) of a
 * function of a Markov chain has none.
 *
 * <p>Since Q has Y's pair statistics, the rate is D = H(Y<sub>2</sub>|Y<sub>1</sub>) − h(Y), and h(Y) is squeezed
 * (Cover &amp; Thomas, <i>Elements of Information Theory</i>, 2nd ed., Thm 4.5.1) between
 * H(Y<sub>m+1</sub>|Y<sub>m</sub>, …, Y<sub>2</sub>, X<sub>1</sub>) (rising in m) and
 * H(Y<sub>m+1</sub>|Y<sub>m</sub>, …, Y<sub>1</sub>) (falling in m), both tending to h(Y). Hence
 * <pre>
 *   lower<sub>m</sub> = H(Y₂|Y₁) − H(Y<sub>m+1</sub>|Y<sub>m</sub> … Y₁)  ≤  D  ≤  H(Y₂|Y₁) − H(Y<sub>m+1</sub>|Y<sub>m</sub> … Y₂, X₁) = upper<sub>m</sub>,
 * </pre>
 * with upper<sub>1</sub> = L(φ) = I(X<sub>t</sub>; Y<sub>t+1</sub> | Y<sub>t</sub>) and lower<sub>1</sub> = 0. Both
 * come from one walk over the block words w of length ≤ m, read backwards: b<sub>w</sub>(x) = P(the next |w| blocks
 * are w | X = x), b<sub>yw</sub> = P(1<sub>y</sub> ∘ b<sub>w</sub>) — the products for all y together cost n²
 * multiply-adds per word, so the walk costs (1 + k + … + k<sup>m−1</sup>) n²; H(Y<sub>1</sub> … Y<sub>d+1</sub>) sums −p ln p over
 * p = Σ<sub>x∈y</sub> π<sub>x</sub> b<sub>w</sub>(x), and H(Y<sub>2</sub> … Y<sub>d+1</sub> | X<sub>1</sub>) sums
 * −π<sub>x</sub> b ln b.
 *
 * @param lower lower<sub>m</sub>, nats per step (≥ 0)
 * @param upper upper<sub>m</sub>, nats per step
 * @param order m, the word length of the bounds
 */
public record KlRate(double lower, double upper, int order) {

    /** Largest order {@link #bounds(MarkovChain, double[], Partition)} chooses. */
    public static final int MAX_ORDER = 12;
    /** Work budget (multiply-adds) by which {@link #bounds(MarkovChain, double[], Partition)} chooses the order. */
    public static final double WORK_BUDGET = 1e9;

    public KlRate {
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
        if (!(lower >= 0) || !(upper >= lower - 1e-12)) {
            throw new IllegalArgumentException("need 0 <= lower <= upper, got " + lower + ", " + upper);
        }
    }

    /** The bounds of the largest order m ≤ {@link #MAX_ORDER} whose walk fits {@link #WORK_BUDGET} (at least 1). */
    public static KlRate bounds(MarkovChain chain, double[] pi, Partition partition) {
        double n = chain.size();
        int k = partition.blockCount();
        int order = 1;
        while (order < MAX_ORDER && words(k, order + 1) * n * n <= WORK_BUDGET) {
            order++;
        }
        return bounds(chain, pi, partition, order);
    }

    /** Number of words whose children the walk computes for order m: 1 + k + … + k<sup>m−1</sup>. */
    private static double words(int k, int order) {
        double sum = 0;
        double power = 1;
        for (int d = 0; d < order; d++) {
            sum += power;
            power *= k;
        }
        return sum;
    }

    /** The bounds of order m (class javadoc). */
    public static KlRate bounds(MarkovChain chain, double[] pi, Partition partition, int order) {
        int n = chain.size();
        if (pi.length != n || partition.size() != n) {
            throw new IllegalArgumentException("chain, stationary law and partition disagree in size");
        }
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("order must be in 1 … " + MAX_ORDER + ", got " + order);
        }
        // joint[d] = H(Y_1 … Y_d) for d = 1 … m + 1; givenX[d] = H(Y_2 … Y_{d+1} | X_1) for d = 0 … m
        double[] joint = new double[order + 2];
        double[] givenX = new double[order + 1];
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        int[] block = partition.blocks();
        int[][] members = new int[partition.blockCount()][];
        int[] size = new int[members.length];
        for (int b : block) {
            size[b]++;
        }
        for (int c = 0; c < members.length; c++) {
            members[c] = new int[size[c]];
            size[c] = 0;
        }
        for (int x = 0; x < n; x++) {
            members[block[x]][size[block[x]]++] = x;
        }
        walk(chain.transitions(), pi, block, members, ones, 0, order, joint, givenX);
        double h21 = joint[2] - joint[1];
        double lower = h21 - (joint[order + 1] - joint[order]);
        double upper = h21 - (givenX[order] - givenX[order - 1]);
        // rounding: both are differences of sums of −p ln p, exact zeros come out as ±1e-16
        return new KlRate(Math.max(0, lower), Math.max(Math.max(0, lower), upper), order);
    }

    /** Visits word w (vector b = b_w, length d) and, below the order, its one-block-longer words. */
    private static void walk(double[][] p, double[] pi, int[] block, int[][] members, double[] b, int d, int order,
            double[] joint, double[] givenX) {
        int n = b.length;
        int k = members.length;
        double[] mass = new double[k];
        double entropyGivenX = 0;
        for (int x = 0; x < n; x++) {
            double v = b[x];
            if (v > 0) {
                mass[block[x]] += pi[x] * v;
                entropyGivenX -= pi[x] * v * Math.log(v);
            }
        }
        givenX[d] += entropyGivenX;
        for (double m : mass) {
            if (m > 0) {
                joint[d + 1] -= m * Math.log(m);
            }
        }
        if (d == order) {
            return;
        }
        for (int y = 0; y < k; y++) {
            if (!(mass[y] > 0)) {
                continue; // no state of block y leads to w: b_{yw} = 0
            }
            int[] states = members[y];
            double[] child = new double[n];
            for (int x = 0; x < n; x++) {
                double[] row = p[x];
                double s = 0;
                for (int j : states) {
                    s += row[j] * b[j];
                }
                child[x] = s;
            }
            walk(p, pi, block, members, child, d + 1, order, joint, givenX);
        }
    }
}
