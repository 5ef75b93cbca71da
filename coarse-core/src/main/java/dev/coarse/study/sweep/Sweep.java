package dev.coarse.study.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.CoarseVersion;
import dev.coarse.data.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Runs a sweep's tasks: those already in the {@link TaskStore} are read back, the rest go to the engine and are
 * stored as they finish; a failed task is not stored, so the next run tries it again. The outcome lists every task
 * in grid order.
 */
public final class Sweep {

    private Sweep() {
    }

    /**
     * What a sweep gave.
     *
     * @param name     the sweep's name
     * @param engine   the engine that ran the pending tasks
     * @param tasks    the finished tasks in grid order: {@code {"key", "spec", "result"}}
     * @param failed   the failed tasks: {@code {"key", "spec", "error"}}
     * @param ran      tasks run now (finished or failed)
     * @param skipped  tasks found finished in the store
     * @param seconds  wall-clock seconds of the tasks run now, summed
     */
    public record Outcome(String name, String engine, List<ObjectNode> tasks, List<ObjectNode> failed, int ran,
                          int skipped, double seconds) {

        public Outcome {
            tasks = List.copyOf(tasks);
            failed = List.copyOf(failed);
        }

        /** {@code {"sweep", "engine", "coarse_version", "ran", "skipped", "tasks": [...], "failed": [...]}}. */
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("sweep", name);
            n.put("engine", engine);
            n.put("coarse_version", CoarseVersion.get());
            n.put("ran", ran);
            n.put("skipped", skipped);
            n.put("task_seconds", seconds);
            ArrayNode t = n.putArray("tasks");
            tasks.forEach(task -> t.add(task.deepCopy()));
            ArrayNode f = n.putArray("failed");
            failed.forEach(task -> f.add(task.deepCopy()));
            return n;
        }
    }

    /**
     * Runs the tasks not in the store.
     *
     * @param threads  threads per task's study
     * @param progress told each task's outcome as it arrives (may be null)
     */
    public static Outcome run(SweepSpec spec, List<SweepTask> tasks, TaskStore store, SweepEngine engine,
                              int threads, Consumer<TaskOutcome> progress) {
        Map<String, ObjectNode> done = new HashMap<>();
        Map<String, SweepTask> byKey = new LinkedHashMap<>(); // the pending tasks, each key once
        int skipped = 0;
        for (SweepTask task : tasks) {
            Optional<ObjectNode> stored = store.load(task.key());
            if (stored.isPresent()) {
                done.put(task.key(), stored.get());
                skipped++;
            } else {
                byKey.putIfAbsent(task.key(), task);
            }
        }
        List<SweepTask> pending = List.copyOf(byKey.values());
        Map<String, TaskOutcome> failures = new HashMap<>();
        double[] seconds = {0};
        engine.run(pending, threads, spec.attempts(), outcome -> {
            synchronized (done) {
                seconds[0] += outcome.seconds();
                if (outcome.succeeded()) {
                    ObjectNode record = record(byKey.get(outcome.key()), outcome.result());
                    record.put("seconds", outcome.seconds());
                    record.put("attempts", outcome.attempts());
                    record.put("engine", engine.name());
                    try {
                        store.save(record);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    done.put(outcome.key(), record);
                } else {
                    failures.put(outcome.key(), outcome);
                }
                if (progress != null) {
                    progress.accept(outcome);
                }
            }
        });
        List<ObjectNode> finished = new ArrayList<>();
        List<ObjectNode> failed = new ArrayList<>();
        for (SweepTask task : tasks) {
            ObjectNode record = done.get(task.key());
            if (record != null) {
                finished.add(record(task, (ObjectNode) record.get("result")));
            } else if (failures.containsKey(task.key())) {
                ObjectNode f = Json.object();
                f.put("key", task.key());
                f.set("spec", task.spec());
                f.put("error", failures.get(task.key()).error());
                failed.add(f);
            }
        }
        return new Outcome(spec.name(), engine.name(), finished, failed, pending.size(), skipped, seconds[0]);
    }

    private static ObjectNode record(SweepTask task, ObjectNode result) {
        ObjectNode n = Json.object();
        n.put("key", task.key());
        n.set("spec", task.spec());
        n.set("result", result);
        return n;
    }

    /** The names of the engines found through {@link SweepEngineProvider}s with the given class loader. */
    public static List<String> engines(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(SweepEngineProvider.class, loader).forEach(p -> names.add(p.name()));
        return names;
    }

    /** The provider of the named engine, looked up with the given class loader. */
    public static Optional<SweepEngineProvider> engine(String name, ClassLoader loader) {
        for (SweepEngineProvider p : ServiceLoader.load(SweepEngineProvider.class, loader)) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
