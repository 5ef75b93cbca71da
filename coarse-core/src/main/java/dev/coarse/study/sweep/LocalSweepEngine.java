package dev.coarse.study.sweep;

import dev.coarse.mc.TaskPool;
import java.util.List;
import java.util.function.Consumer;

/** The default engine: tasks on a {@link TaskPool} of this JVM, {@code parallel} at a time. */
public final class LocalSweepEngine implements SweepEngine {

    /** The engine's name. */
    public static final String NAME = "local";

    private final int parallel;

    public LocalSweepEngine(int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel tasks must be at least 1, got " + parallel);
        }
        this.parallel = parallel;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(List<SweepTask> tasks, int threads, int attempts, Consumer<TaskOutcome> sink) {
        TaskPool.run("sweep", tasks.size(), parallel,
                i -> sink.accept(TaskOutcome.execute(tasks.get(i), threads, attempts)));
    }

    /** Registers the local engine for {@link java.util.ServiceLoader}. */
    public static final class Provider implements SweepEngineProvider {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public SweepEngine open(String master, int parallel) {
            if (master != null) {
                throw new IllegalArgumentException("the local engine takes no master (got '" + master
                        + "'); --master is for --engine spark");
            }
            return new LocalSweepEngine(parallel);
        }
    }
}
