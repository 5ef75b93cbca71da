package dev.coarse.cli.command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code coarse}, {@code coarse rg}, {@code coarse info}, …): given no
 * subcommand, it prints its usage on stdout and succeeds.
 */
public abstract class CommandGroup implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
