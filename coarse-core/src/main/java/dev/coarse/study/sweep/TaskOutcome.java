package dev.coarse.study.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;

/**
 * What running a task gave: its result, or the error of its last attempt.
 *
 * @param key      the task's key
 * @param result   the task's result ({@link SweepTask#run}); null when it failed
 * @param error    the last attempt's error (class and message); null when it succeeded
 * @param seconds  wall-clock seconds of all attempts
 * @param attempts attempts made, at least 1
 */
public record TaskOutcome(String key, ObjectNode result, String error, double seconds, int attempts) {

    public TaskOutcome {
        if (key == null) {
            throw new IllegalArgumentException("an outcome needs its task's key");
        }
        if ((result == null) == (error == null)) {
            throw new IllegalArgumentException("an outcome has a result or an error, not both or neither");
        }
        if (attempts < 1 || !(seconds >= 0)) {
            throw new IllegalArgumentException("attempts ≥ 1 and seconds ≥ 0, got " + attempts + ", " + seconds);
        }
    }

    public boolean succeeded() {
        return result != null;
    }

    /**
     * Runs a task up to {@code attempts} times, until one attempt returns: the function every engine applies to
     * every task, wherever it runs. A task's exception is its outcome, never thrown; an {@link Error} (out of
     * memory) is not a task's answer and propagates.
     */
    public static TaskOutcome execute(SweepTask task, int threads, int attempts) {
        long start = System.nanoTime();
        String error = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                ObjectNode result = task.run(threads);
                return new TaskOutcome(task.key(), result, null, (System.nanoTime() - start) * 1e-9, attempt);
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        return new TaskOutcome(task.key(), null, error, (System.nanoTime() - start) * 1e-9, attempts);
    }

    /** {@link #execute} on a task's JSON text, answering JSON text: what a remote worker runs. */
    public static String execute(String taskJson, int threads, int attempts) {
        return execute(SweepTask.fromJson(taskJson), threads, attempts).toJson().toString();
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("key", key);
        if (result != null) {
            n.set("result", result);
        } else {
            n.put("error", error);
        }
        n.put("seconds", seconds);
        n.put("attempts", attempts);
        return n;
    }

    public static TaskOutcome fromJson(JsonNode n) {
        JsonNode result = n.get("result");
        return new TaskOutcome(n.path("key").asText(null), result == null ? null : (ObjectNode) result,
                n.has("error") ? n.get("error").asText() : null, n.path("seconds").asDouble(),
                n.path("attempts").asInt());
    }

    /** {@link #fromJson(JsonNode)} of JSON text. */
    public static TaskOutcome fromJson(String text) {
        return fromJson(SweepTask.parse(text));
    }
}
