package dev.coarse.cli.emerge;

import dev.coarse.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code coarse emerge}: the command group. */
@Command(name = "emerge", mixinStandardHelpOptions = true,
        description = "Emergence and self-organisation: the BTW sandpile and deep networks at the edge of chaos"
                + " (docs/emergence.md).",
        subcommands = {EmergeSandpileCommand.class, EmergeDeepnetCommand.class})
public final class EmergeCommand extends CommandGroup {
}
