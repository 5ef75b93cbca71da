package dev.coarse.cli.info;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.EnsembleSampleSource;
import dev.coarse.data.SampleSource;
import dev.coarse.learn.mi.ActivationFunction;
import dev.coarse.learn.mi.ConcatenatedCritic;
import dev.coarse.learn.mi.Critic;
import dev.coarse.learn.mi.MiBound;
import dev.coarse.learn.mi.MiFeatures;
import dev.coarse.learn.mi.MiTrainer;
import dev.coarse.learn.mi.MiTrainingSettings;
import dev.coarse.learn.mi.Mlp;
import dev.coarse.learn.mi.NeuralMiResult;
import dev.coarse.learn.mi.SeparableCritic;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coarse info neural-mi FILE --x … --y …}: a neural lower bound on I(X;Y) ({@code dev.coarse.learn.mi}),
 * on the same inputs as {@code info mi} (CSV columns or ensemble sites, {@code --level}) and with the same
 * {@code "value":{"mean","error"}}, plus what the bound needs to be read: its ceiling, the critic, how training
 * went and the held-out sizes. Ensemble values reach the critic as {@code MiFeatures} encodes them (q-state labels
 * one-hot); CSV columns as the numbers they are.
 */
@Command(name = "neural-mi", mixinStandardHelpOptions = true,
        description = "Mutual information I(X;Y) as a neural variational lower bound (InfoNCE, Donsker-Varadhan or"
                + " NWJ) of a critic trained on the samples, scored on held-out samples.")
final class InfoNeuralMiCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = InfoCommand.Common.FILE_DESCRIPTION)
    Path file;

    @Mixin
    LevelOption level;

    @Mixin
    InfoCommand.XColumns xs;

    @Mixin
    InfoCommand.YColumns ys;

    @Option(names = "--bound", defaultValue = "infonce",
            description = "infonce (≤ ln batch, low variance), dv (Donsker-Varadhan) or nwj"
                    + " (default: ${DEFAULT-VALUE}).")
    String bound;

    @Option(names = "--critic", defaultValue = "separable",
            description = "separable g(x)·h(y) or concat m([x,y]) (K² evaluations per batch)"
                    + " (default: ${DEFAULT-VALUE}).")
    String critic;

    @Option(names = "--width", defaultValue = "" + Mlp.DEFAULT_WIDTH,
            description = "Units per hidden layer (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--depth", defaultValue = "" + Mlp.DEFAULT_DEPTH,
            description = "Hidden layers (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--embedding", defaultValue = "" + SeparableCritic.DEFAULT_EMBEDDING,
            description = "Output width of g and h, separable critic only (default: ${DEFAULT-VALUE}).")
    int embedding;

    // Mlp.DEFAULT_ACTIVATION's name (an annotation needs a constant)
    @Option(names = "--activation", defaultValue = "elu",
            description = "relu, tanh, softplus or elu (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--batch", defaultValue = "" + MiTrainingSettings.DEFAULT_BATCH,
            description = "Batch size K; InfoNCE is capped at ln K (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", defaultValue = "" + MiTrainingSettings.DEFAULT_EPOCHS,
            description = "Most passes over the training samples (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "" + MiTrainingSettings.DEFAULT_LEARNING_RATE,
            description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--patience", defaultValue = "" + MiTrainingSettings.DEFAULT_PATIENCE,
            description = "Stop after this many epochs without a better validation bound (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--held-out", defaultValue = "" + MiTrainingSettings.DEFAULT_HELD_OUT,
            description = "Fraction of the samples held out, half to pick the epoch, half to score it"
                    + " (default: ${DEFAULT-VALUE}).")
    double heldOut;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the split, the shuffles and the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bits", description = "Report in bits instead of nats.")
    boolean bits;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        MiBound miBound = MiBound.ofId(bound);
        Critic criticSpec = critic();
        MiTrainingSettings settings = settings(miBound);
        List<int[]> selections = List.of(InfoCommand.Measure.required(xs.x, "--x"),
                InfoCommand.Measure.required(ys.y, "--y"));
        // X and Y as doubles (a Potts label one-hot takes q of them: the estimate counts one); the network's own
        // memory is libtorch's, outside the heap
        level.requireMemory(file, "info neural-mi",
                shape -> shape.columnBytes(xs.x.length + ys.y.length, Double.BYTES));
        SampleSource source = level.open(file);
        InfoCommand.Measure.validateColumns(source, selections);
        double[][] x;
        double[][] y;
        if (source instanceof EnsembleSampleSource ensemble) {
            // configurations as the library reads them: a Potts label one-hot, not as a number with an order
            x = MiFeatures.of(ensemble.ensemble().data(), xs.x);
            y = MiFeatures.of(ensemble.ensemble().data(), ys.y);
        } else {
            x = source.rows(xs.x);
            y = source.rows(ys.y);
        }
        settings.split(source.rowCount()); // too few samples: say so before the progress bar appears
        NeuralMiResult result;
        try (ProgressReporter progress = ProgressReporter.create("neural-mi " + miBound.id(), quiet, output.err(),
                0, settings.epochs())) {
            result = new MiTrainer(settings).estimate(criticSpec, x, y, p -> {
                progress.message(String.format(Locale.ROOT, "I ≥ %.4g nats", p.validationBound()));
                progress.advance(p.epoch(), p.epochs());
            });
        }
        print(result, source.rowCount());
        return 0;
    }

    private Critic critic() {
        if (width < 1) {
            throw new UserError("--width must be at least 1, got " + width);
        }
        if (depth < 0) {
            throw new UserError("--depth must be >= 0, got " + depth);
        }
        Mlp mlp = Mlp.of(width, depth, ActivationFunction.ofId(activation));
        return switch (critic.toLowerCase(Locale.ROOT)) {
            case "separable" -> {
                if (embedding < 1) {
                    throw new UserError("--embedding must be at least 1, got " + embedding);
                }
                yield new SeparableCritic(mlp, embedding);
            }
            case "concat" -> new ConcatenatedCritic(mlp);
            default -> throw new UserError("unknown critic '" + critic + "' (known: separable, concat)");
        };
    }

    private MiTrainingSettings settings(MiBound miBound) {
        if (batch < 2) {
            throw new UserError("--batch must be at least 2, got " + batch);
        }
        if (epochs < 0) {
            throw new UserError("--epochs must be >= 0, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserError("--lr must be finite and > 0, got " + learningRate);
        }
        if (patience < 1) {
            throw new UserError("--patience must be at least 1, got " + patience);
        }
        if (!(heldOut > 0 && heldOut < 1)) {
            throw new UserError("--held-out must be in (0, 1), got " + heldOut);
        }
        return new MiTrainingSettings(miBound, batch, epochs, learningRate, patience, heldOut, true, seed);
    }

    private void print(NeuralMiResult result, int samples) {
        double unit = bits ? Math.log(2) : 1.0;
        String unitName = bits ? "bits" : "nats";
        Estimate shown = Estimate.of(result.value().mean() / unit, result.value().error() / unit);
        double ceiling = result.ceiling() / unit;
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("estimator", "neural");
            root.put("bound", result.bound().id());
            root.put("n_samples", samples);
            root.set("value", JsonOutput.meanError(shown));
            root.put("unit", unitName);
            JsonOutput.putNumber(root, "ceiling", ceiling);
            root.put("ceiling_hit", result.ceilingHit());
            ObjectNode criticNode = root.putObject("critic");
            criticNode.put("type", result.critic());
            criticNode.put("width", width);
            criticNode.put("depth", depth);
            if (result.critic().equals("separable")) {
                criticNode.put("embedding", embedding);
            }
            criticNode.put("activation", ActivationFunction.ofId(activation).id());
            root.put("epochs_run", result.epochsRun());
            root.put("best_epoch", result.bestEpoch());
            root.put("stopped_by", result.stop().id());
            root.put("batch", result.batchSize());
            root.put("learning_rate", learningRate);
            root.put("training_size", result.trainingSize());
            root.put("held_out_size", result.heldOutSize());
            root.put("validation_size", result.validationSize());
            root.put("test_size", result.testSize());
            root.put("seed", result.seed());
            output.print(root);
        } else {
            output.out().printf(Locale.ROOT, "I(X;Y) ≥ %.6g ± %.2g %s  (%s bound, %s critic, best epoch %d of %d, %d"
                    + " samples, %d scored)%n", shown.mean(), shown.error(), unitName, result.bound().id(),
                    result.critic(), result.bestEpoch(), result.epochsRun(), samples, result.testSize());
            if (result.ceilingHit()) {
                output.out().printf(Locale.ROOT, "near the InfoNCE ceiling ln K = %.4g %s: the MI may be much larger;"
                        + " use a larger --batch, or --bound dv or nwj%n", ceiling, unitName);
            }
            if (result.stop() == NeuralMiResult.Stop.DIVERGED) {
                output.out().printf(Locale.ROOT, "training diverged after epoch %d; the critic of epoch %d was"
                        + " scored: try a smaller --lr%n", result.epochsRun(), result.bestEpoch());
            }
            output.out().flush();
        }
    }
}
