package dev.coarse.cli;

import dev.coarse.mc.Progress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr fed by the library's {@link Progress} callbacks; silent with --quiet. */
final class ProgressReporter implements Progress, AutoCloseable {

    private final ProgressBar bar;

    private ProgressReporter(ProgressBar bar) {
        this.bar = bar;
    }

    static ProgressReporter create(String task, boolean quiet, PrintWriter err) {
        if (quiet) {
            return new ProgressReporter(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(1)
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

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            System.err.println();
        }
    }
}
