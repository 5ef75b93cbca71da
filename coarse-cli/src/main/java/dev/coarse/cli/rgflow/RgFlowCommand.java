package dev.coarse.cli.rgflow;

import dev.coarse.cli.command.CommandGroup;
import dev.coarse.cli.command.UserError;
import dev.coarse.learn.rgflow.RgFlowFile;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code coarse rgflow}: hierarchical flows trained on data. */
@Command(name = "rgflow",
        mixinStandardHelpOptions = true,
        description = "RG-Flow: the hierarchical flow trained on images by maximum likelihood; held-out bits/dim,"
                + " the flat baseline side by side, inpainting in a light cone, traversals and mixing per level.",
        subcommands = {RgFlowTrainCommand.class, RgFlowCompareCommand.class, RgFlowInpaintCommand.class,
            RgFlowPicturesCommand.class, RgFlowLatticeCommand.class})
public final class RgFlowCommand extends CommandGroup {

    /** A model file, or a one-line user error. */
    static TrainedRgFlow load(Path model) {
        try {
            return RgFlowFile.load(model);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
