package dev.coarse.cli.rgflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.learn.reduce.LatticeComparison;
import dev.coarse.learn.reduce.ReductionInput;
import dev.coarse.learn.rgflow.ImageSet;
import dev.coarse.learn.rgflow.LatticeKl;
import dev.coarse.learn.rgflow.RgFlowSettings;
import dev.coarse.learn.rgflow.SpinQuantisation;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coarse rgflow lattice}: RG-Flow on 2D Ising ensembles — trained on one ensemble (or loaded), its forward KL to
 * the Boltzmann law bounded on a held-out ensemble, and its coarse fields level by level beside majority and RSMI block
 * spins.
 */
@Command(name = "lattice", mixinStandardHelpOptions = true,
        description = {"Train RG-Flow on an Ising ensemble (L×L, h = 0), bound its forward KL to the Boltzmann law per"
                + " spin on a held-out ensemble (exact entropy), and compare its coarse fields per level with majority"
                + " and RSMI block spins.",
            "Example: ./coarse rgflow lattice ising8-train.h5 --test ising8-test.h5 --epochs 20 --json"})
public final class RgFlowLatticeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRAIN.h5", description = "The training ensemble (coarse sample --out).")
    Path train;

    @Option(names = "--test", required = true, paramLabel = "HELDOUT.h5",
            description = "A held-out ensemble of the same model, L and T (another chain or seed), for the KL bound and"
                    + " the comparison.")
    Path test;

    @Option(names = "--quantisation", defaultValue = "two-level", paramLabel = "two-level|bytes",
            description = "Spins to bytes: two-level (-1 -> 0..127, +1 -> 128..255 drawn uniformly; cells of width"
                    + " 1/2) or bytes (-1 -> 0, +1 -> 255, as coarse reduce does) (default ${DEFAULT-VALUE}).")
    String quantisation;

    @Mixin
    NetworkOptions network;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "Use this flow (trained on the same --quantisation) instead of training one.")
    Path model;

    @Option(names = "--out", paramLabel = "MODEL.json", description = "Save the trained flow (after every epoch).")
    Path out;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Option(names = "--max-seconds", paramLabel = "S", description = "Stop after the epoch during which S seconds have passed.")
    Double maxSeconds;

    @Option(names = "--draws", defaultValue = "1", paramLabel = "K",
            description = "Draws of the dequantisation per held-out configuration: the importance-weighted bound on"
                    + " -ln P(s), tighter as K grows; K = 1 is the trained likelihood (default ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--levels", paramLabel = "N", description = "Levels to compare (default all: log2 L - 1).")
    Integer levels;

    @Option(names = "--no-rsmi", description = "Leave out the RSMI filters (they are trained, per level).")
    boolean noRsmi;

    @Option(names = "--resamples", defaultValue = "200", description = "Bootstrap resamples of I(X:E) (default ${DEFAULT-VALUE}).")
    int resamples;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    @Override
    public Integer call() throws IOException {
        SpinQuantisation q = switch (quantisation.toLowerCase(Locale.ROOT)) {
            case "two-level" -> SpinQuantisation.TWO_LEVEL;
            case "bytes" -> SpinQuantisation.BYTES;
            default -> throw new UserError("--quantisation must be two-level or bytes, got " + quantisation);
        };
        if (model != null && out != null) {
            throw new UserError("--out saves a flow trained here; with --model nothing is trained");
        }
        if (out != null && Files.exists(out) && !force) {
            throw new UserError(out + " exists (use --force to overwrite)");
        }
        if (draws < 1) {
            throw new UserError("--draws must be >= 1, got " + draws);
        }
        if (maxSeconds != null && !(maxSeconds > 0)) {
            throw new UserError("--max-seconds must be positive, got " + maxSeconds);
        }
        EnsembleMeta meta = isingMeta(test);
        EnsembleMeta trainMeta = isingMeta(train);
        if (trainMeta.linearSize() != meta.linearSize() || trainMeta.temperature() != meta.temperature()) {
            throw new UserError(train + " (L = " + trainMeta.linearSize() + ", T = " + trainMeta.temperature()
                    + ") and " + test + " (L = " + meta.linearSize() + ", T = " + meta.temperature()
                    + ") are not the same ensemble");
        }
        int l = meta.linearSize();
        int most = Integer.numberOfTrailingZeros(l) - 1;
        if (Integer.bitCount(l) != 1 || l < 4) {
            throw new UserError("RG-Flow needs L = 2^k >= 4, the ensembles have L = " + l);
        }
        int n = levels == null ? most : levels;
        if (n < 1 || n > most) {
            throw new UserError("--levels must lie in 1 … " + most + " at L = " + l + ", got " + n);
        }
        ReductionInput trainInput = ReductionInput.read(train);
        ReductionInput testInput = ReductionInput.read(test);
        long start = System.nanoTime();
        TrainedRgFlow flow = model != null ? RgFlowCommand.load(model) : train(trainInput.spins(), l, q);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        LatticeKl kl = LatticeKl.of(flow, q, testInput.spins(), meta.temperature(), draws, seed.value() + 1);
        LatticeComparison comparison = LatticeComparison.of(testInput, flow, q, n, !noRsmi, resamples,
                seed.value() + 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (output.json()) {
            output.print(json(meta, q, flow, trainInput.rows(), trainSeconds, seconds, kl, comparison));
        } else {
            text(output.out(), meta, flow, kl, comparison);
        }
        return 0;
    }

    private static EnsembleMeta isingMeta(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new UserError(file + " does not exist");
        }
        EnsembleMeta meta = EnsembleFile.readMeta(file);
        if (!meta.model().equals("ising2d") || meta.field() != 0) {
            throw new UserError(file + " holds " + meta.model() + " in " + meta.dimension() + "D with field "
                    + meta.field() + ": the KL bound needs the 2D Ising model at h = 0 (coarse sample --model ising2d)");
        }
        return meta;
    }

    private TrainedRgFlow train(byte[][] spins, int l, SpinQuantisation q) {
        RgFlowSettings settings = network.settings(false, seed.value());
        if (spins.length < settings.batch()) {
            throw new UserError("--batch " + settings.batch() + " exceeds the " + spins.length
                    + " training configurations");
        }
        ImageSet images = q.images(spins, l, new SplittableRandom(seed.value()).split());
        return RgFlowTrainCommand.trainWithBar("rgflow lattice", settings, images, null,
                maxSeconds == null ? Double.POSITIVE_INFINITY : maxSeconds, out, progress);
    }

    static ObjectNode json(EnsembleMeta meta, SpinQuantisation q, TrainedRgFlow flow, int trainSamples,
                           double trainSeconds, double seconds, LatticeKl kl, LatticeComparison comparison) {
        ObjectNode root = JsonOutput.object();
        root.put("L", meta.linearSize());
        JsonOutput.putNumber(root, "T", meta.temperature());
        root.put("quantisation", q == SpinQuantisation.TWO_LEVEL ? "two-level" : "bytes");
        root.put("train_samples", trainSamples);
        root.put("test_samples", kl.samples());
        root.put("parameters", flow.parameterCount());
        root.put("epochs", flow.epochsDone());
        JsonOutput.putNumber(root, "train_seconds", trainSeconds);
        JsonOutput.putNumber(root, "seconds", seconds);
        ObjectNode k = root.putObject("kl");
        k.put("direction", "forward KL(p||P), p Boltzmann, P the flow's law on the cells; an upper bound");
        k.put("draws", kl.draws());
        k.set("code_per_spin", JsonOutput.meanError(kl.codePerSpin()));
        JsonOutput.putNumber(k, "entropy_per_spin", kl.entropyPerSpin());
        k.set("kl_per_spin", JsonOutput.meanError(kl.klPerSpin()));
        ArrayNode levels = root.putArray("levels");
        for (LatticeComparison.Level level : comparison.levels()) {
            ObjectNode o = levels.addObject();
            o.put("level", level.level());
            o.put("block_side", level.blockSide());
            o.put("blocks", level.blocks());
            ArrayNode pairs = o.putArray("pairs");
            for (LatticeComparison.Pair p : level.pairs()) {
                ObjectNode po = pairs.addObject();
                po.put("first", p.first());
                po.put("second", p.second());
                po.set("correlation", JsonOutput.meanError(p.correlation()));
                po.set("r_squared", JsonOutput.meanError(p.rSquared()));
            }
            ObjectNode kept = o.putObject("information_kept");
            for (LatticeComparison.Kept e : level.kept()) {
                kept.set(e.variable(), JsonOutput.meanError(e.information()));
            }
        }
        return root;
    }

    static void text(PrintWriter out, EnsembleMeta meta, TrainedRgFlow flow, LatticeKl kl,
                     LatticeComparison comparison) {
        out.printf(Locale.ROOT, "RG-Flow on the %d×%d Ising model at T = %.6f (%,d parameters, %d epochs)%n",
                meta.linearSize(), meta.linearSize(), meta.temperature(), flow.parameterCount(), flow.epochsDone());
        out.printf(Locale.ROOT, "  forward KL(p‖P) per spin ≤ %.5f ± %.5f  (code %.5f − exact entropy %.5f, %d held-out"
                + " configurations, %d draws each)%n", kl.klPerSpin().mean(), kl.klPerSpin().error(),
                kl.codePerSpin().mean(), kl.entropyPerSpin(), kl.samples(), kl.draws());
        for (LatticeComparison.Level level : comparison.levels()) {
            out.printf(Locale.ROOT, "  level %d (%d×%d blocks, %d of them)%n", level.level(), level.blockSide(),
                    level.blockSide(), level.blocks());
            for (LatticeComparison.Pair p : level.pairs()) {
                out.printf(Locale.ROOT, "    corr(%s, %s) = %.4f ± %.4f   R² = %.4f ± %.4f%n", p.first(), p.second(),
                        p.correlation().mean(), p.correlation().error(), p.rSquared().mean(), p.rSquared().error());
            }
            for (LatticeComparison.Kept e : level.kept()) {
                out.printf(Locale.ROOT, "    I(%s : E) = %.5f ± %.5f nats%n", e.variable(), e.information().mean(),
                        e.information().error());
            }
        }
    }
}
