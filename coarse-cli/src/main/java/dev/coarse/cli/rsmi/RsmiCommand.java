package dev.coarse.cli.rsmi;

import dev.coarse.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code coarse rsmi}: real-space mutual information coarse-graining and its flows. */
@Command(name = "rsmi",
        mixinStandardHelpOptions = true,
        description = "Real-space mutual information: learn a filter, the information a rule keeps, its iterated flow.",
        subcommands = {RsmiTrainCommand.class, RsmiFlowCommand.class})
public final class RsmiCommand extends CommandGroup {
}
