package dev.coarse.cli.info;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.DataShape;
import dev.coarse.data.EnsembleSampleSource;
import dev.coarse.data.SampleSource;
import dev.coarse.info.BlockGeometry;
import dev.coarse.info.BlockInformation;
import dev.coarse.info.BlockInformation.EnvironmentCode;
import dev.coarse.info.BlockInformation.KeptInformation;
import dev.coarse.info.DiscreteInformation;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.BlockPatternRule;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.CoarseGrainingRules;
import dev.coarse.rg.TieBreak;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.IntUnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coarse info block FILE}: the RSMI block–environment profile I(V:E) over buffer widths and, with a
 * rule, the fraction of it a coarse-graining keeps and the loss H(V|H). FILE is a Coarse ensemble file
 * ({@code .h5}; lattice and model from its metadata, level chosen by {@code --level}) or a CSV with one
 * flattened configuration per row (row-major sites; Ising ±1 or Potts 0…q−1), whose lattice is the periodic
 * hypercube with that many sites in {@code --dimension} dimensions. Rules are the real
 * {@code dev.coarse.rg} rules tabulated over block patterns ({@link BlockPatternRule}); majority breaks ties
 * with the block's corner spin so that the coarse spin is a function of the block.
 */
@Command(name = "block", mixinStandardHelpOptions = true,
        description = "Block-environment mutual information I(V:E) versus buffer width, and what a rule keeps.")
final class InfoBlockCommand implements Callable<Integer> {

    /** The coarse-graining rules this command knows, as functions of the block pattern code. */
    enum Rule {
        MAJORITY, DECIMATION
    }

    @Parameters(index = "0", paramLabel = "FILE",
            description = "Coarse ensemble file (.h5), or a CSV with one flattened configuration per row.")
    Path file;

    @Mixin
    LevelOption level;

    @Option(names = "--dimension", paramLabel = "D",
            description = "Lattice dimension of a CSV file (default: 2; an ensemble file records its own).")
    Integer dimension;

    @Option(names = "--block", defaultValue = "2", description = "Block side b (default: ${DEFAULT-VALUE}).")
    int block;

    @Option(names = "--buffer", defaultValue = "0..2",
            description = "Buffer widths L_B: a range A..B or a list 0,1,3 (default: ${DEFAULT-VALUE}).")
    String buffer;

    @Option(names = "--env", defaultValue = "1", description = "Environment shell width L_E (default: ${DEFAULT-VALUE}).")
    int environment;

    @Option(names = "--rule", description = "majority or decimation: also report the kept fraction and H(V|H).")
    Rule rule;

    @Option(names = "--environment-code", defaultValue = "sum",
            description = "pattern (full E pattern; biased when undersampled) or sum (shell sum; a lower bound)"
                    + " (default: ${DEFAULT-VALUE}).")
    String environmentCode;

    @Option(names = "--corner-only", description = "Use only the block at site 0 instead of every position.")
    boolean cornerOnly;

    @Option(names = "--estimator", defaultValue = "miller-madow",
            description = "plugin, miller-madow or nsb (default: ${DEFAULT-VALUE}).")
    String estimator;

    @Mixin
    ProgressBars progress;

    @Mixin
    InfoCommand.Reporting reporting;

    @Mixin
    Output output;

    /** Pooled samples (configurations × positions × buffer widths) from which a run shows a progress bar. */
    static final long PROGRESS_SAMPLES = 4_000_000;

    @Override
    public Integer call() throws IOException {
        EntropyEstimator entropy = EntropyEstimator.named(estimator);
        EnvironmentCode code = switch (environmentCode) {
            case "pattern" -> EnvironmentCode.PATTERN;
            case "sum" -> EnvironmentCode.SUM;
            default -> throw new UserError("--environment-code must be pattern or sum, got '" + environmentCode + "'");
        };
        int[] buffers = parseBuffers(buffer);
        if (block < 1) {
            throw new UserError("--block must be at least 1, got " + block);
        }
        // a CSV's configurations are copied into one byte a site (an ensemble's are used as read); the pattern code
        // tabulates V, E (and H with --rule) as longs for every sample and block position (the sum code streams)
        long codes = code == EnvironmentCode.PATTERN ? (rule == null ? 2 : 3) * (long) Long.BYTES : 0;
        level.requireMemory(file, "info block", shape -> DataShape.saturate((shape.kind() == DataShape.Kind.ENSEMBLE
                ? 0 : shape.rowBytes(Byte.BYTES)) + (double) shape.samples() * (cornerOnly ? 1 : shape.values()) * codes));
        SampleSource source = level.open(file);
        Lattice lattice;
        byte[][] configs;
        int q;
        if (source instanceof EnsembleSampleSource ensemble) {
            lattice = ensemble.lattice();
            if (dimension != null && dimension != lattice.dimension()) {
                throw new UserError("--dimension " + dimension + " disagrees with " + file.getFileName()
                        + ", which holds a " + lattice.dimension() + "-dimensional lattice (" + lattice + ")");
            }
            configs = ensemble.configurations();
            q = ensemble.ensemble().model().statesPerSite();
            if (rule != null && !(ensemble.ensemble().model() instanceof IsingModel)) {
                throw new UserError("--rule " + ruleName() + " needs Ising spins -1/+1, but " + file.getFileName()
                        + " holds " + ensemble.ensemble().meta().model() + " (q = " + q + ") configurations");
            }
        } else {
            lattice = latticeFor(source.columnCount(), dimension == null ? 2 : dimension);
            configs = new byte[source.rowCount()][lattice.siteCount()];
            q = csvConfigurations(source, configs);
            if (rule != null && q != 2) {
                throw new UserError("--rule needs two-state (Ising) configurations, found " + q + " states");
            }
        }
        if (block > lattice.linearSize()) {
            throw new UserError("block " + block + " is larger than the lattice " + lattice);
        }
        DiscreteInformation information = new DiscreteInformation(entropy, Math.max(2, reporting.resamples),
                reporting.seed);
        IntUnaryOperator ruleFunction = rule == null ? null
                : BlockPatternRule.of(coarseGraining(rule, block), lattice.dimension(), block);
        ObjectNode root = JsonOutput.object();
        root.put("estimator", estimator);
        root.put("n_samples", source.rowCount());
        root.put("lattice", lattice.toString());
        if (source instanceof EnsembleSampleSource) {
            root.put("level", level.level());
        }
        root.put("block", block);
        root.put("env", environment);
        root.put("environment_code", environmentCode);
        root.put("unit", reporting.unitName());
        if (rule != null) {
            root.put("rule", ruleName());
        }
        ArrayNode profile = root.putArray("profile");
        PrintWriter out = output.out();
        // with a bar on stderr the text rows are printed after it, so that the two do not interleave
        long samples = (long) configs.length * (cornerOnly ? 1 : lattice.siteCount()) * buffers.length;
        boolean showProgress = progress.shown() && samples >= PROGRESS_SAMPLES;
        java.io.StringWriter rows = new java.io.StringWriter();
        PrintWriter text = showProgress ? new PrintWriter(rows) : out;
        // one step per bootstrap resample (and one for counting) of each buffer width: one estimate per width
        long steps = (long) buffers.length * information.ticksPerEstimate();
        try (ProgressReporter bar = ProgressReporter.create("info block", !showProgress, output.err(), 0, steps)) {
            long[] done = {0};
            BlockInformation blocks = new BlockInformation(lattice, q,
                    information.withProgress(() -> bar.advance(++done[0], steps)));
            for (int lb : buffers) {
                profileRow(profile.addObject(), blocks, configs, lattice, lb, ruleFunction, code, text);
            }
        }
        text.flush();
        out.print(rows);
        if (output.json()) {
            output.print(root);
        } else {
            out.printf("(%s, %s, %d configurations, %s)%n", estimator, lattice, source.rowCount(), reporting.unitName());
            out.flush();
        }
        return 0;
    }

    /** Fills one profile row (buffer width {@code lb}) and, without --json, prints its text line to {@code out}. */
    private void profileRow(ObjectNode row, BlockInformation blocks, byte[][] configs, Lattice lattice, int lb,
            IntUnaryOperator ruleFunction, EnvironmentCode code, PrintWriter out) {
        double unit = reporting.unit();
        BlockGeometry g = new BlockGeometry(lattice, block, lb, environment);
        row.put("buffer", lb);
        if (ruleFunction == null) {
            Estimate e = blocks.visibleEnvironment(configs, g, !cornerOnly, code);
            row.set("mi", scaled(e, unit));
            if (!output.json()) {
                out.printf("L_B = %d: I(V:E) = %.6g ± %.2g%n", lb, e.mean() / unit, e.error() / unit);
            }
        } else {
            KeptInformation k = blocks.keptInformation(configs, g, ruleFunction, !cornerOnly, code);
            row.set("mi", scaled(k.visibleEnvironment(), unit));
            row.set("coarse_mi", scaled(k.coarseEnvironment(), unit));
            row.set("kept_fraction", scaled(k.keptFraction(), 1.0));
            row.set("loss", scaled(k.lossGivenCoarse(), unit));
            if (!output.json()) {
                out.printf("L_B = %d: I(V:E) = %.6g ± %.2g, I(H:E) = %.6g ± %.2g, kept %.4f ± %.2g, H(V|H) = %.6g ± %.2g%n",
                        lb, k.visibleEnvironment().mean() / unit, k.visibleEnvironment().error() / unit,
                        k.coarseEnvironment().mean() / unit, k.coarseEnvironment().error() / unit,
                        k.keptFraction().mean(), k.keptFraction().error(),
                        k.lossGivenCoarse().mean() / unit, k.lossGivenCoarse().error() / unit);
            }
        }
    }

    private static ObjectNode scaled(Estimate e, double unit) {
        ObjectNode n = JsonOutput.object();
        JsonOutput.putNumber(n, "mean", e.mean() / unit);
        JsonOutput.putNumber(n, "error", e.error() / unit);
        return n;
    }

    private String ruleName() {
        return rule.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The rg rule: majority (ties broken by the block's corner spin, so H is a function of V) or decimation. */
    static CoarseGraining coarseGraining(Rule rule, int blockSize) {
        return CoarseGrainingRules.byName(rule.name().toLowerCase(java.util.Locale.ROOT), blockSize, TieBreak.FIXED_SITE);
    }

    /** Copies a CSV's configurations into {@code configs} (modified) and returns the states per site. */
    private static int csvConfigurations(SampleSource source, byte[][] configs) {
        int maxValue = 0;
        boolean negative = false;
        for (int s = 0; s < configs[0].length; s++) {
            double[] column = source.column(s);
            for (int r = 0; r < column.length; r++) {
                double v = column[r];
                if (v != Math.rint(v) || v < -1 || v > 127) {
                    throw new UserError("site " + s + " of configuration " + r + " has the value " + v
                            + "; expected Ising spins -1/+1 or Potts states 0..q-1");
                }
                configs[r][s] = (byte) v;
                maxValue = Math.max(maxValue, (int) v);
                negative |= v < 0;
            }
        }
        return negative ? 2 : Math.max(2, maxValue + 1);
    }

    static Lattice latticeFor(int sites, int dimension) {
        if (dimension < 1 || dimension > 3) {
            throw new UserError("--dimension must be 1, 2 or 3, got " + dimension);
        }
        int side = (int) Math.round(Math.pow(sites, 1.0 / dimension));
        if (Math.round(Math.pow(side, dimension)) != sites) {
            throw new UserError(sites + " columns is not the site count of a " + dimension
                    + "-dimensional hypercubic lattice");
        }
        return Lattice.of(dimension, side);
    }

    static int[] parseBuffers(String spec) {
        try {
            if (spec.contains("..")) {
                String[] parts = spec.split("\\.\\.", -1);
                if (parts.length != 2) {
                    throw new UserError("--buffer range must be A..B, got '" + spec + "'");
                }
                int from = Integer.parseInt(parts[0].strip());
                int to = Integer.parseInt(parts[1].strip());
                if (from < 0 || to < from) {
                    throw new UserError("--buffer range must be A..B with 0 <= A <= B, got " + spec);
                }
                int[] out = new int[to - from + 1];
                for (int i = 0; i < out.length; i++) {
                    out[i] = from + i;
                }
                return out;
            }
            String[] parts = spec.split(",");
            int[] out = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Integer.parseInt(parts[i].strip());
                if (out[i] < 0) {
                    throw new UserError("--buffer widths must be >= 0, got " + spec);
                }
            }
            return out;
        } catch (NumberFormatException e) {
            throw new UserError("--buffer must be a range A..B or a list 0,1,2, got '" + spec + "'");
        }
    }
}
