package dev.coarse.cli.rsmi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.DataShape;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.Json;
import dev.coarse.learn.mi.MiBound;
import dev.coarse.learn.mi.Mlp;
import dev.coarse.learn.mi.SeparableCritic;
import dev.coarse.learn.rsmi.FilterMeasures;
import dev.coarse.learn.rsmi.HiddenKind;
import dev.coarse.learn.rsmi.RsmiFilterFile;
import dev.coarse.learn.rsmi.RsmiTrainer;
import dev.coarse.learn.rsmi.RsmiTrainingSettings;
import dev.coarse.learn.rsmi.TrainedFilter;
import dev.coarse.stats.Estimate;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coarse rsmi train}: learns an RSMI filter on an ensemble ({@code dev.coarse.learn.rsmi}) and reports the
 * information its hidden variables keep about the environment, the filter, and its alignment with the block spin;
 * {@code --out} writes the filter file that {@code coarse rsmi flow --rule} reads.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Learn an RSMI filter H = Λ(V) that maximises a bound on I(H:E) between a block V and its"
                + " environment shell E (Gumbel-softmax hidden variables, annealed, trained with a critic).",
            "Example: ./coarse rsmi train ising64.h5 --block 2 --hidden 1 --buffer 2 --env 4 --json --out filter.json"})
public final class RsmiTrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.h5", description = "Ensemble file (level 0 is used): spins or dimers.")
    Path file;

    @Option(names = "--block", defaultValue = "2", paramLabel = "B", description = "Side b of the visible block V (default ${DEFAULT-VALUE}).")
    int block;

    @Option(names = "--hidden", defaultValue = "1", paramLabel = "N",
            description = "Hidden variables: binary spins, or states of one categorical variable (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--kind", defaultValue = "binary", paramLabel = "binary|categorical",
            description = "What the hidden variables are (default ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--buffer", defaultValue = "2", paramLabel = "W", description = "Buffer width between V and E (default ${DEFAULT-VALUE}).")
    int buffer;

    @Option(names = "--env", defaultValue = "4", paramLabel = "W", description = "Environment shell width (default ${DEFAULT-VALUE}).")
    int environment;

    @Option(names = "--bound", defaultValue = "infonce", description = "infonce (≤ ln batch), dv or nwj (default ${DEFAULT-VALUE}).")
    String bound;

    @Option(names = "--epochs", defaultValue = "" + RsmiTrainingSettings.DEFAULT_EPOCHS,
            description = "Passes over the training pairs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "" + RsmiTrainingSettings.DEFAULT_BATCH,
            description = "Pairs per Adam step; InfoNCE is capped at ln batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "" + RsmiTrainingSettings.DEFAULT_LEARNING_RATE,
            description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--pairs", defaultValue = "" + RsmiTrainingSettings.DEFAULT_PAIRS, paramLabel = "N",
            description = "(V, E) pairs per configuration, at distinct blocks (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--held-out", defaultValue = "" + RsmiTrainingSettings.DEFAULT_HELD_OUT,
            description = "Share of the configurations held out to score the bound (default ${DEFAULT-VALUE}).")
    double heldOut;

    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "T0",
            description = "Gumbel-softmax temperature at the first step (default ${DEFAULT-VALUE}).")
    double initialTemperature;

    @Option(names = "--final-temperature", defaultValue = "0.1", paramLabel = "T1",
            description = "Temperature at the last step, reached geometrically (default ${DEFAULT-VALUE}).")
    double finalTemperature;

    @Option(names = "--gain", defaultValue = "" + RsmiTrainingSettings.DEFAULT_GAIN, paramLabel = "G",
            description = "Initial gain of each filter row, logits G·Λ·V/|Λ| (default ${DEFAULT-VALUE}; 6 for 8×8 dimer blocks).")
    double gain;

    @Option(names = "--width", defaultValue = "" + Mlp.DEFAULT_WIDTH, description = "Critic units per layer (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--depth", defaultValue = "" + Mlp.DEFAULT_DEPTH, description = "Critic hidden layers (default ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--embedding", defaultValue = "" + SeparableCritic.DEFAULT_EMBEDDING,
            description = "Critic embedding width (default ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the filter file (for rsmi flow --rule).")
    Path out;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    @Override
    public Integer call() throws Exception {
        RsmiTrainingSettings settings = settings();
        if (!Files.exists(file)) {
            throw new UserError(file + " does not exist");
        }
        if (out != null && Files.exists(out) && !force) {
            throw new UserError(out + " exists (use --force to overwrite)");
        }
        // the configurations themselves, from the header, before they are read; the pairs and batches below
        DataShape shape = DataShape.of(file, 0);
        MemoryGuard.require(shape.readBytes(), "rsmi train " + file.getFileName() + " (" + shape.samples()
                + " configurations × " + shape.values() + " values)");
        Ensemble data = EnsembleFile.read(file);
        if (data.size() == 0) {
            throw new UserError(file + " holds an empty ensemble (no configurations)");
        }
        DegreesOfFreedom dof = data.degreesOfFreedom();
        boolean twoValued = dof.values() == DegreesOfFreedom.Values.SPIN
                || dof.values() == DegreesOfFreedom.Values.OCCUPATION;
        if (!twoValued) {
            throw new UserError(file + " holds " + dof + ": an RSMI filter reads two-valued data (±1 spins or 0/1"
                    + " occupations)");
        }
        int l = data.lattice().linearSize();
        if (block > l) {
            throw new UserError("--block " + block + " is larger than the lattice, L = " + l);
        }
        int span = block + 2 * (buffer + environment);
        if (span > l) {
            throw new UserError("--block " + block + ", --buffer " + buffer + " and --env " + environment + " span "
                    + span + " sites, more than L = " + l + ": the environment would wrap around the torus");
        }
        RsmiTrainer trainer = new RsmiTrainer(settings);
        try {
            MemoryGuard.require(trainer.estimatedBytes(data.lattice(), dof, data.size()), "rsmi train ("
                    + data.size() + " configurations × up to " + pairs + " (V, E) pairs)");
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        TrainedFilter trained;
        long start = System.nanoTime();
        try (ProgressReporter bar = progress.bar("rsmi train " + settings.bound().id(), 0, settings.epochs())) {
            trained = trainer.train(data.lattice(), data.data(), p -> {
                bar.message(String.format(Locale.ROOT, "I(H:E) ≥ %.4g nats", p.validationBound()));
                bar.advance(p.epoch(), p.epochs());
            });
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (out != null) {
            RsmiFilterFile.save(out, trained.filter(), metadata(trained), force);
        }
        if (output.json()) {
            output.print(json(trained, data, seconds));
        } else {
            printText(output.out(), trained, data, seconds);
        }
        return 0;
    }

    private RsmiTrainingSettings settings() {
        if (block < 1 || hidden < 1 || buffer < 0 || environment < 1) {
            throw new UserError("need --block >= 1, --hidden >= 1, --buffer >= 0, --env >= 1; got " + block + ", "
                    + hidden + ", " + buffer + ", " + environment);
        }
        if (width < 1 || depth < 0 || embedding < 1) {
            throw new UserError("need --width >= 1, --depth >= 0, --embedding >= 1");
        }
        try {
            return new RsmiTrainingSettings(block, buffer, environment, hidden, HiddenKind.ofId(kind),
                    MiBound.ofId(bound), RsmiTrainingSettings.separableCritic(width, depth, embedding), batch, epochs,
                    learningRate, initialTemperature, finalTemperature, pairs, heldOut, gain, seed.value());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private Map<String, String> metadata(TrainedFilter trained) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", file.toString());
        meta.put("seed", Long.toString(seed.value()));
        meta.put("bound", trained.settings().bound().id());
        meta.put("buffer", Integer.toString(buffer));
        meta.put("env", Integer.toString(environment));
        meta.put("epochs", Integer.toString(epochs));
        meta.put("batch", Integer.toString(batch));
        meta.put("lr", Double.toString(learningRate));
        meta.put("mi_nats", Double.toString(trained.mi().mean()));
        meta.put("mi_error_nats", Double.toString(trained.mi().error()));
        return meta;
    }

    private ObjectNode json(TrainedFilter trained, Ensemble data, double seconds) {
        ObjectNode root = JsonOutput.object();
        root.put("file", file.toString());
        root.put("samples", data.size());
        root.set("mi", JsonOutput.meanError(trained.mi()));
        root.put("unit", "nats");
        JsonOutput.putNumber(root, "ceiling", trained.ceiling());
        root.put("ceiling_hit", trained.ceilingHit());
        ArrayNode filter = root.putArray("filter");
        for (double[] row : trained.filter().weights()) {
            filter.add(Json.plainNumbers(row));
        }
        root.put("cosine_block_sum", FilterMeasures.cosineWithBlockSum(trained.filter().weights()));
        root.put("bound", trained.settings().bound().id());
        root.put("hidden_kind", trained.filter().kind().id());
        root.put("block", block);
        root.put("buffer", buffer);
        root.put("env", environment);
        root.put("batch", batch);
        root.put("epochs", epochs);
        root.put("steps", trained.steps());
        root.put("learning_rate", learningRate);
        root.put("training_pairs", trained.trainingPairs());
        root.put("held_out_pairs", trained.heldOutPairs());
        root.set("held_out_bounds", Json.plainNumbers(trained.heldOutBounds()));
        root.put("seed", seed.value());
        root.put("threads", trained.intraOpThreads());
        if (out != null) {
            root.put("out", out.toString());
        }
        root.put("seconds", seconds);
        return root;
    }

    private void printText(PrintWriter text, TrainedFilter trained, Ensemble data, double seconds) {
        Estimate mi = trained.mi();
        text.printf(Locale.ROOT, "%s: %d samples, block %d, buffer %d, env %d, %d %s hidden; %d steps in %.1f s%n",
                file, data.size(), block, buffer, environment, hidden, trained.filter().kind().id(), trained.steps(),
                seconds);
        text.printf(Locale.ROOT, "  I(H:E) ≥ %.4f ± %.4f nats (%s, held out)%s%n", mi.mean(), mi.error(),
                trained.settings().bound().id(), trained.ceilingHit() ? String.format(Locale.ROOT,
                        "  near the ceiling ln K = %.4f: use a larger --batch", trained.ceiling()) : "");
        double[][] w = trained.filter().weights();
        for (int j = 0; j < w.length; j++) {
            StringBuilder row = new StringBuilder("  filter " + j + ":");
            for (double x : w[j]) {
                row.append(String.format(Locale.ROOT, " %.3f", x));
            }
            text.println(row);
        }
        text.printf(Locale.ROOT, "  |cos(filter, block sum)| = %.4f%n", FilterMeasures.cosineWithBlockSum(w));
        if (out != null) {
            text.println("  wrote " + out);
        }
        text.flush();
    }
}
