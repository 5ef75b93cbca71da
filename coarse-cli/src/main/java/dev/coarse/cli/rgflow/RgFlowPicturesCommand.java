package dev.coarse.cli.rgflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.AtomicFiles;
import dev.coarse.learn.rgflow.LatentEdits;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coarse rgflow pictures}: samples, traversals of one latent per level and mixing of two held-out images by
 * level, as PNG montages in a folder.
 */
@Command(name = "pictures", mixinStandardHelpOptions = true,
        description = {"Write samples.png, traversals.png (one latent per level, a row per level, finest first) and"
                + " mixing.png (A, B, then coarse levels of A with fine levels of B, cut from 1 up).",
            "Example: ./coarse rgflow pictures msds1.rgflow.json --out pictures"})
public final class RgFlowPicturesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A model from rgflow train.")
    Path model;

    @Mixin
    ImageData data;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "Where the PNGs go (created).")
    Path out;

    @Option(names = "--samples", defaultValue = "16", description = "Samples drawn (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--temperature", defaultValue = "0.7", description = "The prior's scale for samples (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--steps", defaultValue = "7", description = "Images per traversal (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--range", defaultValue = "3", description = "A traversal spans [-range, range] (default ${DEFAULT-VALUE}).")
    double range;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        TrainedRgFlow trained = RgFlowCommand.load(model);
        ImageData.Sets sets = data.read();
        if (sets.test().count() < 2) {
            throw new UserError("mixing needs --test >= 2");
        }
        int l = trained.architecture().linearSize();
        int ch = trained.architecture().channels();
        List<float[]> drawn;
        List<List<float[]>> traversals;
        List<float[]> mixing;
        try {
            drawn = LatentEdits.samples(trained, samples, temperature, seed.value());
            traversals = LatentEdits.traversals(trained, sets.test(), 0, steps, range);
            mixing = LatentEdits.mixing(trained, sets.test(), 0, 1);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        Files.createDirectories(out);
        List<List<float[]>> sampleRows = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i += 8) {
            sampleRows.add(drawn.subList(i, Math.min(drawn.size(), i + 8)));
        }
        write(out.resolve("samples.png"), RgbMontage.png(sampleRows, ch, l, 3));
        write(out.resolve("traversals.png"), RgbMontage.png(traversals, ch, l, 3));
        write(out.resolve("mixing.png"), RgbMontage.png(List.of(mixing), ch, l, 3));
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("model", model.toString());
            root.putArray("png").add(out.resolve("samples.png").toString()).add(out.resolve("traversals.png")
                    .toString()).add(out.resolve("mixing.png").toString());
            root.put("levels", traversals.size());
            output.print(root);
        } else {
            output.out().println("wrote samples.png, traversals.png (" + traversals.size() + " levels) and mixing.png in "
                    + out);
        }
        return 0;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, true, tmp -> Files.write(tmp, bytes));
    }
}
