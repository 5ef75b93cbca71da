package dev.coarse.cli.flow;

import dev.coarse.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code coarse flow}: hierarchical normalizing flows trained on the energy. */
@Command(name = "flow",
        mixinStandardHelpOptions = true,
        description = "Neural RG: a MERA-shaped flow trained on the energy; bound on ln Z, exact sampling, latent geometry.",
        subcommands = {FlowTrainCommand.class, FlowSampleCommand.class, FlowGeometryCommand.class})
public final class FlowCommand extends CommandGroup {
}
