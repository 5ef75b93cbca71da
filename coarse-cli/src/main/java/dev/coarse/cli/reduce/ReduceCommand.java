package dev.coarse.cli.reduce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.Threads;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.ReductionReport;
import dev.coarse.data.DataShape;
import dev.coarse.data.Json;
import dev.coarse.learn.reduce.FlowReduction;
import dev.coarse.learn.reduce.Reduction;
import dev.coarse.learn.reduce.ReductionFile;
import dev.coarse.learn.reduce.ReductionInput;
import dev.coarse.learn.reduce.ReductionResult;
import dev.coarse.learn.rgflow.Prior;
import dev.coarse.learn.rgflow.RgFlowFile;
import dev.coarse.learn.rgflow.RgFlowProgress;
import dev.coarse.learn.rgflow.RgFlowSettings;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
                + " (any data: CSV, .npy, .h5 ensembles, a folder of PNG images); on ±1 spins on a square lattice,"
                + " the majority rule or a learned RSMI filter; on an L×L field (L = 2^k), an RG-Flow trained on it.",
            "Example: ./coarse reduce data.csv --method corex --levels 2 --factors 4 --json",
            "Example: ./coarse reduce field.csv --method rgflow --levels 2 --epochs 10 --json"})
public final class ReduceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATA",
            description = "An ensemble (.h5), a .npy of shape (samples, columns) or (samples, L, L), a CSV (one sample"
                    + " per row, optional header), or a folder of PNG images of one size.")
    Path data;

    @Option(names = "--method", defaultValue = "corex", paramLabel = "corex|rsmi|majority|rgflow",
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

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "rgflow: read the data with this RG-Flow (from 'coarse rgflow train --out' or --save-model)"
                    + " instead of training one.")
    Path model;

    @Option(names = "--save-model", paramLabel = "MODEL.json",
            description = "rgflow: write the flow trained here (a model file of 'coarse rgflow').")
    Path saveModel;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N",
            description = "rgflow: training epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--max-seconds", paramLabel = "S",
            description = "rgflow: stop training after the epoch during which S seconds have passed.")
    Double maxSeconds;

    @Option(names = "--flow-batch", defaultValue = "64", paramLabel = "N",
            description = "rgflow: samples per Adam step, cut to the sample count (default ${DEFAULT-VALUE}).")
    int flowBatch;

    @Option(names = "--lr", defaultValue = "0.001", paramLabel = "RATE",
            description = "rgflow: Adam step size (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--couplings", defaultValue = "4", paramLabel = "N",
            description = "rgflow: affine couplings per plaquette block (default ${DEFAULT-VALUE}).")
    int couplings;

    @Option(names = "--width", defaultValue = "32", paramLabel = "N",
            description = "rgflow: units of each coupling's hidden layer (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--prior", defaultValue = "laplace", paramLabel = "laplace|gaussian",
            description = "rgflow: the latents' prior (default ${DEFAULT-VALUE}).")
    String prior;

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

    /** --quiet; rgflow draws a bar per training epoch, the other methods none yet. */
    @Mixin
    ProgressBars progress;

    @Override
    public Integer call() throws Exception {
        Reduction.Method chosen = method(method, corexKind);
        Reduction.Settings settings = new Reduction.Settings(chosen, levels, factors, bins, restarts, batch, b,
                resamples, threads.count());
        if (chosen != Reduction.Method.RGFLOW && (model != null || saveModel != null)) {
            throw new UserError("--model and --save-model go with --method rgflow, not " + method);
        }
        if (model != null && saveModel != null) {
            throw new UserError("--save-model saves a flow trained here; with --model nothing is trained");
        }
        if (saveModel != null && Files.exists(saveModel) && !force) {
            throw new UserError(saveModel + " exists (use --force to overwrite)");
        }
        if (Files.exists(data)) { // else read names the missing file
            DataShape shape = DataShape.of(data, 0);
            MemoryGuard.require(Reduction.estimatedBytes(shape, chosen), "reduce --method "
                    + method.toLowerCase(Locale.ROOT) + " " + data.getFileName() + " (" + shape + (chosen
                    == Reduction.Method.RGFLOW || chosen == Reduction.Method.RSMI
                    ? "; libtorch's native memory is not counted)" : ")"));
        }
        ReductionInput input = ReductionInput.read(data);
        long start = System.nanoTime();
        ReductionResult result;
        FlowReduction.Outcome flow = null;
        if (chosen == Reduction.Method.RGFLOW) {
            flow = flow(input);
            result = flow.result();
        } else {
            result = Reduction.run(input, settings, seed.value());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (saveModel != null) {
            RgFlowFile.save(saveModel, flow.flow(), force);
        }
        if (out != null) {
            ReductionFile.write(out, result, seed.value(), force);
        }
        if (report != null) {
            ReductionReport.write(report, data.toString(), result, flow != null ? flow.picture() : input.picture(),
                    force);
        }
        if (output.json()) {
            ObjectNode root = json(result, seconds);
            if (flow != null) {
                root.set("flow", flowJson(flow));
            }
            output.print(root);
        } else {
            text(output.out(), result, flow);
        }
        return 0;
    }

    /** Trains an RG-Flow on the data, or reads them with --model. */
    private FlowReduction.Outcome flow(ReductionInput input) {
        long seedValue = seed.value();
        if (model != null) {
            TrainedRgFlow trained;
            try {
                trained = RgFlowFile.load(model);
            } catch (IOException e) {
                throw new UserError(e.getMessage(), e);
            }
            return FlowReduction.apply(input, levels, trained, seedValue + 1);
        }
        if (maxSeconds != null && !(maxSeconds > 0)) {
            throw new UserError("--max-seconds must be positive, got " + maxSeconds);
        }
        Prior chosenPrior;
        try {
            chosenPrior = Prior.valueOf(prior.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--prior must be laplace or gaussian, got " + prior, e);
        }
        RgFlowSettings defaults = FlowReduction.defaultSettings(seedValue);
        RgFlowSettings settings = new RgFlowSettings(false, chosenPrior, defaults.preprocessing(), couplings,
                defaults.hiddenLayers(), width, flowBatch, epochs, learningRate, defaults.clipNorm(), seedValue);
        try (ProgressReporter bar = progress.bar("reduce: rgflow train", 0, epochs)) {
            RgFlowProgress listener = (epoch, total, bits, snapshot) -> {
                bar.message(String.format(Locale.ROOT, "train %.4f bits/dim", bits));
                bar.advance(epoch, total);
            };
            return FlowReduction.train(input, levels, settings, maxSeconds == null ? Double.POSITIVE_INFINITY
                    : maxSeconds, listener, seedValue + 1);
        }
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
        for (Reduction.Method m : Reduction.Method.values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        if (name.equalsIgnoreCase("linear_corex") || name.equalsIgnoreCase("linear-corex")) {
            return Reduction.Method.LINEAR_COREX;
        }
        throw new UserError("unknown --method '" + name + "' (known: corex, rsmi, majority, rgflow)");
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
            case RGFLOW -> "code length -ln p(phi_n) of the level-n coarse field under the flow, every variable scaled"
                    + " to unit variance (differential; a unit Gaussian costs 1.419), on the training samples";
            default -> "I(H:E), coarse spin and its environment";
        });
        root.put("information_lost_is", switch (result.method()) {
            case COREX -> "sum over inputs of H(X_i | Y_factor(i)), an upper bound on H(X|Y)";
            case LINEAR_COREX -> "TC(X) - explained = TC(X|Z) + TC(Z), TC(X) the plug-in Gaussian value";
            case RGFLOW -> "kept at level n-1 minus kept at level n (level 0: the pixels in the flow's variables,"
                    + " scaled alike): the code length of the details level n sets aside, given the coarse field";
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
            } else if (result.method() == Reduction.Method.RGFLOW) {
                int setAside = level.inputs() - level.outputs();
                o.put("latents_set_aside", setAside);
                Json.putNumber(o, "lost_bits_per_latent", level.lost().mean() / (setAside * Math.log(2)));
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

    private ObjectNode flowJson(FlowReduction.Outcome outcome) {
        TrainedRgFlow t = outcome.flow();
        ObjectNode o = Json.object();
        o.put("trained_here", model == null);
        if (model != null) {
            o.put("model", model.toString());
        }
        if (saveModel != null) {
            o.put("saved_to", saveModel.toString());
        }
        o.put("L", t.architecture().linearSize());
        o.put("channels", t.architecture().channels());
        o.put("parameters", t.parameterCount());
        o.put("prior", t.settings().prior().name().toLowerCase(Locale.ROOT));
        o.put("preprocessing", t.settings().preprocessing().name().toLowerCase(Locale.ROOT));
        o.put("epochs", t.epochsDone());
        Json.putNumber(o, "train_seconds", t.seconds());
        o.set("train_bits_per_dim", Json.numbers(t.trainBitsPerDim()));
        o.set("bits_per_dim", Json.meanError(outcome.bitsPerDim()));
        if (outcome.quantisation() == null) {
            o.putNull("quantisation");
        } else {
            ObjectNode q = o.putObject("quantisation");
            q.put("min", outcome.quantisation().min());
            q.put("max", outcome.quantisation().max());
        }
        return o;
    }

    private void text(PrintWriter w, ReductionResult result, FlowReduction.Outcome flow) {
        w.printf(Locale.ROOT, "%s: %d samples × %d variables, %s (nats)%n", data, result.samples(),
                result.variables(), result.method().name().toLowerCase(Locale.ROOT));
        if (flow != null) {
            w.printf(Locale.ROOT, "  RG-Flow %s: L = %d, %d epochs, %s bits/dim on these samples%n",
                    model == null ? "trained here" : "from " + model, flow.flow().architecture().linearSize(),
                    flow.flow().epochsDone(), format(flow.bitsPerDim()));
        }
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
