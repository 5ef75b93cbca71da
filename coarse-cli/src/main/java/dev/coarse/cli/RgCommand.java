package dev.coarse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code coarse rg}: the real-space renormalization group. Subcommands that need no ensemble files:
 * {@code recursion}, {@code hurst}, {@code sum}.
 */
@Command(name = "rg",
        mixinStandardHelpOptions = true,
        description = "Real-space renormalization group: exact recursions, scale transforms and divergent sums.",
        subcommands = {RgRecursionCommand.class, RgHurstCommand.class, RgSumCommand.class, RgBinderCommand.class,
            RgFlowCommand.class})
public final class RgCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
