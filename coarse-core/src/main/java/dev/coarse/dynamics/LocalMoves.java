package dev.coarse.dynamics;

/**
 * The local-move refinement of {@link LumpingSearch#localMoves}: move single states between blocks while a move lowers
 * L(φ) by more than {@link #MOVE_GAIN}. Each round visits the states in order and tries every other block for each;
 * the trial loss is recomputed exactly (O(n·k) logarithms) and the state goes to the block of lowest trial loss.
 *
 * <p><b>Screening.</b> Recomputing every trial exactly costs O(n²k²) logarithms a round (minutes for a dense
 * 2,000-state chain and k = 10). So every trial is first bounded from below in O(n) multiply-adds: with
 * L = Σ<sub>il</sub>π<sub>i</sub>G(R<sub>il</sub>) − Σ<sub>cl</sub>G(F<sub>cl</sub>) + Σ<sub>c</sub>G(π̃<sub>c</sub>),
 * G(x) = x ln x (see {@link GreedyLumping}), moving state s from block a to b changes the columns a, b of R by
 * ∓P<sub>·s</sub>, O(k) entries of the block flow F and two block weights. The R-part uses the expansion
 * G(r + d) − G(r) = d(1 + ln r) + d²/(2r) + e with |e| ≤ |d|³/(3r²) for |d| ≤ r/2 (otherwise it is evaluated
 * exactly), with ln r and 1/r cached per column; the F and weight parts are evaluated exactly. Only a trial whose lower
 * bound (estimate − the bound on e − a rounding slack) could beat the current best is recomputed exactly, and the
 * decision uses that exact value — so the moves, and the result, are bit for bit those of recomputing every trial
 * (the lumped rows R even replay the trial moves' rounding). A test checks this against the plain algorithm.
 */
final class LocalMoves {

    /** Rounds of local moves at most. */
    static final int MAX_ROUNDS = 50;
    /** Smallest loss decrease (nats) a move must bring, so that rounding cannot make moves cycle. */
    static final double MOVE_GAIN = 1e-14;
    /**
     * Absolute slack (nats) of the screening bound for rounding in the estimate and in the exact loss. Generous: a
     * larger slack only costs exact recomputations, never a different move.
     */
    private static final double SCREEN_SLACK = 1e-10;

    private final double[] pi;
    /** columns[s][j] = P[j][s]. */
    private final double[][] columns;
    private final int n;
    private final int k;
    private final int[] block;
    private final int[] blockSize;
    /**
     * The lumped rows by block, r[l][j] = R<sub>jl</sub>: the same numbers, rounded the same way, as the plain
     * algorithm's row-major R, but a move touches two contiguous arrays instead of one entry in each of n rows.
     */
    private final double[][] r;
    /** Caches of the screening, by column: R, ln R and 1/R (as of the last accepted move). */
    private final double[][] rByColumn;
    private final double[][] lnR;
    private final double[][] invR;
    private final double[][] flow;
    private final double[] weight;

    private LocalMoves(double[][] columns, double[] pi, Partition start, double[][] r) {
        this.pi = pi;
        this.columns = columns;
        this.n = pi.length;
        this.k = start.blockCount();
        this.block = start.blocks();
        this.blockSize = new int[k];
        for (int b : block) {
            blockSize[b]++;
        }
        this.r = new double[k][n];
        for (int j = 0; j < n; j++) {
            for (int l = 0; l < k; l++) {
                this.r[l][j] = r[j][l];
            }
        }
        this.rByColumn = new double[k][n];
        this.lnR = new double[k][n];
        this.invR = new double[k][n];
        this.flow = new double[k][k];
        this.weight = new double[k];
        for (int l = 0; l < k; l++) {
            refreshColumn(l);
        }
        refreshFlow();
    }

    /** P's columns as arrays, columns[s][j] = P[j][s] (what every move reads). */
    static double[][] columns(MarkovChain chain) {
        int n = chain.size();
        double[][] columns = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] row = chain.row(j);
            for (int s = 0; s < n; s++) {
                columns[s][j] = row[s];
            }
        }
        return columns;
    }

    /** {@link LumpingSearch#localMoves}, given P's {@link #columns}. */
    static Partition run(MarkovChain chain, double[][] columns, double[] pi, Partition start) {
        LocalMoves m = new LocalMoves(columns, pi, start, Lumping.lumpedRows(chain, start));
        return m.descend();
    }

    private Partition descend() {
        double loss = columnLoss();
        double[] u = new double[k];
        double[] q = new double[n];
        double[] estimate = new double[k];
        double[] error = new double[k];
        for (int round = 0; round < MAX_ROUNDS && loss > 0; round++) {
            boolean improved = false;
            for (int i = 0; i < n; i++) {
                int from = block[i];
                if (blockSize[from] == 1) {
                    continue;
                }
                screen(i, from, u, q, estimate, error);
                int bestBlock = from;
                double best = loss;
                for (int to = 0; to < k; to++) {
                    if (to == from) {
                        continue;
                    }
                    move(i, from, to);
                    double bound = loss + estimate[to] - error[to] - SCREEN_SLACK - 1e-9 * Math.abs(loss);
                    if (bound < best - MOVE_GAIN) {
                        double trial = columnLoss();
                        if (trial < best - MOVE_GAIN) {
                            best = trial;
                            bestBlock = to;
                        }
                    }
                    move(i, to, from);
                }
                if (bestBlock != from) {
                    move(i, from, bestBlock);
                    blockSize[from]--;
                    blockSize[bestBlock]++;
                    loss = best;
                    improved = true;
                    refreshColumn(from);
                    refreshColumn(bestBlock);
                    refreshFlow();
                }
            }
            if (!improved) {
                break;
            }
        }
        return new Partition(block);
    }

    /**
     * For state s in block a: estimate[b] ≈ L(after moving s to b) − L(now), within ±error[b] (class javadoc), for
     * every b ≠ a.
     */
    private void screen(int s, int a, double[] u, double[] q, double[] estimate, double[] error) {
        double[] p = columns[s];
        java.util.Arrays.fill(u, 0);
        for (int j = 0; j < n; j++) {
            q[j] = pi[j] * p[j];
            u[block[j]] += q[j];
        }
        // the R part: column a loses P_·s, column b gains it
        double[] bound = new double[1];
        double removal = columnChange(a, -1, p, q, bound);
        double removalError = bound[0];
        double ps = pi[s];
        double[] rs = new double[k];
        for (int c = 0; c < k; c++) {
            rs[c] = r[c][s];
        }
        double pss = p[s];
        for (int b = 0; b < k; b++) {
            if (b == a) {
                continue;
            }
            double addition = columnChange(b, 1, p, q, bound);
            double additionError = bound[0];
            // the flow part: columns a, b and rows a, b of F change
            double flowChange = 0;
            for (int c = 0; c < k; c++) {
                if (c == a || c == b) {
                    continue;
                }
                flowChange += g(flow[c][a] - u[c]) - g(flow[c][a]) + g(flow[c][b] + u[c]) - g(flow[c][b]);
                double moved = ps * rs[c];
                flowChange += g(flow[a][c] - moved) - g(flow[a][c]) + g(flow[b][c] + moved) - g(flow[b][c]);
            }
            double stay = u[a] - ps * pss;
            double arrive = u[b] + ps * pss;
            flowChange += g(flow[a][a] - ps * rs[a] - stay) - g(flow[a][a]);
            flowChange += g(flow[a][b] - ps * rs[b] + stay) - g(flow[a][b]);
            flowChange += g(flow[b][a] + ps * rs[a] - arrive) - g(flow[b][a]);
            flowChange += g(flow[b][b] + ps * rs[b] + arrive) - g(flow[b][b]);
            double weightChange = g(weight[a] - ps) - g(weight[a]) + g(weight[b] + ps) - g(weight[b]);
            estimate[b] = removal + addition - flowChange + weightChange;
            // |e| ≤ d³/(3r²) per term, times π_j: q_j t²/3 with t = d/r
            error[b] = (removalError + additionError) / 3;
        }
    }

    /**
     * Σ<sub>j</sub> π<sub>j</sub>[G(R<sub>jl</sub> + σp<sub>j</sub>) − G(R<sub>jl</sub>)] for σ = ±1, by the expansion
     * where p<sub>j</sub> ≤ R<sub>jl</sub>/2 (then {@code bound[0]} receives 3 × the bound on its error) and exactly
     * elsewhere.
     */
    private double columnChange(int l, double sign, double[] p, double[] q, double[] bound) {
        double[] rc = rByColumn[l];
        double[] ln = lnR[l];
        double[] inv = invR[l];
        double sum = 0;
        double error = 0;
        for (int j = 0; j < n; j++) {
            double d = p[j];
            if (d == 0) {
                continue;
            }
            double x = rc[j];
            if (d <= 0.5 * x) {
                double t = d * inv[j];
                sum += q[j] * (sign * (1 + ln[j]) + 0.5 * t);
                error += q[j] * t * t;
            } else {
                sum += pi[j] * (g(x + sign * d) - g(x));
            }
        }
        bound[0] = error;
        return sum;
    }

    private void refreshColumn(int l) {
        double[] rc = rByColumn[l];
        double[] ln = lnR[l];
        double[] inv = invR[l];
        double[] column = r[l];
        for (int j = 0; j < n; j++) {
            double x = column[j];
            rc[j] = x;
            ln[j] = x > 0 ? Math.log(x) : 0;
            inv[j] = x > 0 ? 1 / x : 0;
        }
    }

    private void refreshFlow() {
        for (double[] row : flow) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(weight, 0);
        for (int i = 0; i < n; i++) {
            int c = block[i];
            weight[c] += pi[i];
            for (int l = 0; l < k; l++) {
                flow[c][l] += pi[i] * r[l][i];
            }
        }
    }

    private void move(int state, int from, int to) {
        double[] column = columns[state];
        double[] a = r[from];
        double[] b = r[to];
        for (int j = 0; j < n; j++) {
            double p = column[j];
            a[j] -= p;
            b[j] += p;
        }
        block[state] = to;
    }

    /**
     * L(φ) of the current R: Σ π_i D(R_i ‖ Q_φ(i)), Q from the flows — the exact value every decision uses, with the
     * operations in the plain algorithm's order (rows outer, blocks inner), so the same bits.
     */
    private double columnLoss() {
        double[][] f = new double[k][k];
        double[] w = new double[k];
        for (int i = 0; i < n; i++) {
            int c = block[i];
            w[c] += pi[i];
            for (int l = 0; l < k; l++) {
                f[c][l] += pi[i] * r[l][i];
            }
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int c = block[i];
            for (int l = 0; l < k; l++) {
                double x = r[l][i];
                // Moves leave rounding residue (±1e-17) where a column lost all its mass.
                if (x > 1e-300 && f[c][l] > 0) {
                    loss += pi[i] * x * Math.log(x * w[c] / f[c][l]);
                }
            }
        }
        return Math.max(0, loss);
    }

    private static double g(double x) {
        return x > 0 ? x * Math.log(x) : 0;
    }
}
