package dev.coarse.cli.rgflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.AtomicFiles;
import dev.coarse.learn.flow.FlowArchitecture;
import dev.coarse.learn.rgflow.ImageSet;
import dev.coarse.learn.rgflow.Inpainting;
import dev.coarse.learn.rgflow.LightCone;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coarse rgflow inpaint}: corrupts a patch of a held-out image and inpaints it by resampling only the latents in
 * the patch's past light cone; prints how many latents that touches, beside the flat flow's cone of the same patch.
 */
@Command(name = "inpaint", mixinStandardHelpOptions = true,
        description = {"Corrupt a patch of a held-out image and inpaint it by resampling only the latents in its past"
                + " light cone; print the count and fraction of latents touched (and the flat flow's).",
            "Example: ./coarse rgflow inpaint msds1.rgflow.json --patch 12,12,3,3 --png inpaint.png --json"})
public final class RgFlowInpaintCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A model from rgflow train.")
    Path model;

    @Mixin
    ImageData data;

    @Option(names = "--index", defaultValue = "0", description = "Which held-out image (default ${DEFAULT-VALUE}).")
    int index;

    @Option(names = "--patch", defaultValue = "12,12,3,3", paramLabel = "TOP,LEFT,H,W",
            description = "The corrupted rectangle of pixels (default ${DEFAULT-VALUE}).")
    String patch;

    @Option(names = "--candidates", defaultValue = "64", description = "Redraws of the cone's latents; the likeliest composite wins (default ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--temperature", defaultValue = "0.7", description = "The prior's scale for the redraws (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--png", paramLabel = "FILE.png", description = "Write original | corrupted | inpainted | cone mask.")
    Path png;

    @Option(names = "--force", description = "Overwrite --png if it exists.")
    boolean force;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        TrainedRgFlow trained = RgFlowCommand.load(model);
        int[] p = parsePatch(patch);
        ImageData.Sets sets = data.read();
        if (index < 0 || index >= sets.test().count()) {
            throw new UserError("--index must be in 0 … " + (sets.test().count() - 1) + ", got " + index);
        }
        if (png != null && Files.exists(png) && !force) {
            throw new UserError(png + " exists (use --force to overwrite)");
        }
        Inpainting result;
        boolean[] flatCone;
        try {
            result = Inpainting.run(trained, sets.test(), index, p[0], p[1], p[2], p[3], candidates, temperature,
                    seed.value());
            FlowArchitecture a = trained.architecture();
            flatCone = LightCone.of(a, true, p[0], p[1], p[2], p[3]);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        int flatTouched = LightCone.count(flatCone);
        if (png != null) {
            int l = trained.architecture().linearSize();
            int ch = trained.architecture().channels();
            float[] mask = new float[result.cone().length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = result.cone()[i] ? 1 : 0;
            }
            byte[] bytes = RgbMontage.png(List.of(List.of(result.original(), result.corrupted(), result.inpainted(),
                    mask)), ch, l, 4);
            AtomicFiles.write(png, true, tmp -> Files.write(tmp, bytes));
        }
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("model", model.toString());
            root.put("flow", trained.settings().flat() ? "flat" : "hierarchical");
            root.put("index", index);
            root.putArray("patch").add(p[0]).add(p[1]).add(p[2]).add(p[3]);
            root.put("latents_touched", result.latentsTouched());
            root.put("latents_total", result.latentsTotal());
            JsonOutput.putNumber(root, "fraction_touched", result.fractionTouched());
            root.put("flat_latents_touched", flatTouched);
            JsonOutput.putNumber(root, "flat_fraction_touched", (double) flatTouched / result.latentsTotal());
            JsonOutput.putNumber(root, "patch_mse_corrupted", result.patchErrorCorrupted());
            JsonOutput.putNumber(root, "patch_mse_inpainted", result.patchErrorInpainted());
            if (png != null) {
                root.put("png", png.toString());
            }
            output.print(root);
        } else {
            output.out().printf(Locale.ROOT, "inpainting patch %dx%d at (%d, %d) of held-out image %d:%n", p[2], p[3],
                    p[0], p[1], index);
            output.out().printf(Locale.ROOT, "  %s flow: %d of %d latents resampled (%.2f %%); the flat flow's cone: %d"
                            + " (%.2f %%)%n", trained.settings().flat() ? "flat" : "hierarchical",
                    result.latentsTouched(), result.latentsTotal(), 100 * result.fractionTouched(), flatTouched,
                    100.0 * flatTouched / result.latentsTotal());
            output.out().printf(Locale.ROOT, "  patch mean squared error: corrupted %.4f, inpainted %.4f%n",
                    result.patchErrorCorrupted(), result.patchErrorInpainted());
        }
        return 0;
    }

    static int[] parsePatch(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new UserError("--patch must be TOP,LEFT,H,W, got '" + text + "'");
        }
        int[] p = new int[4];
        try {
            for (int i = 0; i < 4; i++) {
                p[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new UserError("--patch must be four integers TOP,LEFT,H,W, got '" + text + "'", e);
        }
        return p;
    }
}
