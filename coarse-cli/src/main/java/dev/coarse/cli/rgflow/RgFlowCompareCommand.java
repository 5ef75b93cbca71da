package dev.coarse.cli.rgflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.learn.rgflow.RgFlowEvaluation;
import dev.coarse.learn.rgflow.RgFlowSettings;
import dev.coarse.stats.Estimate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coarse rgflow compare}: RG-Flow and the flat baseline (the same blocks and parameter count, no hierarchy)
 * trained one after the other on the same images with the same wall-clock budget, held-out bits/dim side by side and their difference paired image by image.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Train RG-Flow and a flat RealNVP of the same parameter count with the same wall-clock budget"
                + " each, and print both held-out bits/dim side by side.",
            "Example: ./coarse rgflow compare --data msds1 --max-seconds 300 --epochs 1000 --json"})
public final class RgFlowCompareCommand implements Callable<Integer> {

    @Mixin
    ImageData data;

    @Mixin
    NetworkOptions network;

    @Option(names = "--max-seconds", required = true, paramLabel = "S",
            description = "The budget of each flow: it stops after the epoch during which S seconds have passed.")
    double maxSeconds;

    @Option(names = "--out", paramLabel = "PREFIX", description = "Keep both models: PREFIX.hierarchical.rgflow.json"
            + " and PREFIX.flat.rgflow.json, rewritten after every epoch (overwritten).")
    String out;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    @Override
    public Integer call() {
        if (!(maxSeconds > 0)) {
            throw new UserError("--max-seconds must be positive, got " + maxSeconds);
        }
        ImageData.Sets sets = data.read();
        if (sets.train() == null) {
            throw new UserError("--train must be >= 1 to train");
        }
        RgFlowSettings hierarchical = network.settings(false, seed.value());
        Path hOut = out == null ? null : Path.of(out + ".hierarchical.rgflow.json");
        Path fOut = out == null ? null : Path.of(out + ".flat.rgflow.json");
        // one after the other: DJL's gradient collector is one per process, so two trainings cannot overlap in one JVM
        RgFlowTrainCommand.Outcome h = RgFlowTrainCommand.train(hierarchical, sets, null, maxSeconds, hOut, progress,
                seed.value());
        RgFlowTrainCommand.Outcome f = RgFlowTrainCommand.train(hierarchical.withFlat(true), sets, null, maxSeconds,
                fOut, progress, seed.value());
        // both scored on the same held-out images with the same dequantisation noise: the difference is paired
        Estimate difference = RgFlowEvaluation.pairedDifference(h.evaluation(), f.evaluation());
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("data", sets.description());
            JsonOutput.putNumber(root, "budget_seconds", maxSeconds);
            root.set("hierarchical", RgFlowTrainCommand.json(h));
            root.set("flat", RgFlowTrainCommand.json(f));
            root.set("difference_bits_per_dim", JsonOutput.meanError(difference));
            output.print(root);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%s, budget %.0f s per flow%n", sets.description(), maxSeconds);
            out.println("flow           parameters  epochs  seconds  images/s  test bits/dim");
            for (RgFlowTrainCommand.Outcome o : new RgFlowTrainCommand.Outcome[] {h, f}) {
                out.printf(Locale.ROOT, "%-13s  %10d  %6d  %7.1f  %8.1f  %.4f ± %.4f%n",
                        o.trained().settings().flat() ? "flat" : "hierarchical", o.trained().parameterCount(),
                        o.trained().epochsDone(), o.trained().seconds(), o.imagesPerSecond(),
                        o.evaluation().bitsPerDim().mean(), o.evaluation().bitsPerDim().error());
            }
            out.printf(Locale.ROOT, "flat - hierarchical: %.4f ± %.4f bits/dim (paired over the %d held-out images)%n",
                    difference.mean(), difference.error(), h.evaluation().images());
        }
        return 0;
    }
}
