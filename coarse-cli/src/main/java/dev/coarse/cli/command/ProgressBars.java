package dev.coarse.cli.command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The progress bars a command shows on stderr and the {@code --quiet} switch that turns them off (a picocli mixin). */
public final class ProgressBars {

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Whether bars are shown: no --quiet. */
    public boolean shown() {
        return !quiet;
    }

    /** A bar for {@code task}, silent with --quiet. */
    public ProgressReporter bar(String task) {
        return ProgressReporter.create(task, quiet, command.commandLine().getErr());
    }

    /** A bar that starts at {@code done} of {@code total} (work restored from a checkpoint), silent with --quiet. */
    public ProgressReporter bar(String task, long done, long total) {
        return ProgressReporter.create(task, quiet, command.commandLine().getErr(), done, total);
    }
}
