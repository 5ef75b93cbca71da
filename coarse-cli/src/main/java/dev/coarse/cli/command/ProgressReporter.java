package dev.coarse.cli.command;

import dev.coarse.mc.Progress;
import dev.coarse.study.Study;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr fed by the library's {@link Progress} callbacks (a study stage's among them); silent with
 * --quiet.
 */
public final class ProgressReporter implements Study.StageProgress {

    private final ProgressBar bar;

    private ProgressReporter(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code task}, or none if {@code quiet}. */
    public static ProgressReporter create(String task, boolean quiet, PrintWriter err) {
        return create(task, quiet, err, 0, 1);
    }

    /**
     * A bar that starts at {@code done} of {@code total} (work restored from a checkpoint), so the rate and
     * the remaining time count only the work of this run.
     */
    public static ProgressReporter create(String task, boolean quiet, PrintWriter err, long done, long total) {
        if (quiet) {
            return new ProgressReporter(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(Math.max(total, 1))
                .startsFrom(done, Duration.ZERO)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
        return new ProgressReporter(bar);
    }

    @Override
    public synchronized void advance(long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        }
    }

    /** Shows {@code text} after the bar (e.g. the quantity being optimised), replacing the previous message. */
    public synchronized void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            System.err.println();
        }
    }
}
