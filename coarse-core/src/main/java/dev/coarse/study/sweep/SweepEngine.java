package dev.coarse.study.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
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

    /**
     * Writes the finished tasks ({@code {"key", "spec", "result"}}) as a Parquet table in {@code dir}, if this
     * engine can (the Spark engine can; the local one keeps Spark and Hadoop off the class path, so it cannot).
     *
     * @return whether it wrote the table
     */
    default boolean writeParquet(List<ObjectNode> tasks, Path dir) {
        return false;
    }

    @Override
    default void close() {
    }
}
