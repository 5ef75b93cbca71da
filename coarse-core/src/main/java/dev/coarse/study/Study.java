package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.CoarseVersion;
import dev.coarse.data.Json;
import dev.coarse.data.RunDirectory;
import dev.coarse.mc.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a study's stages in run order. In a run directory each completed stage is checkpointed atomically as
 * {@code stage-<name>.json} (with the spec hash, its wall-clock time and its result), and results.json is written
 * at the end; with {@code resume}, stages whose checkpoint has the spec's hash are read back instead of run again,
 * and a directory started with another spec is refused. A resumed study gives the same results.json as an
 * uninterrupted one.
 *
 * <pre>{@code
 * StudySpec spec = StudySpec.of("critical", 42, StudyModel.ising(2), List.of("energy", "mcrg"));
 * StudyResults results = Study.run(spec, 4);
 * McrgResult mcrg = results.result(McrgResult.class).orElseThrow();
 * }</pre>
 */
public final class Study {

    /** The spec record of a run directory: the spec hash and the canonical spec. */
    public static final String SPEC_FILE = "spec.json";

    /** A stage's progress: told (done, total) while the stage runs, closed when it ends. */
    public interface StageProgress extends Progress, AutoCloseable {
        @Override
        void close();
    }

    /** Resuming a run directory that was started with another spec. */
    public static final class SpecChangedException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SpecChangedException(String message) {
            super(message);
        }
    }

    private Study() {
    }

    /** Runs the study in memory (no files, no progress). */
    public static StudyResults run(StudySpec spec, int threads) {
        try {
            return run(spec, null, false, threads, stage -> null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // no file is read or written without a directory
        }
    }

    /**
     * Runs (or resumes) the study in a run directory and writes spec.json, the stage checkpoints and results.json.
     *
     * @param progress opens a stage's progress before it runs (may return null)
     * @throws SpecChangedException     when resuming a directory started with another spec
     * @throws IllegalArgumentException when resuming a directory that holds no spec
     */
    public static StudyResults run(StudySpec spec, RunDirectory dir, boolean resume, int threads,
                                   Function<String, ? extends StageProgress> progress) throws IOException {
        String hash = spec.hash();
        if (dir != null) {
            if (resume) {
                JsonNode old = dir.readJson(SPEC_FILE).orElseThrow(() -> new IllegalArgumentException(dir.path()
                        + " has no " + SPEC_FILE + ", so it cannot be resumed"));
                String oldHash = old.path("spec_hash").asText();
                if (!oldHash.equals(hash)) {
                    throw new SpecChangedException(dir.path() + " was started with a different spec (hash "
                            + abbreviate(oldHash) + ", now " + abbreviate(hash) + ")");
                }
            }
            ObjectNode record = Json.object();
            record.put("spec_hash", hash);
            record.set("spec", spec.toJson());
            dir.writeJson(SPEC_FILE, record);
        }
        Map<String, StageResult> results = new LinkedHashMap<>();
        Map<String, Double> elapsed = new LinkedHashMap<>();
        for (Stage<?, ?> stage : Stages.all()) {
            if (!spec.runs(stage.name())) {
                continue;
            }
            String checkpoint = checkpointName(stage.name());
            Optional<JsonNode> saved = dir != null && resume ? dir.readJson(checkpoint) : Optional.empty();
            if (saved.isPresent() && saved.get().path("spec_hash").asText().equals(hash)) {
                results.put(stage.name(), stage.readResult(saved.get().get("result")));
                elapsed.put(stage.name(), saved.get().path("elapsed_seconds").asDouble());
                continue;
            }
            long start = System.nanoTime();
            StageResult result;
            StageProgress bar = progress.apply(stage.name());
            try {
                result = runStage(stage, spec, threads, bar);
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (dir != null) {
                ObjectNode record = Json.object();
                record.put("spec_hash", hash);
                record.put("elapsed_seconds", seconds);
                record.set("result", result.toJson());
                dir.writeJson(checkpoint, record);
            }
            results.put(stage.name(), result);
            elapsed.put(stage.name(), seconds);
        }
        StudyResults out = new StudyResults(spec, CoarseVersion.get(), results, elapsed);
        if (dir != null) {
            dir.writeResults(out.toJson());
        }
        return out;
    }

    /** A study's largest memory need: the stage that holds the most at once, and its bytes. */
    public record MemoryNeed(String stage, long bytes) {
    }

    /**
     * The stage of {@code spec} that holds the most memory at once (stages run one after another), by {@link
     * Stage#estimatedBytes}: for refusing a study that cannot fit before anything runs or is written.
     */
    public static MemoryNeed memoryNeed(StudySpec spec, int threads) {
        MemoryNeed most = new MemoryNeed("", 0);
        for (Stage<?, ?> stage : Stages.all()) {
            if (spec.runs(stage.name())) {
                long bytes = estimate(stage, spec, threads);
                if (bytes > most.bytes()) {
                    most = new MemoryNeed(stage.name(), bytes);
                }
            }
        }
        return most;
    }

    private static <S extends StageSettings, R extends StageResult> long estimate(Stage<S, R> stage, StudySpec spec,
                                                                                 int threads) {
        return stage.estimatedBytes(spec.model(), spec.settings(stage), threads);
    }

    private static <S extends StageSettings, R extends StageResult> R runStage(Stage<S, R> stage, StudySpec spec,
                                                                              int threads, Progress progress) {
        return stage.run(spec.model(), spec.settings(stage), StageContext.of(spec, stage, threads, progress));
    }

    /** The checkpoint file of a stage in a run directory. */
    public static String checkpointName(String stage) {
        return "stage-" + stage + ".json";
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
