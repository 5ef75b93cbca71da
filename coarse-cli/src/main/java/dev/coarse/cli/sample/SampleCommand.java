package dev.coarse.cli.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.Threads;
import dev.coarse.data.CheckpointDirectory;
import dev.coarse.data.CoarseVersion;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.Observables;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import dev.coarse.stats.Estimate;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse sample}: Monte Carlo sampling with observables, optionally written as an ensemble file. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Sample a lattice model by Monte Carlo; print observables with errors and optionally save the configurations.",
            "Example: ./coarse sample --model ising2d --L 32 --T 2.269 --sampler wolff --sweeps 20000 --out ising.h5 --json"})
public final class SampleCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--sampler", paramLabel = "NAME",
            description = "metropolis, heatbath, wolff, sw (Ising); metropolis, wolff (Potts); multispin (Ising, even L:"
                    + " 64 replicas per chain group; in 2D eight sites per block, one 512-bit vector on a JDK after 17 with AVX-512);"
                    + " multispin-narrow (2D Ising, even L: four sites per block, the chain multispin gave before 2026-11-24);"
                    + " worm (dimer2d). Default metropolis, worm for dimer2d.")
    String sampler;

    @Option(names = "--sweeps", defaultValue = "10000", description = "Measured sweeps per chain (default ${DEFAULT-VALUE}).")
    long sweeps;

    @Option(names = "--thermalize", defaultValue = "1000", description = "Thermalisation sweeps per chain (default ${DEFAULT-VALUE}).")
    long thermalize;

    @Option(names = "--thin", defaultValue = "10", description = "Sweeps between stored samples (default ${DEFAULT-VALUE}).")
    long thin;

    @Option(names = "--chains", defaultValue = "4", description = "Independent chains (default ${DEFAULT-VALUE}).")
    int chains;

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
        Model model = modelOptions.build();
        String sampler = this.sampler != null ? this.sampler
                : model instanceof DimerModel ? SamplerKind.WORM.id() : SamplerKind.METROPOLIS.id();
        destination.refuseToOverwrite();
        RunSpec run = new RunSpec(model, SamplerKind.forId(sampler, model), sweeps, thermalize, thin, chains,
                seed.value(), threads.count());
        CheckpointDirectory store = destination.openCheckpoint(run);
        int resumedChains = 0;
        if (store != null) {
            for (int unit : store.storedUnits()) {
                resumedChains += ChainRunner.unitChains(run, unit);
            }
        }
        ChainResult result;
        long restoredSweeps = resumedChains * (thermalize + sweeps);
        try (ProgressReporter bar = progress.bar("sample", restoredSweeps, run.totalSweeps())) {
            result = ChainRunner.run(run, bar, store);
        }
        Map<String, Estimate> observables = Observables.measure(result);
        if (destination.out() != null) {
            destination.write(ensembleOf(run, result, observables));
        }
        if (store != null) {
            store.delete();
        }
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
            root.put("sampler", sampler);
            root.put("seed", seed.value());
            root.put("sweeps", sweeps);
            root.put("thermalize", thermalize);
            root.put("thin", thin);
            root.put("chains", chains);
            root.put("n_samples", result.configurations().length);
            root.put("resumed_chains", resumedChains);
            if (destination.out() != null) {
                root.put("out", destination.out().toString());
            }
            ObjectNode obs = root.putObject("observables");
            observables.forEach((name, e) -> obs.set(name, JsonOutput.estimate(e)));
            output.print(root);
        } else {
            String coupling = model instanceof DimerModel dimers ? String.format("  v=%.6g", dimers.v()) : "";
            stdout.printf("%s  L=%d  T=%.6g%s  sampler=%s  seed=%d  %d samples%n", model.name(),
                    model.lattice().linearSize(), model.temperature(), coupling, sampler, seed.value(),
                    result.configurations().length);
            observables.forEach((name, e) -> stdout.printf("  %-20s %14.8g ± %-12.3g tau_int=%.3g%n",
                    name, e.mean(), e.error(), e.tauInt()));
            if (resumedChains > 0) {
                stdout.printf("resumed %d of %d chains from %s%n", resumedChains, chains, store.directory());
            }
            if (destination.out() != null) {
                stdout.println("wrote " + destination.out());
            }
        }
        return 0;
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
}
