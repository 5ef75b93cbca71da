package dev.coarse.dynamics;

/**
 * Agglomerative minimum-loss lumping: start from singletons and repeatedly merge the two blocks whose merger raises
 * the information loss L(φ) of {@link Lumping} least (the agglomerative information bottleneck of Slonim &amp;
 * Tishby 1999 as Geiger et al. 2015 apply it to Markov aggregation, here with the exact change of L).
 *
 * <p>Write L = A − Σ<sub>cl</sub>G(F<sub>cl</sub>) + Σ<sub>c</sub>G(π̃<sub>c</sub>), G(x) = x ln x,
 * A = Σ<sub>i</sub>π<sub>i</sub>Σ<sub>l</sub>G(R<sub>il</sub>), F<sub>cl</sub> = Σ<sub>i∈c</sub>π<sub>i</sub>R<sub>il</sub>
 * the block-to-block flow. Merging blocks c and d merges columns c, d of R and rows and columns c, d of F, so with
 * h(x, y) = G(x + y) − G(x) − G(y) the change is a sum of h over the merged entries. The pairwise sums of h over
 * R's rows, F's rows and F's columns are kept for every pair of blocks and updated in O(1) per pair after a merger
 * (only the merged row and column change), so a step costs O(m² + n·m) for m blocks and the whole descent from n
 * blocks to one O(n³) time and five n×n arrays of memory.
 */
public final class GreedyLumping {

    private final int n;
    private final double[] pi;
    private final double[][] lumped;
    private final double[][] flow;
    private final double[] weight;
    private final double[][] mergeA;
    private final double[][] rowH;
    private final double[][] colH;
    private final boolean[] active;
    private final int[] blockOfState;
    private double loss;

    private GreedyLumping(MarkovChain chain, double[] pi) {
        this.n = chain.size();
        this.pi = pi.clone();
        this.lumped = chain.transitions();
        this.flow = new double[n][n];
        this.weight = pi.clone();
        this.active = new boolean[n];
        this.blockOfState = new int[n];
        for (int i = 0; i < n; i++) {
            active[i] = true;
            blockOfState[i] = i;
            for (int j = 0; j < n; j++) {
                flow[i][j] = pi[i] * lumped[i][j];
            }
        }
        this.mergeA = new double[n][n];
        this.rowH = new double[n][n];
        this.colH = new double[n][n];
        for (int c = 0; c < n; c++) {
            for (int d = c + 1; d < n; d++) {
                setPairSums(c, d);
            }
        }
        this.loss = 0;
    }

    /**
     * The greedy path from singletons down to one block: the partition reached at {@code target} blocks and the
     * loss at every block count.
     */
    public static Path descend(MarkovChain chain, double[] pi, int target) {
        Partition[] partitions = new Partition[chain.size() + 1];
        double[] lossAt = descend(chain, pi, target, target, partitions);
        return new Path(partitions[target], lossAt);
    }

    /**
     * The greedy path from singletons down to one block; fills {@code partitionAt[m]} for m in {@code from} … {@code to}
     * and returns the loss at every block count (index m; index 0 unused).
     */
    public static double[] descend(MarkovChain chain, double[] pi, int from, int to, Partition[] partitionAt) {
        int n = chain.size();
        if (from < 1 || to > n || from > to) {
            throw new IllegalArgumentException("number of blocks must be in 1 … " + n + ", got " + from + " … " + to);
        }
        GreedyLumping g = new GreedyLumping(chain, pi);
        double[] lossAt = new double[n + 1];
        lossAt[n] = 0;
        if (to == n) {
            partitionAt[n] = Partition.singletons(n);
        }
        for (int m = n; m > 1 && m > from; m--) {
            g.mergeBest();
            lossAt[m - 1] = Math.max(0, g.loss);
            if (m - 1 <= to) {
                partitionAt[m - 1] = Partition.ofLabels(g.blockOfState);
            }
        }
        return lossAt;
    }

    /**
     * The greedy result.
     *
     * @param partition the partition at the requested number of blocks
     * @param lossAt    {@code lossAt[m]}: L after the greedy path reached m blocks (index 0 unused)
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

    /** h(x, y) = G(x + y) − G(x) − G(y); zero when either is zero, which sparse chains make common. */
    private static double h(double x, double y) {
        if (x == 0 || y == 0) {
            return 0;
        }
        return g(x + y) - g(x) - g(y);
    }

    private void setPairSums(int c, int d) {
        double a = 0;
        for (int i = 0; i < n; i++) {
            a += pi[i] * h(lumped[i][c], lumped[i][d]);
        }
        double rows = 0;
        double cols = 0;
        for (int l = 0; l < n; l++) {
            if (active[l]) {
                rows += h(flow[c][l], flow[d][l]);
                cols += h(flow[l][c], flow[l][d]);
            }
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
        double flowChange = rowH[c][d] - h(fcc, fdc) - h(fcd, fdd)
                + colH[c][d] - h(fcc, fcd) - h(fdc, fdd)
                + g(fcc + fcd + fdc + fdd) - g(fcc) - g(fcd) - g(fdc) - g(fdd);
        return mergeA[c][d] - flowChange + h(weight[c], weight[d]);
    }

    private void mergeBest() {
        int bestC = -1;
        int bestD = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            if (!active[c]) {
                continue;
            }
            for (int d = c + 1; d < n; d++) {
                if (active[d]) {
                    double cost = mergeCost(c, d);
                    if (cost < best) {
                        best = cost;
                        bestC = c;
                        bestD = d;
                    }
                }
            }
        }
        merge(bestC, bestD, best);
    }

    /** Merges block b into block a. */
    private void merge(int a, int b, double cost) {
        loss += cost;
        // Pairs not touching a or b: only the entries in columns a, b (of rows c, d) and rows a, b change.
        for (int c = 0; c < n; c++) {
            if (!active[c] || c == a || c == b) {
                continue;
            }
            for (int d = c + 1; d < n; d++) {
                if (!active[d] || d == a || d == b) {
                    continue;
                }
                double rows = rowH[c][d] + h(flow[c][a] + flow[c][b], flow[d][a] + flow[d][b])
                        - h(flow[c][a], flow[d][a]) - h(flow[c][b], flow[d][b]);
                double cols = colH[c][d] + h(flow[a][c] + flow[b][c], flow[a][d] + flow[b][d])
                        - h(flow[a][c], flow[a][d]) - h(flow[b][c], flow[b][d]);
                rowH[c][d] = rows;
                rowH[d][c] = rows;
                colH[c][d] = cols;
                colH[d][c] = cols;
            }
        }
        for (int i = 0; i < n; i++) {
            lumped[i][a] += lumped[i][b];
            lumped[i][b] = 0;
        }
        for (int l = 0; l < n; l++) {
            flow[a][l] += flow[b][l];
            flow[b][l] = 0;
        }
        for (int r = 0; r < n; r++) {
            flow[r][a] += flow[r][b];
            flow[r][b] = 0;
        }
        weight[a] += weight[b];
        weight[b] = 0;
        active[b] = false;
        for (int i = 0; i < n; i++) {
            if (blockOfState[i] == b) {
                blockOfState[i] = a;
            }
        }
        for (int d = 0; d < n; d++) {
            if (active[d] && d != a) {
                setPairSums(a, d);
            }
        }
    }
}
