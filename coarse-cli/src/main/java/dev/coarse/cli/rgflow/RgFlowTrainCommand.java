package dev.coarse.cli.rgflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.learn.rgflow.ImageSet;
import dev.coarse.learn.rgflow.RgFlowEvaluation;
import dev.coarse.learn.rgflow.RgFlowFile;
import dev.coarse.learn.rgflow.RgFlowProgress;
import dev.coarse.learn.rgflow.RgFlowSettings;
import dev.coarse.learn.rgflow.RgFlowTrainer;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coarse rgflow train}: trains RG-Flow (or its flat baseline) on images by maximum likelihood, checkpointing
 * after every epoch, and reports held-out bits per dimension and the latents' statistics per level.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train RG-Flow on images by maximum likelihood (dequantised 8-bit pixels, Laplace prior) and"
                + " report held-out bits/dim and per-level latent statistics.",
            "Example: ./coarse rgflow train --data msds1 --epochs 10 --out msds1.rgflow.json --json"})
public final class RgFlowTrainCommand implements Callable<Integer> {

    @Mixin
    ImageData data;

    @Mixin
    NetworkOptions network;

    @Option(names = "--flat", description = "Train the flat baseline: the same blocks, all on the full lattice.")
    boolean flat;

    @Option(names = "--max-seconds", paramLabel = "S", description = "Stop after the epoch during which S seconds have passed.")
    Double maxSeconds;

    @Option(names = "--out", paramLabel = "MODEL.json", description = "The model file, rewritten after every epoch (a checkpoint).")
    Path out;

    @Option(names = "--resume", description = "Continue the training checkpointed in --out (same options).")
    boolean resume;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    /**
     * A finished training and its held-out score; {@code cpuSeconds} is the process's CPU time during this run's
     * training (all threads, not the evaluation nor a resumed run's earlier part): on a shared machine the wall-clock
     * seconds depend on the load, the CPU time much less.
     */
    record Outcome(TrainedRgFlow trained, RgFlowEvaluation evaluation, int trainImages, double cpuSeconds) {

        double imagesPerSecond() {
            int batch = trained.settings().batch();
            return (double) trained.epochsDone() * (trainImages / batch) * batch / trained.seconds();
        }
    }

    @Override
    public Integer call() throws Exception {
        ImageData.Sets sets = data.read();
        if (sets.train() == null) {
            throw new UserError("--train must be >= 1 to train");
        }
        RgFlowSettings settings = network.settings(flat, seed.value());
        if (maxSeconds != null && !(maxSeconds > 0)) {
            throw new UserError("--max-seconds must be positive, got " + maxSeconds);
        }
        TrainedRgFlow start = null;
        if (resume) {
            if (out == null || !Files.exists(out)) {
                throw new UserError("--resume needs the checkpoint --out FILE, which does not exist");
            }
            try {
                start = RgFlowFile.load(out);
            } catch (IOException e) {
                throw new UserError(e.getMessage(), e);
            }
            if (!start.settings().withEpochs(settings.epochs()).equals(settings)) {
                throw new UserError(out + " was trained with other options (" + start.settings()
                        + "); resume with the same ones (--epochs may grow)");
            }
        } else if (out != null && Files.exists(out) && !force) {
            throw new UserError(out + " exists (use --force to overwrite, or --resume to continue it)");
        }
        Outcome outcome = train(settings, sets, start, maxSeconds == null ? Double.POSITIVE_INFINITY : maxSeconds,
                out, progress, seed.value());
        if (output.json()) {
            ObjectNode root = json(outcome);
            root.put("data", sets.description());
            output.print(root);
        } else {
            printText(output.out(), sets.description(), outcome);
        }
        return 0;
    }

    /** Trains (checkpointing to {@code out} when given) and scores on the held-out images. */
    static Outcome train(RgFlowSettings settings, ImageData.Sets sets, TrainedRgFlow start, double maxSeconds, Path out,
                         ProgressBars progress, long seed) {
        long cpu = processCpuNanos();
        TrainedRgFlow trained = trainWithBar("rgflow train" + (settings.flat() ? " (flat)" : ""), settings,
                sets.train(), start, maxSeconds, out, progress);
        double cpuSeconds = (processCpuNanos() - cpu) * 1e-9;
        RgFlowEvaluation evaluation = RgFlowEvaluation.of(trained, sets.test(), seed + 1);
        return new Outcome(trained, evaluation, sets.train().count(), cpuSeconds);
    }

    /**
     * Trains on {@code images} with a progress bar named {@code task}, saving the flow to {@code out} (when given)
     * after every epoch; bad settings and an unwritable {@code out} are user errors.
     */
    static TrainedRgFlow trainWithBar(String task, RgFlowSettings settings, ImageSet images, TrainedRgFlow start,
                                      double maxSeconds, Path out, ProgressBars progress) {
        try (ProgressReporter bar = progress.bar(task, start == null ? 0 : start.epochsDone(), settings.epochs())) {
            RgFlowProgress listener = (epoch, total, bits, snapshot) -> {
                bar.message(String.format(Locale.ROOT, "train %.4f bits/dim", bits));
                bar.advance(epoch, total);
                if (out != null) {
                    try {
                        RgFlowFile.save(out, snapshot, true);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            return new RgFlowTrainer(settings).train(images, start, maxSeconds, listener);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserError("cannot write " + out + ": " + e.getCause().getMessage(), e);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static ObjectNode json(Outcome o) {
        TrainedRgFlow t = o.trained();
        ObjectNode root = JsonOutput.object();
        root.put("flow", t.settings().flat() ? "flat" : "hierarchical");
        root.put("L", t.architecture().linearSize());
        root.put("channels", t.architecture().channels());
        root.put("parameters", t.parameterCount());
        root.put("prior", t.settings().prior().name().toLowerCase(Locale.ROOT));
        root.put("preprocessing", t.settings().preprocessing().name().toLowerCase(Locale.ROOT));
        root.put("train_images", o.trainImages());
        root.put("test_images", o.evaluation().images());
        root.set("test_bits_per_dim", JsonOutput.meanError(o.evaluation().bitsPerDim()));
        JsonOutput.putNumber(root, "uniform_bits_per_dim", 8);
        root.put("epochs", t.epochsDone());
        JsonOutput.putNumber(root, "seconds", t.seconds());
        JsonOutput.putNumber(root, "seconds_per_epoch", t.seconds() / Math.max(1, t.epochsDone()));
        JsonOutput.putNumber(root, "cpu_seconds", o.cpuSeconds());
        JsonOutput.putNumber(root, "images_per_second", o.imagesPerSecond());
        ArrayNode history = root.putArray("train_bits_per_dim");
        for (double v : t.trainBitsPerDim()) {
            history.add(v);
        }
        ArrayNode levels = root.putArray("levels");
        for (RgFlowEvaluation.LevelStatistics s : o.evaluation().levels()) {
            ObjectNode level = levels.addObject();
            level.put("depth", s.depth());
            level.put("latents", s.latents());
            JsonOutput.putNumber(level, "mean", s.mean());
            JsonOutput.putNumber(level, "std", s.std());
            JsonOutput.putNumber(level, "mean_abs", s.meanAbs());
            JsonOutput.putNumber(level, "excess_kurtosis", s.excessKurtosis());
            JsonOutput.putNumber(level, "bits_per_latent", s.bitsPerLatent());
        }
        root.put("seed", t.settings().seed());
        return root;
    }

    static void printText(PrintWriter out, String data, Outcome o) {
        TrainedRgFlow t = o.trained();
        out.printf(Locale.ROOT, "%s RG-Flow on %s: %d×%d×%d, %,d parameters, %d epochs in %.1f s (%.1f images/s)%n",
                t.settings().flat() ? "flat" : "hierarchical", data, t.architecture().channels(),
                t.architecture().linearSize(), t.architecture().linearSize(), t.parameterCount(), t.epochsDone(),
                t.seconds(), o.imagesPerSecond());
        out.printf(Locale.ROOT, "  held-out bits/dim %.4f ± %.4f over %d images (uniform: 8)%n",
                o.evaluation().bitsPerDim().mean(), o.evaluation().bitsPerDim().error(), o.evaluation().images());
        out.println("  depth  latents      mean       std    mean|z|  ex.kurt  bits/latent");
        for (RgFlowEvaluation.LevelStatistics s : o.evaluation().levels()) {
            out.printf(Locale.ROOT, "  %5d  %7d  %8.4f  %8.4f  %8.4f  %7.3f  %8.4f%n", s.depth(), s.latents(),
                    s.mean(), s.std(), s.meanAbs(), s.excessKurtosis(), s.bitsPerLatent());
        }
    }
}
