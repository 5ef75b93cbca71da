package dev.coarse.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.learn.rbm.Rbm;
import dev.coarse.model.IsingModel;
import dev.coarse.learn.rbm.RbmExact;
import dev.coarse.learn.rbm.RbmFile;
import dev.coarse.learn.rbm.RbmRecipe;
import dev.coarse.learn.rbm.RbmTrainer;
import dev.coarse.learn.rbm.UnitType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import dev.coarse.stats.Estimate;
import java.io.PrintWriter;
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
public final class RbmCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

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

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (block != 2 && block != 3) {
                throw new UserError("--block must be 2 or 3, got " + block);
            }
            if (hidden != 1) {
                throw new UserError("--hidden " + hidden + " is not supported: with more than one hidden spin per block"
                        + " the coarse model is not a one-coupling Ising model (see docs/rbm.md)");
            }
            PrintWriter err = spec.commandLine().getErr();
            RbmRecipe.Result result;
            if (method == Method.EXACT) {
                result = RbmRecipe.exact(block);
            } else {
                err.println("coarse rbm recipe: CD training of " + RbmRecipe.CdSettings.defaults(seed).replicas()
                        + " replicas (about a minute)…");
                err.flush();
                result = RbmRecipe.contrastiveDivergence(block, RbmRecipe.CdSettings.defaults(seed));
            }
            PrintWriter out = spec.commandLine().getOut();
            RbmRecipe.FixedPoint fp = result.fixedPoint();
            if (json) {
                ObjectNode root = JsonOutput.object();
                root.put("method", method.name().toLowerCase(java.util.Locale.ROOT));
                root.put("block", block);
                root.put("hidden", hidden);
                root.put("scale_factor", RbmRecipe.scaleFactor(block));
                if (method == Method.CD) {
                    root.put("seed", seed);
                }
                root.set("J_star", meanError(fp.couplingStar()));
                root.set("nu", meanError(fp.nu()));
                JsonOutput.putNumber(root, "w_star", fp.weightStar());
                ArrayNode flow = root.putArray("flow");
                for (double[] point : result.flow()) {
                    flow.addArray().add(point[0]).add(point[1]);
                }
                JsonOutput.print(out, root);
            } else {
                out.printf("block %d, method %s: J* = %s, nu = %s, w* = %.6f%n", block,
                        method.name().toLowerCase(java.util.Locale.ROOT), fp.couplingStar(),
                        fp.nu(), fp.weightStar());
                out.flush();
            }
            return 0;
        }

        private static ObjectNode meanError(Estimate e) {
            ObjectNode n = JsonOutput.object();
            JsonOutput.putNumber(n, "mean", e.mean());
            JsonOutput.putNumber(n, "error", e.error());
            return n;
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

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Option(names = "--quiet", description = "No progress lines on stderr.")
        boolean quiet;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (hidden < 1) {
                throw new UserError("--hidden must be >= 1, got " + hidden);
            }
            if (!force && Files.exists(out)) {
                throw new java.nio.file.FileAlreadyExistsException(out.toString());
            }
            boolean hdf5 = isHdf5(input);
            byte[][] data = hdf5 ? readIsingEnsemble(input).configurations() : readCsv(input);
            UnitType type = hdf5 ? UnitType.SPIN : unitType(data);
            RbmTrainer.Config config = training.config(DEFAULTS);
            long seed = config.seed();
            int epochs = config.epochs();
            Rbm rbm = Rbm.randomWeights(type, data[0].length, hidden, 0.01, new SplittableRandom(seed));
            PrintWriter err = spec.commandLine().getErr();
            RbmTrainer.History history = new RbmTrainer(config).train(rbm, data, (epoch, error) -> {
                if (!quiet) {
                    err.printf("coarse rbm train: epoch %d/%d, reconstruction error %.4f%n", epoch + 1, epochs, error);
                    err.flush();
                }
            });
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("source", input.toString());
            meta.put("samples", Integer.toString(data.length));
            meta.put("config", config.toString());
            RbmFile.save(out, rbm, meta, force);
            double[] recon = history.reconstructionError();
            boolean exact = Math.min(rbm.visibleCount(), rbm.hiddenCount()) <= 20;
            double logLikelihood = exact ? RbmExact.logLikelihood(rbm, data) : Double.NaN;
            PrintWriter printer = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = JsonOutput.object();
                root.put("model", out.toString());
                root.put("unit_type", type.name().toLowerCase(java.util.Locale.ROOT));
                root.put("visible", rbm.visibleCount());
                root.put("hidden", rbm.hiddenCount());
                root.put("samples", data.length);
                root.put("seed", seed);
                JsonOutput.putNumber(root, "reconstruction_error", recon[recon.length - 1]);
                JsonOutput.putNumber(root, "log_likelihood", logLikelihood);
                JsonOutput.print(printer, root);
            } else {
                printer.printf("wrote %s (%d visible × %d hidden, %s units); mean log-likelihood %s%n", out,
                        rbm.visibleCount(), rbm.hiddenCount(), type.name().toLowerCase(java.util.Locale.ROOT),
                        exact ? String.format("%.6f", logLikelihood) : "not computed (both layers > 20 units)");
                printer.flush();
            }
            return 0;
        }

        /** Whether {@code path} names an HDF5 ensemble (by extension: .h5 or .hdf5). */
        static boolean isHdf5(Path path) {
            String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            return name.endsWith(".h5") || name.endsWith(".hdf5");
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

        /** Rows of comma- or whitespace-separated -1/0/1 values, all of one length; blank and '#' lines skipped. */
        static byte[][] readCsv(Path path) throws IOException {
            List<byte[]> rows = new ArrayList<>();
            int lineNumber = 0;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                lineNumber++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] fields = t.split("[,\\s]+");
                byte[] row = new byte[fields.length];
                for (int k = 0; k < fields.length; k++) {
                    switch (fields[k]) {
                        case "1", "+1" -> row[k] = 1;
                        case "0" -> row[k] = 0;
                        case "-1" -> row[k] = -1;
                        default -> throw new UserError(path + ":" + lineNumber + ": expected -1, 0 or 1, found '"
                                + fields[k] + "'");
                    }
                }
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new UserError(path + ":" + lineNumber + ": " + row.length + " values, the first row has "
                            + rows.get(0).length);
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new UserError(path + ": no configurations");
            }
            return rows.toArray(new byte[0][]);
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
