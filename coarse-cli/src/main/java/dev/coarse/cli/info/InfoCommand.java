package dev.coarse.cli.info;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.CommandGroup;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.SampleSource;
import dev.coarse.info.DiscreteInformation;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.info.KsgEstimator;
import dev.coarse.info.SymbolTable;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coarse info entropy|mi|cmi|tc FILE}: information measures with error bars on a file of samples.
 * Discrete estimators need integer-valued columns; KSG works on real-valued columns.
 */
@Command(name = "info",
        description = "Entropy, mutual information, conditional MI and total correlation of samples in a CSV file"
                + " or a Coarse ensemble file; block-environment MI of lattice configurations.",
        mixinStandardHelpOptions = true,
        subcommands = {
            InfoCommand.Entropy.class,
            InfoCommand.MutualInformation.class,
            InfoCommand.ConditionalMutualInformation.class,
            InfoCommand.TotalCorrelation.class,
            InfoBlockCommand.class,
            InfoNeuralMiCommand.class,
        })
public final class InfoCommand extends CommandGroup {

    /** Options shared by every {@code info} subcommand. */
    static final class Common {
        /** What FILE is, for every command reading a sample file. */
        static final String FILE_DESCRIPTION = "CSV of samples, one per row (header row optional), or a Coarse"
                + " ensemble file (.h5) whose columns are the sites of the flattened configuration (row-major, last"
                + " coordinate fastest).";

        @Parameters(index = "0", paramLabel = "FILE", description = FILE_DESCRIPTION)
        Path file;

        @Option(names = "--estimator", defaultValue = "miller-madow",
                description = "plugin, miller-madow, nsb or ksg (default: ${DEFAULT-VALUE}).")
        String estimator;

        @Option(names = "--k", defaultValue = "4", description = "Neighbours for KSG (default: ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--alphabet", paramLabel = "Q",
                description = "Possible values per selected column, used by NSB (default: the number of distinct values seen).")
        Integer alphabet;

    }

    /** Bootstrap and unit options shared by every {@code info} subcommand. */
    static final class Reporting {
        @Option(names = "--resamples", defaultValue = "200",
                description = "Bootstrap resamples for the error of discrete estimators (default: ${DEFAULT-VALUE}).")
        int resamples;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--bits", description = "Report in bits instead of nats.")
        boolean bits;

        double unit() {
            return bits ? Math.log(2) : 1.0;
        }

        String unitName() {
            return bits ? "bits" : "nats";
        }
    }

    /** The X column selection. */
    static final class XColumns {
        @Option(names = "--x", split = ",", paramLabel = "COLS", description = "Columns of X (0-based; for tc one variable each).")
        int[] x;
    }

    /** The Y column selection. */
    static final class YColumns {
        @Option(names = "--y", split = ",", paramLabel = "COLS", description = "Columns of Y (0-based).")
        int[] y;
    }

    /** The Z (conditioning) column selection. */
    static final class ZColumns {
        @Option(names = "--z", split = ",", paramLabel = "COLS", description = "Columns of Z, the condition (0-based).")
        int[] z;
    }

    /** Base of the four subcommands: reads the file, computes one estimate, prints it. */
    abstract static class Measure implements Callable<Integer> {
        @Mixin
        Common common;

        @Mixin
        LevelOption level;

        @Mixin
        Reporting reporting;

        @Mixin
        Output output;

        /** The symbol of the quantity for text output, e.g. "I(X;Y)". */
        abstract String symbol();

        abstract Estimate discrete(DiscreteInformation info, SymbolTable table, int columns);

        abstract Estimate ksg(KsgEstimator ksg, SampleSource source);

        @Override
        public Integer call() throws IOException {
            String name = common.estimator;
            boolean isKsg = name.equals("ksg");
            EntropyEstimator entropy = isKsg ? null : EntropyEstimator.named(name);
            if (isKsg && common.k < 1) {
                throw new UserError("--k must be at least 1, got " + common.k);
            }
            // the selected columns as doubles, and for the discrete estimators as integer symbols too
            int selected = usedColumns().length;
            level.requireMemory(common.file, "info " + getClass().getAnnotation(Command.class).name(),
                    shape -> shape.columnBytes(selected, isKsg ? Double.BYTES : Double.BYTES + Long.BYTES));
            SampleSource source = level.open(common.file);
            validateColumns(source);
            Estimate e;
            if (isKsg) {
                e = ksg(new KsgEstimator(common.k), source);
            } else {
                int[] used = usedColumns();
                long[][] columns = new long[used.length][];
                for (int j = 0; j < used.length; j++) {
                    columns[j] = integerColumn(source, used[j]);
                }
                double[] alphabets = null;
                if (common.alphabet != null) {
                    if (common.alphabet < 1) {
                        throw new UserError("--alphabet must be at least 1, got " + common.alphabet);
                    }
                    alphabets = new double[used.length];
                    java.util.Arrays.fill(alphabets, common.alphabet);
                }
                SymbolTable table = SymbolTable.ofColumns(columns, alphabets, 1);
                e = discrete(new DiscreteInformation(entropy, Math.max(2, reporting.resamples), reporting.seed), table,
                        used.length);
            }
            double unit = reporting.unit();
            Estimate shown = Estimate.of(e.mean() / unit, e.error() / unit);
            String unitName = reporting.unitName();
            if (output.json()) {
                ObjectNode root = JsonOutput.object();
                root.put("estimator", name);
                root.put("n_samples", source.rowCount());
                ObjectNode value = root.putObject("value");
                JsonOutput.putNumber(value, "mean", shown.mean());
                JsonOutput.putNumber(value, "error", shown.error());
                root.put("unit", unitName);
                output.print(root);
            } else {
                output.out().printf("%s = %.6g ± %.2g %s  (%s, %d samples)%n", symbol(), shown.mean(),
                        shown.error(), unitName, name, source.rowCount());
                output.out().flush();
            }
            return 0;
        }

        /** The selected columns in order X, Y, Z (each list possibly empty). */
        abstract List<int[]> selections();

        /** Checks every selected column exists and the selections do not overlap. */
        void validateColumns(SampleSource source) {
            validateColumns(source, selections());
        }

        /** Checks every column of {@code selections} exists in {@code source} and none is selected twice. */
        static void validateColumns(SampleSource source, List<int[]> selections) {
            int available = source.columnCount();
            String noun = source.columnName();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int[] sel : selections) {
                for (int c : sel) {
                    if (c < 0 || c >= available) {
                        throw new UserError(noun + " " + c + " does not exist: " + source.describeColumns());
                    }
                    if (!seen.add(c)) {
                        throw new UserError(noun + " " + c + " is selected twice");
                    }
                }
            }
        }

        int[] usedColumns() {
            return java.util.Arrays.stream(selections().toArray(new int[0][])).flatMapToInt(java.util.Arrays::stream)
                    .toArray();
        }

        /** Position offsets of each selection within {@link #usedColumns()}. */
        int[][] localSelections() {
            List<int[]> sels = selections();
            int[][] out = new int[sels.size()][];
            int offset = 0;
            for (int s = 0; s < out.length; s++) {
                out[s] = new int[sels.get(s).length];
                for (int j = 0; j < out[s].length; j++) {
                    out[s][j] = offset++;
                }
            }
            return out;
        }

        private static long[] integerColumn(SampleSource source, int j) {
            double[] c = source.column(j);
            long[] out = new long[c.length];
            for (int r = 0; r < c.length; r++) {
                if (c[r] != Math.rint(c[r]) || Math.abs(c[r]) > 1e15) {
                    throw new UserError("column " + j + " has the non-integer value " + c[r] + " in sample " + r
                            + "; discrete estimators need integer symbols (use --estimator ksg for real values)");
                }
                out[r] = (long) c[r];
            }
            return out;
        }

        static int[] required(int[] cols, String option) {
            if (cols == null || cols.length == 0) {
                throw new UserError(option + " is required: give column indices such as " + option + " 0,1");
            }
            return cols;
        }
    }

    @Command(name = "entropy", mixinStandardHelpOptions = true,
            description = "Joint entropy H(X) of the --x columns (discrete estimators only).")
    static final class Entropy extends Measure {
        @Mixin
        XColumns xs;

        @Override
        String symbol() {
            return "H(X)";
        }

        @Override
        List<int[]> selections() {
            return List.of(required(xs.x, "--x"));
        }

        @Override
        Estimate discrete(DiscreteInformation info, SymbolTable table, int columns) {
            return info.entropy(table, localSelections()[0]);
        }

        @Override
        Estimate ksg(KsgEstimator ksg, SampleSource source) {
            throw new UserError("KSG estimates mutual information only; use plugin, miller-madow or nsb for entropy");
        }
    }

    @Command(name = "mi", mixinStandardHelpOptions = true, description = "Mutual information I(X;Y).")
    static final class MutualInformation extends Measure {
        @Mixin
        XColumns xs;

        @Mixin
        YColumns ys;

        @Override
        String symbol() {
            return "I(X;Y)";
        }

        @Override
        List<int[]> selections() {
            return List.of(required(xs.x, "--x"), required(ys.y, "--y"));
        }

        @Override
        Estimate discrete(DiscreteInformation info, SymbolTable table, int columns) {
            int[][] s = localSelections();
            return info.mutualInformation(table, s[0], s[1]);
        }

        @Override
        Estimate ksg(KsgEstimator ksg, SampleSource source) {
            return ksg.mutualInformation(source.rows(xs.x), source.rows(ys.y));
        }
    }

    @Command(name = "cmi", mixinStandardHelpOptions = true,
            description = "Conditional mutual information I(X;Y|Z) (discrete estimators only).")
    static final class ConditionalMutualInformation extends Measure {
        @Mixin
        XColumns xs;

        @Mixin
        YColumns ys;

        @Mixin
        ZColumns zs;

        @Override
        String symbol() {
            return "I(X;Y|Z)";
        }

        @Override
        List<int[]> selections() {
            return List.of(required(xs.x, "--x"), required(ys.y, "--y"), required(zs.z, "--z"));
        }

        @Override
        Estimate discrete(DiscreteInformation info, SymbolTable table, int columns) {
            int[][] s = localSelections();
            return info.conditionalMutualInformation(table, s[0], s[1], s[2]);
        }

        @Override
        Estimate ksg(KsgEstimator ksg, SampleSource source) {
            throw new UserError("conditional MI with KSG is not implemented; use plugin, miller-madow or nsb");
        }
    }

    @Command(name = "tc", mixinStandardHelpOptions = true,
            description = "Total correlation Σ H(X_i) − H(X_1,…,X_m) of the --x columns, each column one variable.")
    static final class TotalCorrelation extends Measure {
        @Mixin
        XColumns xs;

        @Override
        String symbol() {
            return "TC(X)";
        }

        @Override
        List<int[]> selections() {
            int[] cols = required(xs.x, "--x");
            if (cols.length < 2) {
                throw new UserError("total correlation needs at least 2 columns in --x");
            }
            return List.of(cols);
        }

        @Override
        Estimate discrete(DiscreteInformation info, SymbolTable table, int columns) {
            int[][] groups = new int[columns][];
            for (int j = 0; j < columns; j++) {
                groups[j] = new int[] {j};
            }
            return info.totalCorrelation(table, groups);
        }

        @Override
        Estimate ksg(KsgEstimator ksg, SampleSource source) {
            double[][][] variables = new double[xs.x.length][][];
            for (int j = 0; j < xs.x.length; j++) {
                variables[j] = source.rows(new int[] {xs.x[j]});
            }
            return ksg.multiInformation(variables);
        }
    }
}
