package dev.coarse.dynamics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Agglomerative minimum-loss lumping: start from singletons (or a given partition) and repeatedly merge the two
 * blocks whose merger raises the information loss L(φ) of {@link Lumping} least (the agglomerative information
 * bottleneck of Slonim &amp; Tishby 1999 as Geiger et al. 2015 apply it to Markov aggregation, here with the exact
 * change of L).
 *
 * <p>Write L = A − Σ<sub>cl</sub>G(F<sub>cl</sub>) + Σ<sub>c</sub>G(π̃<sub>c</sub>), G(x) = x ln x,
 * A = Σ<sub>i</sub>π<sub>i</sub>Σ<sub>l</sub>G(R<sub>il</sub>), F<sub>cl</sub> = Σ<sub>i∈c</sub>π<sub>i</sub>R<sub>il</sub>
 * the block-to-block flow. Merging blocks c and d merges columns c, d of R and rows and columns c, d of F, so with
 * h(x, y) = G(x + y) − G(x) − G(y) the change is a sum of h over the merged entries. The pairwise sums of h over
 * R's columns, F's rows and F's columns are kept for every pair of blocks and updated incrementally after a merger
 * (only the merged row and column change), so a step costs O(m² + n·m) for m blocks and the whole descent from m₀
 * blocks O(m₀²n + m₀³) time and m₀(5m₀ + 2n) doubles of memory. G of every stored entry is tabulated, so h costs one
 * logarithm (the value is bit for bit the one of evaluating the three G's), and the pair updates and the search for
 * the cheapest pair run in parallel on the fork-join pool the descent is called from (the common pool outside one;
 * {@link LumpingComparison#of(MarkovChain, double[], int, int)} uses a pool of its own size) with the same result as
 * sequentially (ties go to the first pair in (c, d) order).
 *
 * <p><b>Large chains.</b> The exact descent from n singletons costs about n³ logarithms (some 10¹⁰ at n = 2,000).
 * Above {@link #EXACT_STATES} states {@link #descend(MarkovChain, double[], int)} therefore runs in two stages
 * ({@link #preCluster}): the states are first grouped into {@link #PRE_CLUSTERS} blocks by π-weighted k-means on
 * their rows of P in the Hellinger embedding (√P<sub>i·</sub>, randomly projected to {@link #PROJECTION_DIMENSION}
 * dimensions, fixed seed), which targets the upper bound L(φ) ≤ I(X<sub>t</sub>; X<sub>t+1</sub> | Y<sub>t</sub>) =
 * Σ<sub>i</sub> π<sub>i</sub> D(P<sub>i·</sub> ‖ P̄<sub>φ(i)·</sub>) (lumping the next state can only lose information);
 * then the exact greedy descent continues from that partition. The path above {@link #PRE_CLUSTERS} blocks is then
 * not computed ({@link Path#lossAt} is NaN there). On chains of at most {@link #EXACT_STATES} states nothing changes.
 */
public final class GreedyLumping {

    /** Largest chain whose greedy descent starts from singletons; larger ones are pre-clustered first. */
    public static final int EXACT_STATES = 500;
    /** Blocks of the pre-clustering stage on chains above {@link #EXACT_STATES} states. */
    public static final int PRE_CLUSTERS = 200;
    /** Dimension of the random projection of the Hellinger embedding used by the pre-clustering. */
    public static final int PROJECTION_DIMENSION = 64;
    /** Seed of the pre-clustering's random projection and k-means++ seeding (fixed: the result is deterministic). */
    public static final long PRE_CLUSTER_SEED = 20_151_010L;
    private static final int K_MEANS_ITERATIONS = 50;

    private final int n;
    private final int m0;
    private final double[] pi;
    /** column[c][i] = R<sub>ic</sub>, the lumped rows stored by block. */
    private final double[][] column;
    private final double[][] gColumn;
    private final double[][] flow;
    private final double[][] gFlow;
    private final double[] weight;
    private final double[][] mergeA;
    private final double[][] rowH;
    private final double[][] colH;
    private int[] activeList;
    private final int[] blockOfState;
    private double loss;

    private GreedyLumping(MarkovChain chain, double[] pi, Partition start) {
        this.n = chain.size();
        this.m0 = start.blockCount();
        this.pi = pi.clone();
        this.blockOfState = start.blocks();
        double[][] r = Lumping.lumpedRows(chain, start);
        this.column = new double[m0][n];
        this.gColumn = new double[m0][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < m0; c++) {
                column[c][i] = r[i][c];
                gColumn[c][i] = g(r[i][c]);
            }
        }
        this.weight = new double[m0];
        this.flow = new double[m0][m0];
        this.gFlow = new double[m0][m0];
        for (int i = 0; i < n; i++) {
            int c = blockOfState[i];
            weight[c] += pi[i];
            for (int l = 0; l < m0; l++) {
                flow[c][l] += pi[i] * r[i][l];
            }
        }
        for (int c = 0; c < m0; c++) {
            for (int l = 0; l < m0; l++) {
                gFlow[c][l] = g(flow[c][l]);
            }
        }
        this.activeList = IntStream.range(0, m0).toArray();
        this.mergeA = new double[m0][m0];
        this.rowH = new double[m0][m0];
        this.colH = new double[m0][m0];
        IntStream.range(0, m0).parallel().forEach(c -> {
            for (int d = c + 1; d < m0; d++) {
                setPairSums(c, d);
            }
        });
        // From singletons the loss is exactly 0 (a recomputation would give the same up to rounding).
        this.loss = m0 == n ? 0 : Lumping.informationLoss(chain, pi, start);
    }

    /**
     * The greedy path down to one block: the partition reached at {@code target} blocks and the loss at every block
     * count. From singletons for chains of at most {@link #EXACT_STATES} states, else from the pre-clustering (class
     * javadoc).
     */
    public static Path descend(MarkovChain chain, double[] pi, int target) {
        Partition[] partitions = new Partition[chain.size() + 1];
        double[] lossAt = descend(chain, pi, target, target, partitions);
        return new Path(partitions[target], lossAt);
    }

    /**
     * The greedy path down to one block; fills {@code partitionAt[m]} for m in {@code from} … {@code to} and returns
     * the loss at every block count (index m; index 0 unused; NaN above the start's block count). Starts from
     * singletons for chains of at most {@link #EXACT_STATES} states, else from {@link #preCluster} into
     * max({@link #PRE_CLUSTERS}, {@code to}) blocks.
     */
    public static double[] descend(MarkovChain chain, double[] pi, int from, int to, Partition[] partitionAt) {
        int n = chain.size();
        requireRange(from, to, n);
        Partition start = n <= EXACT_STATES ? Partition.singletons(n)
                : preCluster(chain, pi, Math.max(PRE_CLUSTERS, to));
        if (start.blockCount() < to) {
            start = Partition.singletons(n);
        }
        return descendFrom(chain, pi, start, from, to, partitionAt);
    }

    /**
     * The exact greedy path from {@code start} (which must have at least {@code to} blocks) down to {@code from}
     * blocks: fills {@code partitionAt[m]} for m in {@code from} … {@code to} and returns the loss at every block count
     * (index m, NaN above {@code start}'s block count).
     */
    public static double[] descendFrom(MarkovChain chain, double[] pi, Partition start, int from, int to,
            Partition[] partitionAt) {
        int n = chain.size();
        requireRange(from, to, n);
        if (start.size() != n) {
            throw new IllegalArgumentException("the partition covers " + start.size() + " states, the chain has " + n);
        }
        int m0 = start.blockCount();
        if (to > m0) {
            throw new IllegalArgumentException("the start has " + m0 + " blocks, fewer than " + to);
        }
        GreedyLumping g = new GreedyLumping(chain, pi, start);
        double[] lossAt = new double[n + 1];
        Arrays.fill(lossAt, Double.NaN);
        lossAt[m0] = Math.max(0, g.loss);
        if (to == m0) {
            partitionAt[m0] = Partition.ofLabels(g.blockOfState);
        }
        for (int m = m0; m > 1 && m > from; m--) {
            g.mergeBest();
            lossAt[m - 1] = Math.max(0, g.loss);
            if (m - 1 <= to) {
                partitionAt[m - 1] = Partition.ofLabels(g.blockOfState);
            }
        }
        return lossAt;
    }

    private static void requireRange(int from, int to, int n) {
        if (from < 1 || to > n || from > to) {
            throw new IllegalArgumentException("number of blocks must be in 1 … " + n + ", got " + from + " … " + to);
        }
    }

    /**
     * The pre-clustering stage (class javadoc): π-weighted k-means (k-means++ seeding, Lloyd iterations) of the
     * randomly projected Hellinger embedding √P<sub>i·</sub> of the states into at most {@code blocks} blocks.
     * Deterministic ({@link #PRE_CLUSTER_SEED}).
     */
    public static Partition preCluster(MarkovChain chain, double[] pi, int blocks) {
        int n = chain.size();
        if (blocks < 1 || blocks > n) {
            throw new IllegalArgumentException("number of blocks must be in 1 … " + n + ", got " + blocks);
        }
        int dim = Math.min(PROJECTION_DIMENSION, n);
        java.util.SplittableRandom random = new java.util.SplittableRandom(PRE_CLUSTER_SEED);
        double[][] projection = new double[n][dim];
        for (double[] row : projection) {
            for (int t = 0; t < dim; t++) {
                row[t] = gaussian(random) / Math.sqrt(dim);
            }
        }
        double[][] x = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] xi = new double[dim];
            double[] p = chain.row(i);
            for (int j = 0; j < n; j++) {
                if (p[j] > 0) {
                    double s = Math.sqrt(p[j]);
                    double[] pj = projection[j];
                    for (int t = 0; t < dim; t++) {
                        xi[t] += s * pj[t];
                    }
                }
            }
            x[i] = xi;
        });
        // k-means++ seeding, weighted by π
        double[][] centres = new double[blocks][];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int first = pick(pi, random);
        centres[0] = x[first].clone();
        for (int c = 1; c < blocks; c++) {
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(x[i], centres[c - 1]));
                score[i] = pi[i] * nearest[i];
            }
            centres[c] = x[pick(score, random)].clone();
        }
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < K_MEANS_ITERATIONS; iteration++) {
            double[][] current = centres;
            int[] next = IntStream.range(0, n).parallel().map(i -> {
                int best = 0;
                double bestDistance = distance(x[i], current[0]);
                for (int c = 1; c < blocks; c++) {
                    double d = distance(x[i], current[c]);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = c;
                    }
                }
                return best;
            }).toArray();
            boolean changed = !Arrays.equals(next, assignment);
            assignment = next;
            if (!changed) {
                break;
            }
            double[][] sums = new double[blocks][dim];
            double[] mass = new double[blocks];
            for (int i = 0; i < n; i++) {
                int c = assignment[i];
                mass[c] += pi[i];
                for (int t = 0; t < dim; t++) {
                    sums[c][t] += pi[i] * x[i][t];
                }
            }
            for (int c = 0; c < blocks; c++) {
                if (mass[c] > 0) {
                    for (int t = 0; t < dim; t++) {
                        sums[c][t] /= mass[c];
                    }
                } else {
                    sums[c] = centres[c];
                }
            }
            centres = sums;
        }
        return Partition.ofLabels(assignment);
    }

    private static double gaussian(java.util.SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** An index drawn with probability proportional to {@code weight} (the largest if all weights are 0). */
    private static int pick(double[] weight, java.util.SplittableRandom random) {
        double total = 0;
        int largest = 0;
        for (int i = 0; i < weight.length; i++) {
            total += weight[i];
            if (weight[i] > weight[largest]) {
                largest = i;
            }
        }
        if (!(total > 0)) {
            return largest;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            u -= weight[i];
            if (u < 0 && weight[i] > 0) {
                return i;
            }
        }
        return largest;
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int t = 0; t < a.length; t++) {
            double e = a[t] - b[t];
            d += e * e;
        }
        return d;
    }

    /**
     * The greedy result.
     *
     * @param partition the partition at the requested number of blocks
     * @param lossAt    {@code lossAt[m]}: L after the greedy path reached m blocks (index 0 unused; NaN where the
     *                  path did not pass)
     */
    public record Path(Partition partition, double[] lossAt) {
        public Path {
            java.util.Objects.requireNonNull(partition, "partition");
            lossAt = lossAt.clone();
        }

        @Override
        public double[] lossAt() {
            return lossAt.clone();
        }
    }

    private static double g(double x) {
        return x > 0 ? x * Math.log(x) : 0;
    }

    /**
     * h(x, y) = G(x + y) − G(x) − G(y) given G(x) and G(y); zero when either is zero, which sparse chains make
     * common.
     */
    private static double h(double x, double y, double gx, double gy) {
        if (x == 0 || y == 0) {
            return 0;
        }
        return g(x + y) - gx - gy;
    }

    private void setPairSums(int c, int d) {
        double a = 0;
        double[] rc = column[c];
        double[] rd = column[d];
        double[] gc = gColumn[c];
        double[] gd = gColumn[d];
        for (int i = 0; i < n; i++) {
            a += pi[i] * h(rc[i], rd[i], gc[i], gd[i]);
        }
        double rows = 0;
        double cols = 0;
        double[] fc = flow[c];
        double[] fd = flow[d];
        double[] gfc = gFlow[c];
        double[] gfd = gFlow[d];
        for (int l : activeList) {
            rows += h(fc[l], fd[l], gfc[l], gfd[l]);
            cols += h(flow[l][c], flow[l][d], gFlow[l][c], gFlow[l][d]);
        }
        mergeA[c][d] = a;
        mergeA[d][c] = a;
        rowH[c][d] = rows;
        rowH[d][c] = rows;
        colH[c][d] = cols;
        colH[d][c] = cols;
    }

    /** The exact change of L if blocks c and d merged. */
    private double mergeCost(int c, int d) {
        double fcc = flow[c][c];
        double fcd = flow[c][d];
        double fdc = flow[d][c];
        double fdd = flow[d][d];
        double gcc = gFlow[c][c];
        double gcd = gFlow[c][d];
        double gdc = gFlow[d][c];
        double gdd = gFlow[d][d];
        double flowChange = rowH[c][d] - h(fcc, fdc, gcc, gdc) - h(fcd, fdd, gcd, gdd)
                + colH[c][d] - h(fcc, fcd, gcc, gcd) - h(fdc, fdd, gdc, gdd)
                + g(fcc + fcd + fdc + fdd) - gcc - gcd - gdc - gdd;
        return mergeA[c][d] - flowChange + h(weight[c], weight[d], g(weight[c]), g(weight[d]));
    }

    private void mergeBest() {
        int[] list = activeList;
        int count = list.length;
        // The cheapest pair of each row c (first d on ties), then the first row with the least cost.
        double[] rowBest = new double[count];
        int[] rowArg = new int[count];
        IntStream.range(0, count).parallel().forEach(x -> {
            int c = list[x];
            double best = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int y = x + 1; y < count; y++) {
                double cost = mergeCost(c, list[y]);
                if (cost < best) {
                    best = cost;
                    arg = list[y];
                }
            }
            rowBest[x] = best;
            rowArg[x] = arg;
        });
        int bestC = -1;
        int bestD = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int x = 0; x < count; x++) {
            if (rowBest[x] < best) {
                best = rowBest[x];
                bestC = list[x];
                bestD = rowArg[x];
            }
        }
        merge(bestC, bestD, best);
    }

    /** Merges block b into block a. */
    private void merge(int a, int b, double cost) {
        loss += cost;
        int[] list = activeList;
        int count = list.length;
        // The merged flow's column a and row a, and their G's, before the pair updates use them.
        double[] newCol = new double[m0];
        double[] gNewCol = new double[m0];
        double[] newRow = new double[m0];
        double[] gNewRow = new double[m0];
        for (int l : list) {
            newCol[l] = flow[l][a] + flow[l][b];
            gNewCol[l] = g(newCol[l]);
            newRow[l] = flow[a][l] + flow[b][l];
            gNewRow[l] = g(newRow[l]);
        }
        // Pairs not touching a or b: only the entries in columns a, b (of rows c, d) and rows a, b change.
        IntStream.range(0, count).parallel().forEach(x -> {
            int c = list[x];
            if (c == a || c == b) {
                return;
            }
            double fca = flow[c][a];
            double fcb = flow[c][b];
            double fac = flow[a][c];
            double fbc = flow[b][c];
            double gca = gFlow[c][a];
            double gcb = gFlow[c][b];
            double gac = gFlow[a][c];
            double gbc = gFlow[b][c];
            for (int y = x + 1; y < count; y++) {
                int d = list[y];
                if (d == a || d == b) {
                    continue;
                }
                double rows = rowH[c][d] + h(newCol[c], newCol[d], gNewCol[c], gNewCol[d])
                        - h(fca, flow[d][a], gca, gFlow[d][a]) - h(fcb, flow[d][b], gcb, gFlow[d][b]);
                double cols = colH[c][d] + h(newRow[c], newRow[d], gNewRow[c], gNewRow[d])
                        - h(fac, flow[a][d], gac, gFlow[a][d]) - h(fbc, flow[b][d], gbc, gFlow[b][d]);
                rowH[c][d] = rows;
                rowH[d][c] = rows;
                colH[c][d] = cols;
                colH[d][c] = cols;
            }
        });
        double[] ra = column[a];
        double[] rb = column[b];
        for (int i = 0; i < n; i++) {
            ra[i] += rb[i];
            rb[i] = 0;
            gColumn[a][i] = g(ra[i]);
            gColumn[b][i] = 0;
        }
        for (int l = 0; l < m0; l++) {
            flow[a][l] += flow[b][l];
            flow[b][l] = 0;
        }
        for (int r = 0; r < m0; r++) {
            flow[r][a] += flow[r][b];
            flow[r][b] = 0;
        }
        for (int l = 0; l < m0; l++) {
            gFlow[a][l] = g(flow[a][l]);
            gFlow[l][a] = g(flow[l][a]);
            gFlow[b][l] = 0;
            gFlow[l][b] = 0;
        }
        weight[a] += weight[b];
        weight[b] = 0;
        activeList = IntStream.of(list).filter(c -> c != b).toArray();
        for (int i = 0; i < n; i++) {
            if (blockOfState[i] == b) {
                blockOfState[i] = a;
            }
        }
        int[] now = activeList;
        // Always (a, d), as the sequential original did: h(x, y) and h(y, x) may differ in the last bit.
        IntStream.of(now).parallel().filter(d -> d != a).forEach(d -> setPairSums(a, d));
    }
}
