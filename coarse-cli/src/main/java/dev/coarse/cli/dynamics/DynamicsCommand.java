package dev.coarse.cli.dynamics;

import dev.coarse.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code coarse dynamics}: the command group. */
@Command(name = "dynamics", mixinStandardHelpOptions = true,
        description = "Markov chains: stationary law, entropy rate, relaxation times, and lumping states by minimum"
                + " information loss (docs/dynamics.md).",
        subcommands = {DynamicsMarkovCommand.class, DynamicsLumpCommand.class})
public final class DynamicsCommand extends CommandGroup {
}
