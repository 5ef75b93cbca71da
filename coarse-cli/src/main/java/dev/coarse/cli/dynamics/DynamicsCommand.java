package dev.coarse.cli.dynamics;

import dev.coarse.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code coarse dynamics}: the command group. */
@Command(name = "dynamics", mixinStandardHelpOptions = true,
        description = "Stochastic dynamics: Markov chains (stationary law, entropy rate, relaxation times, lumping states by"
                + " minimum information loss), reaction networks (SSA, reduced models) and Gibbs's coarse-grained entropy"
                + " (docs/dynamics.md).",
        subcommands = {DynamicsMarkovCommand.class, DynamicsLumpCommand.class, DynamicsSsaCommand.class,
                DynamicsReduceCommand.class, DynamicsGibbsCommand.class, DynamicsRefineCommand.class})
public final class DynamicsCommand extends CommandGroup {
}
