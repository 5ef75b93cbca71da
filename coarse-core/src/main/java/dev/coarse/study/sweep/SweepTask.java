package dev.coarse.study.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.CoarseVersion;
import dev.coarse.data.Json;
import dev.coarse.study.Study;
import dev.coarse.study.StudyResults;
import dev.coarse.study.StudySpec;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One point of a sweep: a whole study, run by {@link #run}, a pure function of the task's spec (the study's
 * canonical JSON, {@link StudySpec#toJson()}, which carries its seed). The key is the SHA-256 of the code version
 * and that JSON, so a finished task is recognised on a rerun and a new version of Coarse runs everything again.
 *
 * <p>A task travels as JSON text ({@link #toJson()}, {@link #fromJson}): that is all an engine ships to a worker.
 *
 * @param key   SHA-256 (hex) of {@link CoarseVersion#get()}, a newline and {@code study}'s compact JSON
 * @param point the grid point (model, L, T, seed, stages), for tables and plots
 * @param study the study's canonical JSON
 */
public record SweepTask(String key, ObjectNode point, ObjectNode study) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public SweepTask {
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a task key is 64 hex digits, got " + key);
        }
        if (point == null || study == null) {
            throw new IllegalArgumentException("a task needs its point and its study");
        }
        point = point.deepCopy();
        study = study.deepCopy();
    }

    /** The task of a study at a grid point (its key computed from the study). */
    public static SweepTask of(ObjectNode point, StudySpec spec) {
        ObjectNode study = spec.toJson();
        return new SweepTask(keyOf(study), point, study);
    }

    /** The key of a study's canonical JSON under the running code version. */
    static String keyOf(ObjectNode study) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((CoarseVersion.get() + "\n" + study).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ObjectNode point() {
        return point.deepCopy();
    }

    @Override
    public ObjectNode study() {
        return study.deepCopy();
    }

    /** {@code {"point", "study"}}: the task's spec as a sweep's output shows it. */
    public ObjectNode spec() {
        ObjectNode n = Json.object();
        n.set("point", point.deepCopy());
        n.set("study", study.deepCopy());
        return n;
    }

    /**
     * Runs the study with {@code threads} worker threads (results do not depend on them) and returns its results
     * JSON less the parts that are not a function of the spec (wall-clock times) or repeat it (the spec).
     *
     * @throws IllegalStateException when the study read back from the JSON is not the one keyed (another version of
     *                               Coarse on the worker than on the driver)
     */
    public ObjectNode run(int threads) {
        StudySpec spec = TreeSpecSource.read(study.deepCopy());
        if (!keyOf(spec.toJson()).equals(key)) {
            throw new IllegalStateException("task " + key.substring(0, 12) + " reads back as another study "
                    + "(is the worker running Coarse " + CoarseVersion.get() + " like the driver?)");
        }
        StudyResults results = Study.run(spec, threads);
        ObjectNode out = results.toJson();
        out.remove("elapsed_seconds");
        out.remove("spec");
        return out;
    }

    /** The task as JSON text: {@code {"key", "point", "study"}}. */
    public String toJson() {
        ObjectNode n = Json.object();
        n.put("key", key);
        n.set("point", point);
        n.set("study", study);
        return n.toString();
    }

    /** The task of {@link #toJson()}'s text. */
    public static SweepTask fromJson(String text) {
        JsonNode n = parse(text);
        return new SweepTask(n.path("key").asText(null), (ObjectNode) n.get("point"), (ObjectNode) n.get("study"));
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
