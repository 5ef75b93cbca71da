package dev.coarse.cli.emerge;

import dev.coarse.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code coarse emerge}: the command group. */
@Command(name = "emerge", mixinStandardHelpOptions = true,
        description = "Emergence and self-organisation: coarse-graining cellular automata, Life and 3x+1 entropies,"
                + " the BTW sandpile and deep networks at the edge of chaos (docs/emergence.md).",
        subcommands = {
            EmergeCaTableCommand.class,
            EmergeCaCommand.class,
            EmergeLifeCommand.class,
            EmergeCollatzCommand.class,
            EmergeSandpileCommand.class,
            EmergeDeepnetCommand.class,
        })
public final class EmergeCommand extends CommandGroup {
}
