package dev.coarse.cli.reduce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.Threads;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.ReductionReport;
import dev.coarse.data.Json;
import dev.coarse.learn.reduce.Reduction;
import dev.coarse.learn.reduce.ReductionFile;
import dev.coarse.learn.reduce.ReductionInput;
import dev.coarse.learn.reduce.ReductionResult;
import dev.coarse.stats.Estimate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coarse reduce}: {@link Reduction} on a user's data, rendered as text or JSON. */
@Command(name = "reduce", mixinStandardHelpOptions = true,
        description = {"Reduce your own data level by level and say what each level keeps and loses: CorEx factors"
                + " (any data: CSV, .npy, .h5 ensembles, a folder of PNG images) or, on ±1 spins on a square lattice,"
                + " the majority rule or a learned RSMI filter.",
            "Example: ./coarse reduce data.csv --method corex --levels 2 --factors 4 --json"})
public final class ReduceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATA",
            description = "An ensemble (.h5), a .npy of shape (samples, columns) or (samples, L, L), a CSV (one sample"
                    + " per row, optional header), or a folder of PNG images of one size.")
    Path data;

    @Option(names = "--method", defaultValue = "corex", paramLabel = "corex|rsmi|majority",
            description = "Reduction method (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--corex-kind", defaultValue = "discrete", paramLabel = "discrete|linear",
            description = "corex: discrete factors (columns cut into --bins symbols) or linear Gaussian factors of the"
                    + " numeric columns, real-valued (default ${DEFAULT-VALUE}).")
    String corexKind;

    @Option(names = "--levels", defaultValue = "1", paramLabel = "N", description = "Levels (default ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--factors", defaultValue = "8", paramLabel = "K",
            description = "CorEx factors of level 1; each further level has half as many (default ${DEFAULT-VALUE}).")
    int factors;

    @Option(names = "--bins", defaultValue = "4", paramLabel = "N",
            description = "CorEx: a column with more distinct values is cut at quantiles into N bins (default ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--restarts", defaultValue = "1", paramLabel = "N",
            description = "CorEx: seeded restarts per level, the largest TC kept; their agreement is the stability (default ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--batch", defaultValue = "0", paramLabel = "N",
            description = "CorEx: mini-batch size, 0 for all samples each iteration (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--b", defaultValue = "2", paramLabel = "B",
            description = "rsmi, majority: block size (default ${DEFAULT-VALUE}).")
    int b;

    @Option(names = "--resamples", defaultValue = "20", paramLabel = "N",
            description = "rsmi, majority: bootstrap resamples of the information estimates (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--out", paramLabel = "FILE.h5", description = "Write the coarse variables of every level here.")
    Path out;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write an HTML report with pictures here: per level the samples as the level sees them and"
                    + " which coarse variable each pixel belongs to (images and 2D lattices), and the information"
                    + " kept and lost per level.")
    Path report;

    @Option(names = "--force", description = "Overwrite --out and the report's files if they exist.")
    boolean force;

    @Mixin
    Seed seed;

    @Mixin
    Threads threads;

    @Mixin
    Output output;

    /** --quiet, accepted as by every long-running command; a reduction draws no bar yet. */
    @Mixin
    ProgressBars progress;

    @Override
    public Integer call() throws Exception {
        Reduction.Method chosen = method(method, corexKind);
        Reduction.Settings settings = new Reduction.Settings(chosen, levels, factors, bins, restarts, batch, b,
                resamples, threads.count());
        ReductionInput input = ReductionInput.read(data);
        long start = System.nanoTime();
        ReductionResult result = Reduction.run(input, settings, seed.value());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (out != null) {
            ReductionFile.write(out, result, seed.value(), force);
        }
        if (report != null) {
            ReductionReport.write(report, data.toString(), result, input.picture(), force);
        }
        if (output.json()) {
            output.print(json(result, seconds));
        } else {
            text(output.out(), result);
        }
        return 0;
    }

    static Reduction.Method method(String name, String corexKind) {
        Reduction.Method chosen = method(name);
        if (corexKind.equalsIgnoreCase("linear")) {
            if (chosen != Reduction.Method.COREX) {
                throw new UserError("--corex-kind linear goes with --method corex, not " + name);
            }
            return Reduction.Method.LINEAR_COREX;
        }
        if (!corexKind.equalsIgnoreCase("discrete")) {
            throw new UserError("unknown --corex-kind '" + corexKind + "' (known: discrete, linear)");
        }
        return chosen;
    }

    static Reduction.Method method(String name) {
        if (name.equalsIgnoreCase("rgflow")) {
            throw new UserError("--method rgflow is not available yet in coarse reduce: train RG-Flow on an image"
                    + " folder with 'coarse rgflow train --data FOLDER' (docs/rgflow.md); here use corex, rsmi or majority");
        }
        for (Reduction.Method m : Reduction.Method.values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        if (name.equalsIgnoreCase("linear_corex") || name.equalsIgnoreCase("linear-corex")) {
            return Reduction.Method.LINEAR_COREX;
        }
        throw new UserError("unknown --method '" + name + "' (known: corex, rsmi, majority)");
    }

    private ObjectNode json(ReductionResult result, double seconds) {
        ObjectNode root = Json.object();
        root.put("data", data.toString());
        root.put("method", result.method().name().toLowerCase(Locale.ROOT));
        root.put("samples", result.samples());
        root.put("variables", result.variables());
        root.put("seed", seed.value());
        root.put("unit", "nats");
        root.put("information_kept_is", switch (result.method()) {
            case COREX -> "total correlation explained, TC(X;Y)";
            case LINEAR_COREX -> "total correlation explained, sum_i I(X_i:Z) - sum_j I(Z_j:X) (Gaussian)";
            default -> "I(H:E), coarse spin and its environment";
        });
        root.put("information_lost_is", switch (result.method()) {
            case COREX -> "sum over inputs of H(X_i | Y_factor(i)), an upper bound on H(X|Y)";
            case LINEAR_COREX -> "TC(X) - explained = TC(X|Z) + TC(Z), TC(X) the plug-in Gaussian value";
            default -> "H(V|H) of a block";
        });
        ArrayNode levels = root.putArray("levels");
        for (ReductionResult.Level level : result.levels()) {
            ObjectNode o = levels.addObject();
            o.put("level", level.level());
            o.put("inputs", level.inputs());
            o.put("coarse_variables", level.outputs());
            ArrayNode labels = o.putArray("labels");
            for (int label : level.labels()) {
                labels.add(label);
            }
            o.set("information_kept", Json.meanError(level.kept()));
            o.set("information_lost", Json.meanError(level.lost()));
            if (result.method() == Reduction.Method.COREX || result.method() == Reduction.Method.LINEAR_COREX) {
                o.set("factor_tc", Json.numbers(level.factorTc()));
                Json.putNumber(o, "stability", level.stability());
            } else {
                o.set("kept_fraction", Json.meanError(level.keptFraction()));
            }
        }
        if (out != null) {
            root.put("out", out.toString());
        }
        if (report != null) {
            root.put("report", report.resolve(ReductionReport.HTML).toString());
        }
        root.put("seconds", seconds);
        return root;
    }

    private void text(PrintWriter w, ReductionResult result) {
        w.printf(Locale.ROOT, "%s: %d samples × %d variables, %s (nats)%n", data, result.samples(),
                result.variables(), result.method().name().toLowerCase(Locale.ROOT));
        for (ReductionResult.Level level : result.levels()) {
            w.printf(Locale.ROOT, "  level %d: %d → %d variables  kept %s  lost %s%n", level.level(), level.inputs(),
                    level.outputs(), format(level.kept()), format(level.lost()));
        }
        if (out != null) {
            w.println("  coarse variables written to " + out);
        }
        if (report != null) {
            w.println("  report written to " + report.resolve(ReductionReport.HTML));
        }
        w.flush();
    }

    private static String format(Estimate e) {
        return String.format(Locale.ROOT, "%.4f ± %.4f", e.mean(), e.error());
    }
}
