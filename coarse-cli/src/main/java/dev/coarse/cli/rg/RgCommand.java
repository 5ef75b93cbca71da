package dev.coarse.cli.rg;

import dev.coarse.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/**
 * {@code coarse rg}: the real-space renormalization group. On ensemble files: {@code coarsen}, {@code mcrg},
 * {@code couplings}; sampling their own data: {@code binder}, {@code flow}; pure computations: {@code recursion},
 * {@code hurst}, {@code sum}.
 */
@Command(name = "rg",
        mixinStandardHelpOptions = true,
        description = "Real-space renormalization group: coarse-graining, MCRG exponents, couplings, Binder crossings, "
                + "flows, exact recursions, scale transforms and divergent sums.",
        subcommands = {RgCoarsenCommand.class, RgMcrgCommand.class, RgCouplingsCommand.class, RgBinderCommand.class,
            RgFlowCommand.class, RgRecursionCommand.class, RgHurstCommand.class, RgSumCommand.class})
public final class RgCommand extends CommandGroup {
}
