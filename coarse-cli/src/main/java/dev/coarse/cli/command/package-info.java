/**
 * What every command of the {@code coarse} CLI shares: one-line user errors ({@link dev.coarse.cli.command.UserError}),
 * one JSON object on stdout ({@link dev.coarse.cli.command.JsonOutput} and the {@code --json} mixin
 * {@link dev.coarse.cli.command.Output}), progress bars on stderr ({@link dev.coarse.cli.command.ProgressReporter},
 * and the {@code --quiet} mixin {@link dev.coarse.cli.command.ProgressBars}), the {@code --seed} and {@code --threads}
 * mixins ({@link dev.coarse.cli.command.Seed}, {@link dev.coarse.cli.command.Threads}) and the base of commands that
 * only group subcommands ({@link dev.coarse.cli.command.CommandGroup}). A mixin lives here when two command families
 * declare the option with the same meaning; one family's options stay in its package. The command families (sample,
 * exact, info, rg, rbm, bench, run) depend on it; it depends on none of them, so the CLI's packages form no cycle.
 * Computes no physics.
 */
package dev.coarse.cli.command;
