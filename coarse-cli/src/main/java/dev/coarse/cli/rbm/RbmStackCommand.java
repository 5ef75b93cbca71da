package dev.coarse.cli.rbm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.FieldImages;
import dev.coarse.cli.report.HtmlReport;
import dev.coarse.data.AtomicFiles;
import dev.coarse.data.Ensemble;
import dev.coarse.data.SampleSource;
import dev.coarse.data.RunDirectory;
import dev.coarse.learn.rbm.RbmFile;
import dev.coarse.learn.rbm.RbmStack;
import dev.coarse.learn.rbm.RbmTrainer;
import dev.coarse.learn.rbm.StackComparison;
import dev.coarse.learn.rbm.UnitType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coarse rbm stack FILE.h5 --layers 400,100,25 --out DIR}: a deep RBM stack after Mehta &amp; Schwab
 * (2014) trained greedily on a 2D Ising ensemble; writes one model file per layer, receptive-field PNGs, the
 * correlation-length comparison with majority-rule block spins ({@link StackComparison}), results.json and a
 * self-contained report.html (docs/rbm.md).
 */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Train a deep RBM stack on a 2D Ising ensemble (.h5); write models, receptive fields and a report.")
final class RbmStackCommand implements Callable<Integer> {

    /** Receptive fields shown per layer (the units with the largest field norm). */
    static final int FIELDS_PER_LAYER = 16;
    /** Tiles per row of a receptive-field montage. */
    static final int MONTAGE_COLUMNS = 4;
    /** Standard deviation of the initial weights. */
    static final double INIT_SCALE = 0.01;

    @CommandLine.Parameters(index = "0", description = "Coarse ensemble file (.h5) of a 2D Ising model.")
    Path input;

    @Option(names = "--layers", defaultValue = "400,100,25", split = ",",
            description = "Hidden units per layer, comma-separated. Default: ${DEFAULT-VALUE}.")
    int[] layers;

    @CommandLine.Mixin
    RbmTrainingOptions training;

    /** Defaults of {@code rbm stack}: CD-1, η = 0.01, μ = 0.5, L1 = 0.001, batches of 50, 5 epochs per layer. */
    static final RbmTrainer.Config DEFAULTS = new RbmTrainer.Config(1, false, 0.01, 0.5, 0, 0.001, 50, 5, 1, 1, true);

    @Option(names = "--out", required = true, description = "Output directory (created; must be empty unless --force).")
    Path out;

    @Option(names = "--force", description = "Reuse a non-empty output directory, overwriting its files.")
    boolean force;

    @CommandLine.Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        for (int size : layers) {
            if (size < 1) {
                throw new UserError("--layers must be positive sizes, got " + Arrays.toString(layers));
            }
        }
        if (!SampleSource.isEnsemble(input)) {
            throw new UserError("rbm stack needs a Coarse ensemble file (.h5), got " + input);
        }
        if (!force && Files.isDirectory(out) && Files.list(out).findAny().isPresent()) {
            throw new java.nio.file.FileAlreadyExistsException(out.toString());
        }
        RbmTrainer.Config config = training.config(DEFAULTS);
        int epochs = config.epochs();
        Ensemble ensemble = RbmCommand.Train.readIsingEnsemble(input);
        if (ensemble.lattice().dimension() != 2) {
            throw new UserError(input + " is a " + ensemble.lattice().dimension()
                    + "D ensemble; rbm stack draws L x L receptive fields and needs 2D");
        }
        int linear = ensemble.lattice().linearSize();
        int visible = ensemble.lattice().siteCount();
        String shape = visible + "-" + String.join("-", Arrays.stream(layers).mapToObj(Integer::toString).toList());
        training.report("training " + shape + " on " + ensemble.size() + " configurations of " + input);
        long start = System.nanoTime();
        double[][] history = new double[layers.length][epochs];
        RbmStack stack = RbmStack.train(ensemble.configurations(), UnitType.SPIN, layers, config, INIT_SCALE,
                (layer, epoch, error) -> {
                    history[layer][epoch] = error;
                    training.report(String.format(Locale.ROOT, "layer %d/%d, epoch %d/%d: reconstruction error %.4f",
                            layer + 1, layers.length, epoch + 1, epochs, error));
                });
        training.report(String.format(Locale.ROOT, "trained in %.1f s; comparing correlation lengths",
                (System.nanoTime() - start) / 1e9));
        List<StackComparison.Row> rows = StackComparison.compare(ensemble.configurations(), ensemble.lattice(),
                ensemble.meta().chains(), stack, config.seed());

        RunDirectory run = RunDirectory.create(out.toAbsolutePath().getParent(), out.getFileName().toString(),
                "rbm-stack", force);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", input.toString());
        meta.put("samples", Integer.toString(ensemble.size()));
        meta.put("stack", shape);
        meta.put("config", config.toString());
        List<String> modelFiles = new ArrayList<>();
        List<String> imageFiles = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        int zoom = Math.max(1, 120 / linear);
        for (int k = 0; k < layers.length; k++) {
            meta.put("layer", Integer.toString(k + 1));
            String model = "layer" + (k + 1) + ".json";
            RbmFile.save(run.resolve(model), stack.layers().get(k), meta, force);
            modelFiles.add(model);
            byte[] png = FieldImages.montagePng(stack.strongestReceptiveFields(k, FIELDS_PER_LAYER), linear, MONTAGE_COLUMNS, zoom);
            String image = "receptive-fields-layer" + (k + 1) + ".png";
            AtomicFiles.write(run.resolve(image), force, tmp -> Files.write(tmp, png));
            imageFiles.add(image);
            images.add(png);
        }
        ObjectNode results = results(shape, ensemble, config, history, rows, modelFiles, imageFiles);
        run.writeResults(results);
        run.writeReport(report(shape, ensemble, config, rows, images).toHtml());
        training.report("wrote " + run.path());
        PrintWriter printer = output.out();
        if (output.json()) {
            output.print(results);
        } else {
            printer.printf("wrote %s: %d layer models, receptive fields, report.html%n", run.path(), layers.length);
            for (StackComparison.Row r : rows) {
                printer.printf(Locale.ROOT, "%-12s L = %-3d xi = %s  xi/L = %.3f%n", r.name(), r.linearSize(),
                        HtmlReport.formatWithError(r.correlationLength().mean(), r.correlationLength().error()),
                        r.xiOverL());
            }
            printer.flush();
        }
        return 0;
    }

    private ObjectNode results(String shape, Ensemble ensemble, RbmTrainer.Config config, double[][] history,
            List<StackComparison.Row> rows, List<String> modelFiles, List<String> imageFiles) {
        ObjectNode root = JsonOutput.object();
        root.put("out", out.toString());
        root.put("source", input.toString());
        root.put("stack", shape);
        root.put("samples", ensemble.size());
        root.put("L", ensemble.lattice().linearSize());
        JsonOutput.putNumber(root, "T", ensemble.meta().temperature());
        root.put("seed", config.seed());
        root.put("epochs", config.epochs());
        JsonOutput.putNumber(root, "lr", config.learningRate());
        JsonOutput.putNumber(root, "l1", config.l1());
        root.put("cd", config.cdSteps());
        root.put("pcd", config.persistent());
        ArrayNode recon = root.putArray("reconstruction_error");
        for (double[] h : history) {
            recon.add(h[h.length - 1]);
        }
        ArrayNode comparison = root.putArray("comparison");
        for (StackComparison.Row r : rows) {
            ObjectNode n = comparison.addObject();
            n.put("name", r.name());
            n.put("L", r.linearSize());
            n.put("scale", r.scale());
            n.set("xi", JsonOutput.estimate(r.correlationLength()));
            JsonOutput.putNumber(n, "xi_over_L", r.xiOverL());
            JsonOutput.putNumber(n, "abs_magnetization", r.absMagnetization());
        }
        ArrayNode models = root.putArray("models");
        modelFiles.forEach(models::add);
        ArrayNode figures = root.putArray("receptive_fields");
        imageFiles.forEach(figures::add);
        return root;
    }

    private HtmlReport report(String shape, Ensemble ensemble, RbmTrainer.Config c, List<StackComparison.Row> rows,
            List<byte[]> images) {
        HtmlReport report = new HtmlReport("Deep RBM stack " + shape + " (Mehta & Schwab)");
        report.paragraph(String.format(Locale.ROOT,
                "Trained greedily, layer by layer, on %d configurations of %s (L = %d, T = %s): %sCD-%d, %d epochs "
                        + "per layer, learning rate %s, momentum %s, L1 %s, L2 %s, batches of %d, seed %d, spin (±1) "
                        + "units.", ensemble.size(), input, ensemble.lattice().linearSize(),
                ensemble.meta().temperature(), c.persistent() ? "persistent " : "", c.cdSteps(), c.epochs(),
                c.learningRate(), c.momentum(), c.l1(), c.weightDecay(), c.batchSize(), c.seed()));
        report.heading("Correlation length: RBM reconstructions vs block spins");
        report.paragraph("ξ is the second-moment correlation length. majority-bN: the data coarse-grained by the "
                + "2×2 majority rule (random tie-break) n times, on an (L/N)×(L/N) torus, ξ in coarse lattice units. "
                + "rbm-depthK: each configuration propagated up to layer K by sampling p(h|v) and back down by "
                + "sampling p(v|h), on the original lattice. At a critical point an RG map leaves ξ/L unchanged.");
        List<List<String>> cells = new ArrayList<>();
        for (StackComparison.Row r : rows) {
            cells.add(List.of(r.name(), Integer.toString(r.linearSize()), Integer.toString(r.scale()),
                    HtmlReport.formatWithError(r.correlationLength().mean(), r.correlationLength().error()),
                    HtmlReport.formatNumber(r.xiOverL(), 3), HtmlReport.formatNumber(r.absMagnetization(), 3)));
        }
        report.table("correlation lengths", List.of("configurations", "L", "spacing", "ξ", "ξ/L", "⟨|m|⟩"), cells);
        report.heading("Receptive fields");
        report.paragraph("For each layer, the " + FIELDS_PER_LAYER + " units with the largest receptive-field norm "
                + "(strongest first): for layer k the column of W¹W²…Wᵏ, one value per visible site, drawn as an L×L "
                + "image; blue negative, white zero, red positive, each tile scaled to its own largest |value|.");
        for (int k = 0; k < images.size(); k++) {
            report.figurePng("layer " + (k + 1) + " (" + layers[k] + " hidden units)", images.get(k));
        }
        report.preformatted("./coarse rbm stack " + input + " --layers "
                + String.join(",", Arrays.stream(layers).mapToObj(Integer::toString).toList()) + " --epochs "
                + c.epochs() + " --lr " + c.learningRate() + " --momentum " + c.momentum() + " --l1 " + c.l1()
                + " --l2 " + c.weightDecay() + " --cd " + c.cdSteps() + (c.persistent() ? " --pcd" : "")
                + " --batch " + c.batchSize() + " --seed " + c.seed() + " --out " + out);
        return report;
    }
}
