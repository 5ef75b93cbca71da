package dev.coarse.study.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sweep's tasks somewhere: every task through {@link TaskOutcome#execute(SweepTask, int, int)}, each outcome
 * handed to the sink (from any thread, one call at a time per outcome; the sink is thread-safe). An engine never
 * throws for a failing task (that is an outcome); it throws only when it cannot run at all. Close it when done.
 */
public interface SweepEngine extends AutoCloseable {

    /** The engine's name on the command line ({@code local}, {@code spark}). */
    String name();

    /**
     * Runs the tasks and returns when every one has an outcome.
     *
     * @param threads  threads each task's study uses
     * @param attempts tries per task before its failure is its outcome
     */
    void run(List<SweepTask> tasks, int threads, int attempts, Consumer<TaskOutcome> sink);

    @Override
    default void close() {
    }
}
