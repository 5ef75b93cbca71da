package dev.coarse.learn.reduce;

import dev.coarse.info.BlockGeometry;
import dev.coarse.info.DiscreteInformation;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.info.SymbolTable;
import dev.coarse.lattice.Lattice;
import dev.coarse.learn.rgflow.RgFlowFields;
import dev.coarse.learn.rgflow.SpinQuantisation;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RG-Flow's coarse variables on Ising configurations beside the block spins of the majority rule and of learned RSMI
 * filters, level by level on the same ensemble. Level n's block is the 2<sup>n</sup>×2<sup>n</sup> block of the
 * original lattice with lowest corner (a·2<sup>n</sup>, b·2<sup>n</sup>), M = L/2<sup>n</sup> blocks a side, and its
 * variables are
 * <ul>
 *   <li>{@value #FLOW}: the flow's coarse field φ<sub>n</sub> at grid site (a·2<sup>n</sup>, b·2<sup>n</sup>)
 *       ({@link RgFlowFields}; real-valued), and {@value #FLOW_SIGN} its sign;</li>
 *   <li>{@value #MAJORITY}: the majority rule on 2×2 blocks applied n times (ties by a seeded coin), and
 *       {@value #RSMI}: an RSMI filter learned afresh on each level's 2×2 blocks, applied n times — both as
 *       {@code coarse reduce --method majority|rsmi} computes them ({@link Reduction});</li>
 *   <li>{@value #BLOCK_SUM}: the block's magnetisation, the sum of its 4<sup>n</sup> spins (a reference: majority is a
 *       function of it up to ties).</li>
 * </ul>
 * Per level: for pairs of them, the correlation across configurations at each block, averaged over the M² blocks
 * (mean correlation and mean R² = correlation²; the error is a jackknife over 20 contiguous groups of configurations,
 * so it holds for a correlated chain too); and for the discrete ones the information kept, I(X : E), E the original
 * spins in the shell at Chebyshev distance 1 around the block (buffer 0, width 1), summarised as its number of +1
 * spins — at n = 1 exactly {@link dev.coarse.info.RuleInformation}'s measure with the rule's own blocks, buffer 0,
 * environment 1 and {@code Environment.SUM}; at n ≥ 2 the composed variable against the original spins' environment
 * of the 2<sup>n</sup> block (needs 2<sup>n</sup> + 2 ≤ L, else not measured). Miller–Madow, the bootstrap resampling
 * whole configurations. φ<sub>n</sub> depends on the spins of its past light cone, which reaches beyond its block (and
 * into the shell E), so its sign is not a block rule: I(sign : E) can exceed what any function of the block keeps.
 *
 * @param size    L
 * @param samples configurations
 * @param levels  per level n = 1 … levels
 */
public record LatticeComparison(int size, int samples, List<Level> levels) {

    /** The flow's coarse field φ<sub>n</sub>. */
    public static final String FLOW = "rgflow";
    /** Its sign. */
    public static final String FLOW_SIGN = "rgflow_sign";
    /** Majority block spins. */
    public static final String MAJORITY = "majority";
    /** RSMI block spins. */
    public static final String RSMI = "rsmi";
    /** The block's magnetisation. */
    public static final String BLOCK_SUM = "block_sum";

    /** Jackknife groups of configurations. */
    static final int GROUPS = 20;

    public LatticeComparison {
        levels = List.copyOf(levels);
    }

    /**
     * Two variables' agreement, averaged over blocks.
     *
     * @param correlation mean over blocks of the correlation across configurations, ± jackknife error
     * @param rSquared    mean over blocks of its square
     */
    public record Pair(String first, String second, Estimate correlation, Estimate rSquared) {

        public Pair {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            Objects.requireNonNull(correlation, "correlation");
            Objects.requireNonNull(rSquared, "rSquared");
        }
    }

    /** I(variable : E) in nats, or {@link Estimate} NaN when the lattice is too small for the shell. */
    public record Kept(String variable, Estimate information) {

        public Kept {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(information, "information");
        }
    }

    /** One level: block side 2<sup>n</sup>, (L/2<sup>n</sup>)² blocks. */
    public record Level(int level, int blockSide, int blocks, List<Pair> pairs, List<Kept> kept) {

        public Level {
            pairs = List.copyOf(pairs);
            kept = List.copyOf(kept);
        }
    }

    /**
     * Compares on {@code input} (Ising spins on an L×L lattice, e.g. an ensemble file) the flow's coarse fields
     * (the flow trained on such spins quantised by {@code quantisation}, read at the cells' centres) with majority and,
     * if {@code withRsmi}, RSMI block spins.
     *
     * @throws IllegalArgumentException for data without an L×L lattice of spins, a flow of another size, levels
     *                                  outside 1 … log₂L − 1, or fewer than {@value #GROUPS} configurations
     */
    public static LatticeComparison of(ReductionInput input, TrainedRgFlow flow, SpinQuantisation quantisation,
                                       int levels, boolean withRsmi, int resamples, long seed) {
        Lattice lattice = input.lattice();
        if (lattice == null || lattice.dimension() != 2) {
            throw new IllegalArgumentException("the comparison reads ±1 spins on an L×L lattice: "
                    + input.description() + " has none");
        }
        int l = lattice.linearSize();
        if (flow.architecture().linearSize() != l || flow.architecture().channels() != 1) {
            throw new IllegalArgumentException("the flow takes " + flow.architecture().channels() + "×"
                    + flow.architecture().linearSize() + "×" + flow.architecture().linearSize() + " fields, "
                    + input.description() + " holds spins on L = " + l);
        }
        byte[][] spins = input.spins();
        int n = spins.length;
        if (n < GROUPS) {
            throw new IllegalArgumentException("need at least " + GROUPS + " configurations, got " + n);
        }
        double[][][] phi = RgFlowFields.of(flow, quantisation.images(spins, l, null), levels);
        Reduction.Settings base = new Reduction.Settings(Reduction.Method.MAJORITY, levels, 1, 2, 1, 0, 2, resamples,
                1);
        ReductionResult majority = Reduction.run(input, base, seed);
        ReductionResult rsmi = withRsmi ? Reduction.run(input, new Reduction.Settings(Reduction.Method.RSMI, levels,
                1, 2, 1, 0, 2, resamples, 1), seed + 1) : null;
        DiscreteInformation information = new DiscreteInformation(EntropyEstimator.named("miller-madow"), resamples,
                seed + 2);
        List<Level> out = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            int side = 1 << level;
            int m = l / side;
            int blocks = m * m;
            double[][] field = phi[level - 1];
            double[][] sign = new double[n][blocks];
            double[][] sum = blockSums(spins, l, side);
            double[][] maj = asDoubles(majority.levels().get(level - 1).coarse());
            double[][] rs = rsmi == null ? null : asDoubles(rsmi.levels().get(level - 1).coarse());
            for (int r = 0; r < n; r++) {
                for (int s = 0; s < blocks; s++) {
                    sign[r][s] = field[r][s] >= 0 ? 1 : -1;
                }
            }
            List<Pair> pairs = new ArrayList<>();
            pairs.add(pair(FLOW, field, MAJORITY, maj));
            pairs.add(pair(FLOW, field, BLOCK_SUM, sum));
            pairs.add(pair(FLOW_SIGN, sign, MAJORITY, maj));
            if (rs != null) {
                pairs.add(pair(FLOW, field, RSMI, rs));
                pairs.add(pair(MAJORITY, maj, RSMI, rs));
            }
            List<Kept> kept = new ArrayList<>();
            long[] environment = side + 2 <= l ? environmentCounts(spins, lattice, side) : null;
            kept.add(kept(FLOW_SIGN, sign, environment, blocks, information));
            kept.add(kept(MAJORITY, maj, environment, blocks, information));
            if (rs != null) {
                kept.add(kept(RSMI, rs, environment, blocks, information));
            }
            kept.add(kept(BLOCK_SUM, sum, environment, blocks, information));
            out.add(new Level(level, side, blocks, pairs, kept));
        }
        return new LatticeComparison(l, n, out);
    }

    private static double[][] asDoubles(byte[][] values) {
        double[][] out = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            out[r] = new double[values[r].length];
            for (int j = 0; j < values[r].length; j++) {
                out[r][j] = values[r][j];
            }
        }
        return out;
    }

    /** Per configuration, the sum of the spins of each side×side block, blocks row-major. */
    static double[][] blockSums(byte[][] spins, int l, int side) {
        int m = l / side;
        double[][] out = new double[spins.length][m * m];
        for (int r = 0; r < spins.length; r++) {
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < l; j++) {
                    out[r][(i / side) * m + j / side] += spins[r][i * l + j];
                }
            }
        }
        return out;
    }

    /** Rows (configuration, block): the number of +1 spins in the width-1 shell around the block. */
    static long[] environmentCounts(byte[][] spins, Lattice lattice, int side) {
        BlockGeometry geometry = new BlockGeometry(lattice, side, 0, 1);
        int l = lattice.linearSize();
        int m = l / side;
        int[][] shells = new int[m * m][];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                shells[a * m + b] = geometry.environmentSites(lattice.site(new int[] {a * side, b * side}));
            }
        }
        long[] out = new long[spins.length * m * m];
        for (int r = 0; r < spins.length; r++) {
            for (int s = 0; s < shells.length; s++) {
                long count = 0;
                for (int site : shells[s]) {
                    if (spins[r][site] > 0) {
                        count++;
                    }
                }
                out[r * shells.length + s] = count;
            }
        }
        return out;
    }

    private static Kept kept(String name, double[][] values, long[] environment, int blocks,
                             DiscreteInformation information) {
        if (environment == null) {
            return new Kept(name, new Estimate(Double.NaN, Double.NaN, Double.NaN));
        }
        long[] x = new long[environment.length];
        for (int r = 0; r < values.length; r++) {
            for (int s = 0; s < blocks; s++) {
                x[r * blocks + s] = Math.round(values[r][s]);
            }
        }
        SymbolTable table = SymbolTable.ofColumns(new long[][] {x, environment}, null, blocks);
        return new Kept(name, information.mutualInformation(table, new int[] {0}, new int[] {1}));
    }

    /** Mean over blocks of the correlation (and its square) across configurations, jackknifed over groups. */
    static Pair pair(String firstName, double[][] x, String secondName, double[][] y) {
        int n = x.length;
        int blocks = x[0].length;
        double[][][] sums = new double[GROUPS][blocks][5];
        for (int r = 0; r < n; r++) {
            double[][] g = sums[(int) ((long) r * GROUPS / n)];
            for (int s = 0; s < blocks; s++) {
                double a = x[r][s];
                double b = y[r][s];
                double[] t = g[s];
                t[0] += a;
                t[1] += b;
                t[2] += a * a;
                t[3] += b * b;
                t[4] += a * b;
            }
        }
        int[] counts = new int[GROUPS];
        for (int r = 0; r < n; r++) {
            counts[(int) ((long) r * GROUPS / n)]++;
        }
        double[] full = correlations(sums, counts, -1);
        double[] corr = new double[GROUPS];
        double[] sq = new double[GROUPS];
        for (int g = 0; g < GROUPS; g++) {
            double[] c = correlations(sums, counts, g);
            corr[g] = c[0];
            sq[g] = c[1];
        }
        return new Pair(firstName, secondName, jackknife(full[0], corr), jackknife(full[1], sq));
    }

    /** {mean correlation, mean squared correlation} over blocks, leaving out group {@code skip} (−1: none). */
    private static double[] correlations(double[][][] sums, int[] counts, int skip) {
        int blocks = sums[0].length;
        double meanCorrelation = 0;
        double meanSquare = 0;
        for (int s = 0; s < blocks; s++) {
            double[] t = new double[5];
            double count = 0;
            for (int g = 0; g < sums.length; g++) {
                if (g != skip) {
                    for (int k = 0; k < 5; k++) {
                        t[k] += sums[g][s][k];
                    }
                    count += counts[g];
                }
            }
            double mx = t[0] / count;
            double my = t[1] / count;
            double cov = t[4] / count - mx * my;
            double vx = t[2] / count - mx * mx;
            double vy = t[3] / count - my * my;
            double c = cov / Math.sqrt(vx * vy);
            meanCorrelation += c / blocks;
            meanSquare += c * c / blocks;
        }
        return new double[] {meanCorrelation, meanSquare};
    }

    private static Estimate jackknife(double full, double[] leaveOneOut) {
        double mean = 0;
        for (double v : leaveOneOut) {
            mean += v / leaveOneOut.length;
        }
        double squares = 0;
        for (double v : leaveOneOut) {
            squares += (v - mean) * (v - mean);
        }
        int g = leaveOneOut.length;
        return Estimate.of(full, Math.sqrt((g - 1.0) / g * squares));
    }
}
