package dev.coarse.cli.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.Threads;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.CheckpointDirectory;
import dev.coarse.data.CoarseVersion;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.mc.ChainResult;
import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.CheckpointCadence;
import dev.coarse.mc.FieldChainResult;
import dev.coarse.mc.FieldChainRunner;
import dev.coarse.mc.FieldObservables;
import dev.coarse.mc.FieldRunSpec;
import dev.coarse.mc.Observables;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.DimerModel;
import dev.coarse.model.FieldModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntUnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse sample}: Monte Carlo sampling with observables, optionally written as an ensemble file. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Sample a lattice model by Monte Carlo; print observables with errors and optionally save the configurations.",
            "Example: ./coarse sample --model ising2d --L 32 --T 2.269 --sampler wolff --sweeps 20000 --out ising.h5 --json",
            "Field theories: ./coarse sample --model phi4 --kappa 0.27 --lambda 1 --L 16 --sampler hmc --sweeps 2000 --json"
                    + " (docs/phi4.md)"})
public final class SampleCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--sampler", paramLabel = "NAME",
            description = "metropolis, heatbath, wolff, sw (Ising); metropolis, wolff (Potts); multispin (Ising, even L:"
                    + " 64 replicas per chain group; in 2D eight sites per block, one 512-bit vector on a JDK after 17 with AVX-512);"
                    + " multispin-narrow (2D Ising, even L: four sites per block, the chain multispin gave before 2026-11-24);"
                    + " worm (dimer2d); hmc, metropolis (phi4, phi4c: a sweep is one HMC trajectory or N site proposals)."
                    + " Default metropolis, worm for dimer2d, hmc for phi4 and phi4c.")
    String sampler;

    @Option(names = "--sweeps", defaultValue = "10000", description = "Measured sweeps per chain (default ${DEFAULT-VALUE}).")
    long sweeps;

    @Option(names = "--thermalize", defaultValue = "1000", description = "Thermalisation sweeps per chain (default ${DEFAULT-VALUE}).")
    long thermalize;

    @Option(names = "--thin", defaultValue = "10", description = "Sweeps between stored samples (default ${DEFAULT-VALUE}).")
    long thin;

    @Option(names = "--chains", defaultValue = "4", description = "Independent chains (default ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--target-acceptance", paramLabel = "A",
            description = "phi4, phi4c: acceptance the step is tuned to during thermalisation (default 0.8 hmc, 0.5 metropolis).")
    Double targetAcceptance;

    @Option(names = "--trajectory-length", paramLabel = "TAU",
            description = "phi4, phi4c with hmc: trajectory length τ; leapfrog steps = ceil(τ/ε) (default 1).")
    Double trajectoryLength;

    @Mixin
    Threads threads;

    @Mixin
    Seed seed;

    @Mixin
    SampleDestination destination;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    @Override
    public Integer call() throws Exception {
        boolean bonds = modelOptions.model == ModelOptions.ModelName.dimer2d;
        MemoryGuard.require(RunSpec.estimatedBytes(modelOptions.latticeDimension(), modelOptions.linearSize(),
                bonds || modelOptions.model == ModelOptions.ModelName.phi4c ? 2 : 1, modelOptions.isField() ? Double.BYTES : 1, sweeps, thin, chains, threads.count()),
                "sample --L " + modelOptions.linearSize() + " (" + chains + " chains × " + (thin > 0 ? sweeps / thin : 0)
                        + " samples and the lattice)");
        if (modelOptions.isField()) {
            return sampleField(modelOptions.buildField());
        }
        if (targetAcceptance != null || trajectoryLength != null) {
            throw new UserError("--target-acceptance and --trajectory-length apply to phi4 and phi4c only");
        }
        Model model = modelOptions.build();
        String sampler = this.sampler != null ? this.sampler
                : model instanceof DimerModel ? SamplerKind.WORM.id() : SamplerKind.METROPOLIS.id();
        destination.refuseToOverwrite();
        RunSpec run = new RunSpec(model, SamplerKind.forId(sampler, model), sweeps, thermalize, thin, chains,
                seed.value(), threads.count());
        Checkpointed<ChainResult> sampled = sampleCheckpointed(ChainRunner.checkpointIdentity(run),
                unit -> ChainRunner.unitChains(run, unit), run.totalSweeps(),
                (store, cadence, bar) -> ChainRunner.run(run, bar, store, cadence));
        ChainResult result = sampled.result();
        int resumedChains = sampled.resumedChains();
        Map<String, Estimate> observables = Observables.measure(result);
        writeThenRemoveCheckpoint(sampled, () -> ensembleOf(run, result, observables));
        PrintWriter stdout = output.out();
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("model", model.name());
            root.put("L", model.lattice().linearSize());
            root.put("T", model.temperature());
            if (model instanceof IsingModel ising) {
                root.put("h", ising.field());
            }
            if (model instanceof PottsModel potts) {
                root.put("q", potts.q());
            }
            if (model instanceof DimerModel dimers) {
                root.put("v", dimers.v());
            }
            putRun(root, sampler, result.configurations().length);
            printJsonTail(root, resumedChains, observables);
        } else {
            String coupling = model instanceof DimerModel dimers ? String.format("  v=%.6g", dimers.v()) : "";
            stdout.printf("%s  L=%d  T=%.6g%s  sampler=%s  seed=%d  %d samples%n", model.name(),
                    model.lattice().linearSize(), model.temperature(), coupling, sampler, seed.value(),
                    result.configurations().length);
            observables.forEach((name, e) -> stdout.printf("  %-20s %14.8g ± %-12.3g tau_int=%.3g%n",
                    name, e.mean(), e.error(), e.tauInt()));
            printResumedAndWritten(stdout, sampled);
        }
        return 0;
    }

    /** What {@link #sampleCheckpointed} runs: the chains, saving to {@code store} (null: none) as {@code cadence} says. */
    @FunctionalInterface
    private interface CheckpointedSampling<R> {
        R run(CheckpointDirectory store, CheckpointCadence cadence, ProgressReporter bar);
    }

    /** A sampling phase's result, its checkpoint (null without one) and the chains restored from it finished. */
    private record Checkpointed<R>(R result, CheckpointDirectory store, Path directory, int resumedChains) {
    }

    /**
     * Runs the sampling phase of a run under its checkpoint, the same for spins and fields: opens the checkpoint of
     * the run {@code identity} names (or resumes it), starts the progress bar at the chains restored finished
     * ({@code unitChains}: chains of a unit), prints how to resume if the run is interrupted, and removes a
     * checkpoint that holds nothing if sampling fails.
     */
    private <R> Checkpointed<R> sampleCheckpointed(Map<String, String> identity, IntUnaryOperator unitChains,
                                                   long totalSweeps, CheckpointedSampling<R> sampling)
            throws IOException {
        CheckpointCadence cadence = destination.cadence();
        // the hint is registered before the checkpoint exists, so an interrupt that finds a checkpoint finds the hint
        Path checkpointDirectory = SampleDestination.checkpointDirectory(destination.checkpoint, destination.out());
        Thread resumeHint = checkpointDirectory == null ? null : resumeHint(checkpointDirectory);
        CheckpointDirectory store;
        int resumedChains = 0;
        try {
            store = destination.openCheckpoint(identity);
            if (store != null) {
                for (int unit : store.storedUnits()) {
                    resumedChains += unitChains.applyAsInt(unit);
                }
            }
        } catch (RuntimeException | IOException e) {
            removeHint(resumeHint);
            throw e;
        }
        R result;
        long restoredSweeps = resumedChains * (thermalize + sweeps);
        try (ProgressReporter bar = progress.bar("sample", restoredSweeps, totalSweeps)) {
            result = sampling.run(store, cadence, bar);
        } catch (OutOfMemoryError | UncheckedIOException e) {
            // A checkpoint with no finished chain holds nothing to resume: remove it rather than ask for a --resume
            // (the heap ran out, or the disk filled up while the first chain was written).
            if (store != null && store.storedUnits().isEmpty() && store.progressUnits().isEmpty()) {
                store.delete();
            }
            throw e;
        } finally {
            removeHint(resumeHint);
        }
        return new Checkpointed<>(result, store, checkpointDirectory, resumedChains);
    }

    /** Builds an ensemble; may fail as {@link java.util.concurrent.Callable} does. */
    @FunctionalInterface
    private interface EnsembleSource {
        Ensemble get() throws Exception;
    }

    /** Writes --out (if given) and then removes the run's checkpoint (if it has one). */
    private void writeThenRemoveCheckpoint(Checkpointed<?> sampled, EnsembleSource ensemble) throws Exception {
        if (destination.out() != null) {
            try {
                destination.write(ensemble.get());
            } catch (IOException e) {
                if (sampled.store() == null || e instanceof FileAlreadyExistsException) {
                    throw e;
                }
                // e.g. the disk is full: the chains are done and checkpointed, so they need not be sampled again
                throw new UserError(UserError.oneLine(e.getMessage()) + "; the finished chains are kept in "
                        + sampled.directory() + ": make room and run the same command with --resume", e);
            }
        }
        if (sampled.store() != null) {
            sampled.store().delete();
        }
    }

    /** Ends the JSON of a run with resumed_chains, out (with --out) and the observables, and prints it. */
    private void printJsonTail(ObjectNode root, int resumedChains, Map<String, Estimate> observables) {
        root.put("resumed_chains", resumedChains);
        if (destination.out() != null) {
            root.put("out", destination.out().toString());
        }
        ObjectNode obs = root.putObject("observables");
        observables.forEach((name, e) -> obs.set(name, JsonOutput.estimate(e)));
        output.print(root);
    }

    /** The text output's last lines: the chains resumed, the file written. */
    private void printResumedAndWritten(PrintWriter stdout, Checkpointed<?> sampled) {
        if (sampled.resumedChains() > 0) {
            stdout.printf("resumed %d of %d chains from %s%n", sampled.resumedChains(), chains,
                    sampled.store().directory());
        }
        if (destination.out() != null) {
            stdout.println("wrote " + destination.out());
        }
    }

    /**
     * Registers, for the sampling phase, what Ctrl-C (or a kill with SIGTERM) prints: the end of the progress line and
     * how to continue from the checkpoint.
     */
    private static Thread resumeHint(Path checkpoint) {
        Thread hint = new Thread(() -> {
            System.err.println();
            System.err.println("coarse: interrupted: finished chains and saved chain progress are kept in " + checkpoint
                    + "; run the same command with --resume to continue");
            System.err.flush();
        }, "coarse-resume-hint");
        Runtime.getRuntime().addShutdownHook(hint);
        return hint;
    }

    private static void removeHint(Thread hint) {
        if (hint != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hint);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (Ctrl-C): the hint runs
            }
        }
    }

    /**
     * The ensemble file's content: the run's configurations with its model (and its couplings beyond T, h and q, such
     * as the dimers' v), sampling and τ<sub>int</sub> of the order parameter (|m|; |Ψ| for dimers).
     */
    public static Ensemble ensembleOf(RunSpec run, ChainResult result, Map<String, Estimate> observables) {
        Model model = run.model();
        double field = model instanceof IsingModel ising ? ising.field() : 0.0;
        int q = model instanceof PottsModel potts ? potts.q() : 2;
        Map<String, Double> parameters = model instanceof DimerModel dimers ? dimers.parameters() : Map.of();
        Estimate order = observables.get(model instanceof DimerModel ? "columnar_order" : "abs_magnetization");
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", "coarse sample");
        EnsembleMeta meta = new EnsembleMeta(model.name(), model.lattice().dimension(), model.lattice().linearSize(),
                model.temperature(), field, q, run.sampler().id(), run.seed(), run.sweeps(), run.thermalize(), run.thin(),
                run.chains(), order == null ? Double.NaN : order.tauInt(), CoarseVersion.get(), provenance, parameters);
        return new Ensemble(meta, model.lattice(), result.configurations());
    }

    /** The JSON keys every sample run has, in the order the output has always had them. */
    private void putRun(ObjectNode root, String samplerId, int samples) {
        root.put("sampler", samplerId);
        root.put("seed", seed.value());
        root.put("sweeps", sweeps);
        root.put("thermalize", thermalize);
        root.put("thin", thin);
        root.put("chains", chains);
        root.put("n_samples", samples);
    }

    /** {@code coarse sample} for a field theory: HMC or local Metropolis chains, checkpointed as spin chains are. */
    private Integer sampleField(FieldModel model) throws Exception {
        SamplerKind kind = SamplerKind.forId(sampler == null ? SamplerKind.HMC.id() : sampler, model);
        if (trajectoryLength != null && kind != SamplerKind.HMC) {
            throw new UserError("--trajectory-length applies to the hmc sampler only");
        }
        destination.refuseToOverwrite();
        FieldRunSpec run = new FieldRunSpec(model, kind, sweeps, thermalize, thin, chains, seed.value(),
                threads.count(), targetAcceptance == null ? kind.defaultTargetAcceptance() : targetAcceptance,
                trajectoryLength == null ? dev.coarse.mc.HybridMonteCarlo.DEFAULT_TRAJECTORY_LENGTH : trajectoryLength);
        Checkpointed<FieldChainResult> sampled = sampleCheckpointed(FieldChainRunner.checkpointIdentity(run),
                unit -> 1, run.totalUpdates(), (store, cadence, bar) -> FieldChainRunner.run(run, bar, store, cadence));
        FieldChainResult result = sampled.result();
        Map<String, Estimate> observables = FieldObservables.measure(result);
        writeThenRemoveCheckpoint(sampled, () -> ensembleOf(run, result, observables));
        boolean hmc = kind == SamplerKind.HMC;
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("model", model.name());
            root.put("dimension", model.lattice().dimension());
            root.put("L", model.lattice().linearSize());
            ObjectNode parameters = root.putObject("parameters");
            new java.util.TreeMap<>(model.parameters()).forEach(parameters::put);
            putRun(root, kind.id(), result.configurations().length);
            root.put("target_acceptance", run.targetAcceptance());
            root.put("acceptance", result.meanAcceptance());
            root.put("step_size", result.meanStepSize());
            if (hmc) {
                root.put("trajectory_length", run.trajectoryLength());
                root.put("leapfrog_steps", result.meanLeapfrogSteps());
            }
            printJsonTail(root, sampled.resumedChains(), observables);
        } else {
            PrintWriter stdout = output.out();
            StringBuilder couplings = new StringBuilder();
            new java.util.TreeMap<>(model.parameters()).forEach((k, v) -> couplings.append(String.format("  %s=%.6g", k, v)));
            stdout.printf("%s  d=%d  L=%d%s  sampler=%s  seed=%d  %d samples%n", model.name(),
                    model.lattice().dimension(), model.lattice().linearSize(), couplings, kind.id(), seed.value(),
                    result.configurations().length);
            stdout.printf("  acceptance %.4f (target %.2f)  step %.5g%s%n", result.meanAcceptance(),
                    run.targetAcceptance(), result.meanStepSize(),
                    hmc ? String.format("  leapfrog steps %.4g  trajectory %.4g", result.meanLeapfrogSteps(),
                            run.trajectoryLength()) : "");
            observables.forEach((name, e) -> stdout.printf("  %-20s %14.8g ± %-12.3g tau_int=%.3g%n",
                    name, e.mean(), e.error(), e.tauInt()));
            printResumedAndWritten(stdout, sampled);
        }
        return 0;
    }

    /**
     * The ensemble file of a field run: float64 fields (complex ones with the trailing re/im axis of format version
     * 2), the couplings as parameters, T = 1 (the weight is e^{−S}), and τ<sub>int</sub> of ⟨|M|⟩.
     */
    public static Ensemble ensembleOf(FieldRunSpec run, FieldChainResult result, Map<String, Estimate> observables) {
        FieldModel model = run.model();
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", "coarse sample");
        provenance.put("target_acceptance", Double.toString(run.targetAcceptance()));
        provenance.put("acceptance", Double.toString(result.meanAcceptance()));
        provenance.put("step_size", Double.toString(result.meanStepSize()));
        if (run.sampler() == SamplerKind.HMC) {
            provenance.put("trajectory_length", Double.toString(run.trajectoryLength()));
            provenance.put("leapfrog_steps", Double.toString(result.meanLeapfrogSteps()));
        }
        EnsembleMeta meta = new EnsembleMeta(model.name(), model.lattice().dimension(), model.lattice().linearSize(),
                1.0, 0.0, 2, run.sampler().id(), run.seed(), run.updates(), run.thermalize(), run.thin(), run.chains(),
                observables.get("abs_magnetization").tauInt(), CoarseVersion.get(), provenance, model.parameters());
        return new Ensemble(meta, model.lattice(),
                new ContinuousConfigurations(model.degreesOfFreedom(), result.configurations()));
    }
}
