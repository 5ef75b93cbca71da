package dev.coarse.learn.reduce;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.data.DataShape;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.info.RuleInformation;
import dev.coarse.lattice.BlockPartition;
import dev.coarse.lattice.Lattice;
import dev.coarse.learn.corex.CorexFit;
import dev.coarse.learn.corex.CorexLayer;
import dev.coarse.learn.corex.CorexLoss;
import dev.coarse.learn.corex.CorexSettings;
import dev.coarse.learn.corex.HierarchicalCorex;
import dev.coarse.learn.corex.LinearCorex;
import dev.coarse.learn.corex.LinearCorexFit;
import dev.coarse.learn.corex.LinearCorexLayer;
import dev.coarse.learn.corex.LinearCorexSettings;
import dev.coarse.learn.corex.SymbolMatrix;
import dev.coarse.learn.rgflow.RgFlowProgress;
import dev.coarse.learn.study.RsmiStage;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.MajorityRule;
import dev.coarse.rg.RuleFlow;
import dev.coarse.rg.RuleLearner;
import dev.coarse.rg.TieBreak;
import dev.coarse.stats.Estimate;
import dev.coarse.study.RuleFlowAnalysis;
import dev.coarse.study.RuleFlowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/** Reduces data level by level with one method and measures what each level keeps and loses. */
public final class Reduction {

    /** The methods. */
    public enum Method {
        /** CorEx factors (any data; columns discretised). */
        COREX,
        /** Linear Gaussian CorEx factors (numeric data; real-valued factors, no discretisation). */
        LINEAR_COREX,
        /** An RSMI filter learned afresh on each level (±1 spins on a square lattice). */
        RSMI,
        /** The majority rule on b×b blocks, ties by a seeded coin (±1 spins on a square lattice). */
        MAJORITY,
        /**
         * A hierarchical RG-Flow trained on the data ({@link FlowReduction}; an L×L field, L = 2<sup>k</sup>):
         * level n's coarse variables are the latents of depth ≥ n.
         */
        RGFLOW
    }

    /**
     * How to reduce.
     *
     * @param method    the method
     * @param levels    levels, ≥ 1
     * @param factors   CorEx: factors of level 1; level n + 1 has half as many as level n (rounded up)
     * @param bins      CorEx: symbols per variable at most (numeric columns are cut at quantiles), 2 … 64
     * @param restarts  CorEx: restarts per level
     * @param batch     CorEx: mini-batch size (0: all samples)
     * @param b         lattice methods: block size
     * @param resamples lattice methods: bootstrap resamples of the information estimates
     * @param threads   worker threads (results do not depend on them)
     */
    public record Settings(Method method, int levels, int factors, int bins, int restarts, int batch, int b,
                           int resamples, int threads) {

        public Settings {
            Objects.requireNonNull(method, "method");
            if (levels < 1 || factors < 1 || bins < 2 || bins > SymbolMatrix.MAX_ALPHABET || restarts < 1
                    || batch < 0 || b < 2 || resamples < 2 || threads < 1) {
                throw new IllegalArgumentException("need levels ≥ 1, factors ≥ 1, bins in 2.."
                        + SymbolMatrix.MAX_ALPHABET + ", restarts ≥ 1, batch ≥ 0, b ≥ 2, resamples ≥ 2 and threads"
                        + " ≥ 1, got " + levels + ", " + factors + ", " + bins + ", " + restarts + ", " + batch
                        + ", " + b + ", " + resamples + ", " + threads);
            }
        }
    }

    private Reduction() {
    }

    /**
     * A lower bound on the heap a reduction of {@code data} holds, from the file's header, for refusing before the
     * data are read one that cannot fit: what {@link ReductionInput#read} holds (the reader's arrays, see
     * {@link DataShape#readBytes()}, and the columns as doubles), and then CoreX's symbol matrix (a byte a value), the
     * lattice methods' ±1 spins (an array per sample), or RG-Flow's quantised images (a byte a value) and latents (a
     * float a value). Factor tables, bootstrap resamples and the networks' own arrays come on top; the RG-Flow and RSMI
     * networks' activations are libtorch's native memory, outside the Java heap, and are not counted.
     *
     * @return bytes, saturating at {@link Long#MAX_VALUE}
     */
    public static long estimatedBytes(DataShape data, Method method) {
        double bytes = data.readBytes();
        if (data.kind() == DataShape.Kind.ENSEMBLE || data.kind() == DataShape.Kind.NPY) {
            bytes += data.columnBytes(); // the reader's arrays are copied into columns; a CSV's and images' already are
        }
        double values = (double) data.samples() * data.values();
        bytes += switch (method) {
            case COREX -> values;
            case LINEAR_COREX -> 0;
            case RSMI, MAJORITY -> data.rowBytes(Byte.BYTES);
            case RGFLOW -> values * (1 + Float.BYTES);
        };
        return DataShape.saturate(bytes);
    }

    /**
     * Runs the reduction.
     *
     * @throws IllegalArgumentException for data the method cannot take (a lattice method on data without a lattice
     *                                  of spins, more levels than the lattice allows)
     */
    public static ReductionResult run(ReductionInput input, Settings settings, long seed) {
        return switch (settings.method()) {
            case COREX -> corex(input, settings, seed);
            case LINEAR_COREX -> linearCorex(input, settings, seed);
            case RSMI -> lattice(input, settings, RsmiStage.learnedRule(settings.b()), seed);
            case MAJORITY -> lattice(input, settings, RuleLearner.fixed(new MajorityRule(settings.b(),
                    TieBreak.COIN)), seed);
            case RGFLOW -> FlowReduction.train(input, settings.levels(), FlowReduction.defaultSettings(seed),
                    Double.POSITIVE_INFINITY, RgFlowProgress.NONE, seed + 1).result();
        };
    }

    private static ReductionResult corex(ReductionInput input, Settings settings, long seed) {
        int[] varying = varying(input);
        SymbolMatrix data = SymbolMatrix.discretise(select(input.columns(), varying), settings.bins());
        int[] factors = new int[settings.levels()];
        factors[0] = settings.factors();
        for (int n = 1; n < factors.length; n++) {
            factors[n] = (factors[n - 1] + 1) / 2;
        }
        CorexSettings corex = CorexSettings.of(settings.factors()).withRestarts(settings.restarts())
                .withBatchSize(settings.batch()).withThreads(settings.threads());
        List<CorexFit> fits = HierarchicalCorex.fit(data, corex, factors, seed);
        List<ReductionResult.Level> levels = new ArrayList<>();
        SymbolMatrix below = data;
        for (int n = 0; n < fits.size(); n++) {
            CorexLayer layer = fits.get(n).best();
            SymbolMatrix labels = layer.labels();
            byte[][] coarse = new byte[labels.rows()][labels.columns()];
            for (int r = 0; r < labels.rows(); r++) {
                System.arraycopy(labels.values(), r * labels.columns(), coarse[r], 0, labels.columns());
            }
            int[] labelsOfInputs = n == 0 ? expand(layer.clusters(), varying, input.columns().length)
                    : layer.clusters();
            levels.add(new ReductionResult.Level(n + 1, labelsOfInputs.length, labelsOfInputs, layer.tc(),
                    RuleFlowAnalysis.NOT_MEASURED, CorexLoss.inputsGivenFactors(below, layer), layer.factorTc(),
                    fits.get(n).stability(), coarse));
            below = labels;
        }
        return new ReductionResult(Method.COREX, input.rows(), input.columns().length, levels);
    }

    /**
     * Linear CorEx level by level: level 1 on the input columns, level n + 1 on the factors of level n, each with
     * half as many factors as the level below (rounded up). Kept: the TC explained; lost: TC(X) − kept, the
     * dependence left in TC(X|Z) + TC(Z).
     */
    private static ReductionResult linearCorex(ReductionInput input, Settings settings, long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        List<ReductionResult.Level> levels = new ArrayList<>();
        int[] varying = varying(input);
        double[][] below = select(input.columns(), varying);
        int factors = settings.factors();
        for (int n = 1; n <= settings.levels(); n++) {
            if (below.length < 2) {
                throw new IllegalArgumentException("level " + n + " would reduce a single variable: linear CorEx"
                        + " needs two; use fewer --levels or more --factors");
            }
            LinearCorexFit fit = new LinearCorex(LinearCorexSettings.of(factors).withRestarts(settings.restarts()))
                    .fit(below, seeds.nextLong());
            LinearCorexLayer layer = fit.best();
            double[][] coarse = layer.transformColumns(below);
            int[] labelsOfInputs = n == 1 ? expand(layer.clusters(), varying, input.columns().length)
                    : layer.clusters();
            levels.add(new ReductionResult.Level(n, labelsOfInputs.length, labelsOfInputs, layer.tc(),
                    RuleFlowAnalysis.NOT_MEASURED, layer.unexplained(), layer.factorTc(), fit.stability(),
                    new byte[0][], coarse));
            below = transpose(coarse);
            factors = (factors + 1) / 2;
        }
        return new ReductionResult(Method.LINEAR_COREX, input.rows(), input.columns().length, levels);
    }

    /**
     * The columns CorEx reads: all of them, except the constant pixels of images (allowed there, a background that
     * never changes), which are left out and labelled −1.
     */
    private static int[] varying(ReductionInput input) {
        int[] kept = java.util.stream.IntStream.range(0, input.columns().length)
                .filter(j -> !ReductionInput.isConstant(input.columns()[j])).toArray();
        if (kept.length == 0) {
            throw new IllegalArgumentException(input.description() + ": every column is constant");
        }
        return kept;
    }

    private static double[][] select(double[][] columns, int[] kept) {
        double[][] out = new double[kept.length][];
        for (int t = 0; t < kept.length; t++) {
            out[t] = columns[kept[t]];
        }
        return out;
    }

    /** Labels of the kept columns spread back over all {@code width} columns, −1 for the others. */
    private static int[] expand(int[] labels, int[] kept, int width) {
        int[] out = new int[width];
        java.util.Arrays.fill(out, -1);
        for (int t = 0; t < kept.length; t++) {
            out[kept[t]] = labels[t];
        }
        return out;
    }

    private static double[][] transpose(double[][] rows) {
        double[][] columns = new double[rows[0].length][rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < columns.length; j++) {
                columns[j][r] = rows[r][j];
            }
        }
        return columns;
    }

    private static ReductionResult lattice(ReductionInput input, Settings settings, RuleLearner learner, long seed) {
        if (input.lattice() == null) {
            throw new IllegalArgumentException(settings.method().name().toLowerCase(java.util.Locale.ROOT)
                    + " coarse-grains ±1 spins on a square lattice: give an Ising ensemble (.h5), a .npy of shape"
                    + " (samples, L, L) with values ±1, or square grey images; " + input.description()
                    + " has none (use --method corex)");
        }
        Lattice lattice = input.lattice();
        MajorityRule probe = new MajorityRule(settings.b());
        Coarsener.lattices(lattice, probe, settings.levels());
        int lastL = lattice.linearSize();
        for (int n = 1; n < settings.levels(); n++) {
            lastL /= settings.b();
        }
        if (settings.b() + 2 > lastL) {
            throw new IllegalArgumentException("level " + settings.levels() + " would coarse-grain an L = " + lastL
                    + " lattice, too small to measure a " + settings.b() + "×" + settings.b()
                    + " block and its environment (need L ≥ b + 2): use fewer --levels");
        }
        RuleFlowAnalysis.Settings measure = new RuleFlowAnalysis.Settings(settings.levels(), 0, 1,
                RuleInformation.Environment.SUM, RuleInformation.Positions.ALL, EntropyEstimator.named("miller-madow"),
                settings.resamples(), null, null, 2, null, 0, 2);
        RuleFlow flow = RuleFlow.iterate(lattice, new DiscreteConfigurations(DegreesOfFreedom.isingSpins(),
                input.spins()), learner, settings.levels(), seed);
        RuleFlowResult result = RuleFlowAnalysis.measure(flow, measure, seed, () -> { });
        List<ReductionResult.Level> levels = new ArrayList<>();
        for (int n = 1; n <= settings.levels(); n++) {
            RuleFlowResult.Level level = result.levels().get(n);
            Lattice fine = flow.lattices().get(n - 1);
            CoarseGraining rule = flow.rules().get(n - 1);
            int[] blockOf = blockLabels(fine, (int) rule.scaleFactor());
            byte[][] coarse = ((DiscreteConfigurations) flow.levels().get(n)).values();
            levels.add(new ReductionResult.Level(n, fine.siteCount(), blockOf, level.information("mi"),
                    level.information("kept_fraction"), level.information("loss"), new double[0], Double.NaN,
                    coarse));
        }
        return new ReductionResult(settings.method(), input.rows(), input.columns().length, levels);
    }

    /** The block (numbered as {@link dev.coarse.lattice.BlockPartition} numbers them) of each fine site. */
    private static int[] blockLabels(Lattice fine, int b) {
        BlockPartition blocks = fine.blocks(b);
        int[] labels = new int[fine.siteCount()];
        for (int block = 0; block < blocks.blockCount(); block++) {
            for (int site : blocks.sitesOf(block)) {
                labels[site] = block;
            }
        }
        return labels;
    }
}
