package dev.coarse.cli.rbm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.CommandGroup;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.ConfigurationCsv;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.SampleSource;
import dev.coarse.learn.rbm.Rbm;
import dev.coarse.learn.rbm.RbmExact;
import dev.coarse.learn.rbm.RbmFile;
import dev.coarse.learn.rbm.RbmRecipe;
import dev.coarse.learn.rbm.RbmTrainer;
import dev.coarse.learn.rbm.UnitType;
import dev.coarse.model.IsingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coarse rbm …}: restricted Boltzmann machines. {@code recipe} runs the lecture's plaquette RG recipe
 * (docs/rbm.md). {@code train} trains one RBM on a Coarse ensemble file (.h5) or a CSV file of configurations;
 * {@code stack} ({@link RbmStackCommand}) trains a deep stack on an ensemble and writes a report.
 */
@Command(name = "rbm", mixinStandardHelpOptions = true,
        description = "Restricted Boltzmann machines and the RBM renormalization group (docs/rbm.md).",
        subcommands = {RbmCommand.Recipe.class, RbmCommand.Train.class, RbmStackCommand.class})
public final class RbmCommand extends CommandGroup {

    /** How the block RBM is fitted. */
    public enum Method {
        EXACT, CD
    }

    /** {@code coarse rbm recipe}. */
    @Command(name = "recipe", mixinStandardHelpOptions = true,
            description = "The 2D Ising RG by RBM plaquettes: flow J -> J', fixed point J* and exponent nu.")
    static final class Recipe implements Callable<Integer> {

        @Option(names = "--method", defaultValue = "EXACT",
                description = "exact (exact KL minimisation) or cd (CD training on exactly sampled blocks). Default: ${DEFAULT-VALUE}.")
        Method method;

        @Option(names = "--block", defaultValue = "2",
                description = "2: corner-sharing 2x2 plaquettes (the lecture, b = sqrt 2); 3: edge-sharing 3x3 blocks (b = 2, projected). Default: ${DEFAULT-VALUE}.")
        int block;

        @Option(names = "--hidden", defaultValue = "1",
                description = "Hidden spins per block; only 1 gives a one-coupling map. Default: ${DEFAULT-VALUE}.")
        int hidden;

        @Option(names = "--seed", defaultValue = "2026", description = "Seed of the cd method. Default: ${DEFAULT-VALUE}.")
        long seed;

        @CommandLine.Mixin
        Output output;

        @Override
        public Integer call() {
            if (block != 2 && block != 3) {
                throw new UserError("--block must be 2 or 3, got " + block);
            }
            if (hidden != 1) {
                throw new UserError("--hidden " + hidden + " is not supported: with more than one hidden spin per block"
                        + " the coarse model is not a one-coupling Ising model (see docs/rbm.md)");
            }
            PrintWriter err = output.err();
            RbmRecipe.Result result;
            if (method == Method.EXACT) {
                result = RbmRecipe.exact(block);
            } else {
                err.println("coarse rbm recipe: CD training of " + RbmRecipe.CdSettings.defaults(seed).replicas()
                        + " replicas (about a minute)…");
                err.flush();
                result = RbmRecipe.contrastiveDivergence(block, RbmRecipe.CdSettings.defaults(seed));
            }
            PrintWriter out = output.out();
            RbmRecipe.FixedPoint fp = result.fixedPoint();
            if (output.json()) {
                ObjectNode root = JsonOutput.object();
                root.put("method", method.name().toLowerCase(java.util.Locale.ROOT));
                root.put("block", block);
                root.put("hidden", hidden);
                root.put("scale_factor", RbmRecipe.scaleFactor(block));
                if (method == Method.CD) {
                    root.put("seed", seed);
                }
                root.set("J_star", JsonOutput.meanError(fp.couplingStar()));
                root.set("nu", JsonOutput.meanError(fp.nu()));
                JsonOutput.putNumber(root, "w_star", fp.weightStar());
                ArrayNode flow = root.putArray("flow");
                for (double[] point : result.flow()) {
                    flow.addArray().add(point[0]).add(point[1]);
                }
                output.print(root);
            } else {
                out.printf("block %d, method %s: J* = %s, nu = %s, w* = %.6f%n", block,
                        method.name().toLowerCase(java.util.Locale.ROOT), fp.couplingStar(),
                        fp.nu(), fp.weightStar());
                out.flush();
            }
            return 0;
        }
    }

    /** {@code coarse rbm train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train one RBM on an Ising ensemble file (.h5, spins -> spin units) or a CSV file (one configuration per line, values -1/1 or 0/1).")
    static final class Train implements Callable<Integer> {

        @CommandLine.Parameters(index = "0", description = "Coarse ensemble file (.h5/.hdf5, Ising) or CSV file of configurations.")
        Path input;

        @Option(names = "--hidden", required = true, description = "Number of hidden units.")
        int hidden;

        @CommandLine.Mixin
        RbmTrainingOptions training;

        /** Defaults of {@code rbm train}: CD-1, η = 0.05, μ = 0.5, no penalties, batches of 64, 10 epochs. */
        static final RbmTrainer.Config DEFAULTS = RbmTrainer.Config.defaults(1);

        @Option(names = "--out", required = true, description = "Model file to write (JSON, docs/rbm.md).")
        Path out;

        @Option(names = "--force", description = "Overwrite an existing model file.")
        boolean force;

        @CommandLine.Mixin
        Output output;

        @Override
        public Integer call() throws IOException {
            if (hidden < 1) {
                throw new UserError("--hidden must be >= 1, got " + hidden);
            }
            if (!force && Files.exists(out)) {
                throw new java.nio.file.FileAlreadyExistsException(out.toString());
            }
            boolean hdf5 = SampleSource.isEnsemble(input);
            byte[][] data = hdf5 ? readIsingEnsemble(input).configurations() : ConfigurationCsv.read(input);
            UnitType type = hdf5 ? UnitType.SPIN : unitType(data);
            RbmTrainer.Config config = training.config(DEFAULTS);
            long seed = config.seed();
            int epochs = config.epochs();
            Rbm rbm = Rbm.randomWeights(type, data[0].length, hidden, 0.01, new SplittableRandom(seed));
            RbmTrainer.History history = new RbmTrainer(config).train(rbm, data, (epoch, error) -> training.report(
                    String.format("epoch %d/%d, reconstruction error %.4f", epoch + 1, epochs, error)));
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("source", input.toString());
            meta.put("samples", Integer.toString(data.length));
            meta.put("config", config.toString());
            RbmFile.save(out, rbm, meta, force);
            double[] recon = history.reconstructionError();
            boolean exact = Math.min(rbm.visibleCount(), rbm.hiddenCount()) <= 20;
            double logLikelihood = exact ? RbmExact.logLikelihood(rbm, data) : Double.NaN;
            PrintWriter printer = output.out();
            if (output.json()) {
                ObjectNode root = JsonOutput.object();
                root.put("model", out.toString());
                root.put("unit_type", type.name().toLowerCase(java.util.Locale.ROOT));
                root.put("visible", rbm.visibleCount());
                root.put("hidden", rbm.hiddenCount());
                root.put("samples", data.length);
                root.put("seed", seed);
                JsonOutput.putNumber(root, "reconstruction_error", recon[recon.length - 1]);
                JsonOutput.putNumber(root, "log_likelihood", logLikelihood);
                output.print(root);
            } else {
                printer.printf("wrote %s (%d visible × %d hidden, %s units); mean log-likelihood %s%n", out,
                        rbm.visibleCount(), rbm.hiddenCount(), type.name().toLowerCase(java.util.Locale.ROOT),
                        exact ? String.format("%.6f", logLikelihood) : "not computed (both layers > 20 units)");
                printer.flush();
            }
            return 0;
        }

        /** Level 0 of a Coarse ensemble file; Potts ensembles are refused (the RBMs here have binary units). */
        static Ensemble readIsingEnsemble(Path path) throws IOException {
            Ensemble ensemble = EnsembleFile.read(path);
            if (!(ensemble.model() instanceof IsingModel)) {
                throw new UserError(path + " holds a " + ensemble.meta().model() + " ensemble (q = "
                        + ensemble.meta().q() + "); RBMs here need Ising spins");
            }
            if (ensemble.size() == 0) {
                throw new UserError(path + ": no configurations");
            }
            return ensemble;
        }

        /** Spins if any value is −1, bits otherwise; mixing −1 with 0 is an error. */
        static UnitType unitType(byte[][] data) {
            boolean minus = false;
            boolean zero = false;
            for (byte[] row : data) {
                for (byte b : row) {
                    minus |= b == -1;
                    zero |= b == 0;
                }
            }
            if (minus && zero) {
                throw new UserError("the data mix -1 and 0: use -1/1 (spins) or 0/1 (bits)");
            }
            return minus ? UnitType.SPIN : UnitType.BINARY;
        }
    }
}
