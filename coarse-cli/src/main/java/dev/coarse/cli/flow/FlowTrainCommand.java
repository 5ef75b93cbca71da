package dev.coarse.cli.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.learn.flow.FlowFile;
import dev.coarse.learn.flow.FlowProgress;
import dev.coarse.learn.flow.FlowSampler;
import dev.coarse.learn.flow.FlowSamples;
import dev.coarse.learn.flow.FlowSettings;
import dev.coarse.learn.flow.FlowTarget;
import dev.coarse.learn.flow.FlowTrainer;
import dev.coarse.learn.flow.IndependenceMetropolis;
import dev.coarse.learn.flow.TrainedFlow;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coarse flow train}: trains a hierarchical flow on a model's energy ({@code dev.coarse.learn.flow}) and
 * reports the variational bound on ln Z per site against the exact value, the ESS, reweighted observables and the
 * flow as an independence sampler.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a MERA-shaped RealNVP flow on the energy alone (minimise E_q[ln q + S]) and report the"
                + " variational lower bound on ln Z per site, the exact value when known, and importance-sampling results.",
            "Example: ./coarse flow train --model ising2d --L 8 --epochs 20 --out ising8.flow.json --json"})
public final class FlowTrainCommand implements Callable<Integer> {

    /** T_c of the square-lattice Ising model, 2 / ln(1 + √2). */
    static final double ISING_TC = 2 / Math.log(1 + Math.sqrt(2));

    @Option(names = "--model", required = true, paramLabel = "ising2d|phi4|phi4c", description = "The target model.")
    String model;

    @Option(names = "--L", defaultValue = "8", description = "Linear size, a power of two (default ${DEFAULT-VALUE}).")
    int linearSize;

    @Option(names = "--T", paramLabel = "T", description = "ising2d: temperature (default T_c = 2.269185).")
    Double temperature;

    @Option(names = "--kappa", paramLabel = "K", description = "phi4: hopping κ.")
    Double kappa;

    @Option(names = "--lambda", paramLabel = "L", description = "phi4, phi4c: quartic coupling λ (default 0 for phi4, 1 for phi4c).")
    Double lambda;

    @Option(names = "--t", paramLabel = "T", description = "phi4c: hopping t.")
    Double hopping;

    @Option(names = "--mu", paramLabel = "M", description = "phi4c: mass term μ (default -2).")
    Double mu;

    @Option(names = "--couplings", defaultValue = "4", description = "Affine couplings per plaquette block (default ${DEFAULT-VALUE}).")
    int couplings;

    @Option(names = "--hidden-layers", defaultValue = "2", description = "Hidden layers of each coupling MLP (default ${DEFAULT-VALUE}).")
    int hiddenLayers;

    @Option(names = "--width", defaultValue = "16", description = "Units per hidden layer (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--batch", defaultValue = "256", description = "Latent draws per Adam step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--steps", defaultValue = "50", description = "Adam steps per epoch (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--lr", defaultValue = "0.01", description = "Adam step size, decayed geometrically to a tenth (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--samples", defaultValue = "20000", description = "Fresh draws for the final estimates (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--no-symmetrize", description = "Do not Z2-symmetrise the flow (faster; an ordered target may lose ln 2).")
    boolean noSymmetrize;

    @Option(names = "--max-seconds", paramLabel = "S", description = "Stop after the epoch during which S seconds have passed.")
    Double maxSeconds;

    @Option(names = "--out", paramLabel = "MODEL.json", description = "The flow file, rewritten after every epoch (a checkpoint).")
    Path out;

    @Option(names = "--resume", description = "Continue the training checkpointed in --out (same options; weights, Adam state and latents as in an uninterrupted run).")
    boolean resume;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    /** The target the model options describe. */
    static FlowTarget target(String model, int linearSize, Double temperature, Double kappa, Double lambda,
                             Double hopping, Double mu) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        switch (model) {
            case "ising2d" -> parameters.put("T", temperature == null ? ISING_TC : temperature);
            case "phi4" -> {
                if (kappa == null) {
                    throw new UserError("phi4 needs --kappa");
                }
                parameters.put("kappa", kappa);
                parameters.put("lambda", lambda == null ? 0 : lambda);
            }
            case "phi4c" -> {
                if (hopping == null) {
                    throw new UserError("phi4c needs --t");
                }
                parameters.put("t", hopping);
                parameters.put("mu", mu == null ? -2 : mu);
                parameters.put("lambda", lambda == null ? 1 : lambda);
            }
            default -> throw new UserError("--model must be ising2d, phi4 or phi4c, got '" + model + "'");
        }
        try {
            return FlowFile.target(model, linearSize, parameters);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        FlowSettings settings;
        try {
            settings = new FlowSettings(couplings, hiddenLayers, width, batch, epochs, steps, learningRate, samples,
                    !noSymmetrize, seed.value());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        // before the target is built: ising2d's holds L⁴ doubles
        MemoryGuard.require(FlowFile.estimatedBytes(model, linearSize, settings), "flow train --model " + model
                + " --L " + linearSize + " (the target, batches of " + batch + " fields and " + samples
                + " evaluation draws; libtorch's native memory is not counted)");
        FlowTarget target = target(model, linearSize, temperature, kappa, lambda, hopping, mu);
        try {
            settings.architecture(target.linearSize(), target.channels());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (maxSeconds != null && !(maxSeconds > 0)) {
            throw new UserError("--max-seconds must be positive, got " + maxSeconds);
        }
        TrainedFlow start = null;
        if (resume) {
            if (out == null || !Files.exists(out)) {
                throw new UserError("--resume needs the checkpoint --out FILE, which does not exist");
            }
            FlowFile.Loaded loaded;
            try {
                loaded = FlowFile.load(out);
            } catch (IOException e) {
                throw new UserError(e.getMessage(), e);
            }
            if (!loaded.target().name().equals(target.name()) || !loaded.target().parameters().equals(
                    target.parameters()) || !loaded.flow().settings().equals(settings)) {
                throw new UserError(out + " was trained with other options; resume with the same model and settings");
            }
            start = loaded.flow();
        } else if (out != null && Files.exists(out) && !force) {
            throw new UserError(out + " exists (use --force to overwrite, or --resume to continue it)");
        }
        TrainedFlow trained;
        int done = start == null ? 0 : start.epochsDone();
        try (ProgressReporter bar = progress.bar("flow train " + target.name(), done, settings.epochs())) {
            FlowProgress listener = (epoch, total, bound, ess, snapshot) -> {
                bar.message(String.format(Locale.ROOT, "ln Z/N >= %.5f  ESS %.3f", bound, ess));
                bar.advance(epoch, total);
                if (out != null) {
                    try {
                        FlowFile.save(out, target, snapshot, true);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            trained = new FlowTrainer(settings).train(target, start,
                    maxSeconds == null ? Double.POSITIVE_INFINITY : maxSeconds, listener);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserError("cannot write " + out + ": " + e.getCause().getMessage(), e);
        }
        FlowSamples draws;
        try (FlowSampler sampler = new FlowSampler(target, trained)) {
            draws = sampler.draw(settings.evaluationSamples(), new SplittableRandom(seed.value()).split(), false).samples();
        }
        IndependenceMetropolis chain = IndependenceMetropolis.run(draws, new SplittableRandom(seed.value() + 1));
        if (output.json()) {
            output.print(json(target, trained, draws, chain));
        } else {
            printText(output.out(), target, trained, draws, chain);
        }
        return 0;
    }

    private static OptionalDouble exactPerSite(FlowTarget target) {
        OptionalDouble exact = target.exactLnZ();
        return exact.isPresent() ? OptionalDouble.of(exact.getAsDouble() / target.sites()) : exact;
    }

    static ObjectNode json(FlowTarget target, TrainedFlow trained, FlowSamples draws, IndependenceMetropolis chain) {
        ObjectNode root = JsonOutput.object();
        root.put("model", target.name());
        root.put("L", target.linearSize());
        ObjectNode parameters = root.putObject("parameters");
        target.parameters().forEach(parameters::put);
        Estimate bound = draws.boundPerSite();
        root.set("ln_z_bound_per_site", JsonOutput.meanError(bound));
        OptionalDouble exact = exactPerSite(target);
        if (exact.isPresent()) {
            JsonOutput.putNumber(root, "exact_ln_z_per_site", exact.getAsDouble());
            JsonOutput.putNumber(root, "gap_per_site", exact.getAsDouble() - bound.mean());
        } else {
            root.putNull("exact_ln_z_per_site");
            root.putNull("gap_per_site");
        }
        JsonOutput.putNumber(root, "ess_fraction", draws.essFraction());
        root.set("importance_ln_z_per_site", JsonOutput.meanError(draws.importanceLnZPerSite()));
        ObjectNode observable = root.putObject(target.observableName());
        observable.set("reweighted", JsonOutput.meanError(draws.reweightedObservable()));
        observable.set("flow", JsonOutput.meanError(draws.flowObservable()));
        target.exactObservable().ifPresent(v -> JsonOutput.putNumber(observable, "exact", v));
        ObjectNode imh = root.putObject("independence_sampler");
        JsonOutput.putNumber(imh, "acceptance", chain.acceptance());
        JsonOutput.putNumber(imh, "tau_int", chain.tauInt());
        imh.set(target.observableName(), JsonOutput.estimate(chain.observable()));
        root.put("epochs", trained.epochsDone());
        JsonOutput.putNumber(root, "seconds", trained.seconds());
        ArrayNode history = root.putArray("bound_history");
        for (double v : trained.boundHistory()) {
            history.add(v);
        }
        root.put("samples", draws.size());
        root.put("seed", trained.settings().seed());
        return root;
    }

    private static void printText(PrintWriter out, FlowTarget target, TrainedFlow trained, FlowSamples draws,
                                  IndependenceMetropolis chain) {
        out.printf(Locale.ROOT, "%s  L=%d  %s  %d epochs in %.1f s%n", target.name(), target.linearSize(),
                target.parameters(), trained.epochsDone(), trained.seconds());
        Estimate bound = draws.boundPerSite();
        out.printf(Locale.ROOT, "  ln Z/N >= %.6f ± %.6f (variational bound)%n", bound.mean(), bound.error());
        exactPerSite(target).ifPresent(e -> out.printf(Locale.ROOT, "  exact ln Z/N = %.6f   gap %.6f%n", e,
                e - bound.mean()));
        Estimate is = draws.importanceLnZPerSite();
        out.printf(Locale.ROOT, "  ln Z/N = %.6f ± %.6f (importance sampling)   ESS fraction %.4f%n", is.mean(),
                is.error(), draws.essFraction());
        Estimate o = draws.reweightedObservable();
        out.printf(Locale.ROOT, "  %s = %.6f ± %.6f (reweighted)%s%n", target.observableName(), o.mean(), o.error(),
                target.exactObservable().isPresent() ? String.format(Locale.ROOT, "   exact %.6f",
                        target.exactObservable().getAsDouble()) : "");
        out.printf(Locale.ROOT, "  independence sampler: acceptance %.4f  tau_int %.3f%n", chain.acceptance(),
                chain.tauInt());
    }
}
