package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.UserError;
import dev.coarse.cli.report.HtmlReport;
import dev.coarse.data.AtomicFiles;
import dev.coarse.data.CoarseVersion;
import dev.coarse.data.RunDirectory;
import dev.coarse.mc.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a study's stages in order inside a run directory, checkpointing each completed stage atomically as
 * {@code stage-<name>.json} (with the spec hash), then writes results.json and report.html. With
 * {@code resume}, stages whose checkpoint exists are not rerun, and a directory started with a different spec
 * is refused.
 */
public final class Study {

    /** The spec record of a run directory. */
    public static final String SPEC_FILE = "spec.json";

    /** A stage's progress bar. */
    public interface Bar extends Progress, AutoCloseable {
        @Override
        void close();
    }

    private static final List<Stage> STAGES = List.of(new EnergyStage(), new BinderStage(), new McrgStage(),
            new FlowStage(), new InfoStage());

    private Study() {
    }

    /** Every stage, in run order. */
    public static List<Stage> stages() {
        return STAGES;
    }

    /** The stage of a given name. */
    public static Stage stage(String name) {
        return STAGES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + name + "'"));
    }

    /**
     * Runs (or resumes) the study.
     *
     * @param bars opens a progress bar for a task name (may return a no-op bar)
     * @return results.json's content
     */
    public static ObjectNode run(StudySpec spec, RunDirectory dir, boolean resume, int threads,
                                 Function<String, Bar> bars) throws IOException {
        String hash = spec.hash();
        Path specFile = dir.resolve(SPEC_FILE);
        if (resume) {
            if (!Files.exists(specFile)) {
                throw new UserError(dir.path() + " has no " + SPEC_FILE + ", so it cannot be resumed");
            }
            String old = JsonOutput.MAPPER.readTree(specFile.toFile()).path("spec_hash").asText();
            if (!old.equals(hash)) {
                throw new UserError(dir.path() + " was started with a different spec (hash " + abbreviate(old)
                        + ", now " + abbreviate(hash) + "); start a new run or use --force");
            }
        }
        ObjectNode specRecord = JsonOutput.object();
        specRecord.put("spec_hash", hash);
        specRecord.set("spec", spec.toJson());
        AtomicFiles.writeString(specFile, true, JsonOutput.MAPPER.writeValueAsString(specRecord) + "\n");

        ObjectNode results = JsonOutput.object();
        results.put("study", spec.name());
        results.put("model", spec.model());
        results.put("seed", spec.seed());
        results.put("spec_hash", hash);
        results.put("coarse_version", CoarseVersion.get());
        results.set("spec", spec.toJson());
        ObjectNode stageResults = results.putObject("stages");
        ObjectNode timing = JsonOutput.object();
        for (Stage stage : STAGES) {
            if (!spec.stages().contains(stage.name())) {
                continue;
            }
            Path checkpoint = dir.resolve("stage-" + stage.name() + ".json");
            JsonNode saved = resume && Files.exists(checkpoint) ? JsonOutput.MAPPER.readTree(checkpoint.toFile()) : null;
            if (saved != null && saved.path("spec_hash").asText().equals(hash)) {
                stageResults.set(stage.name(), saved.get("result"));
                timing.set(stage.name(), saved.get("elapsed_seconds"));
                continue;
            }
            long start = System.nanoTime();
            ObjectNode result;
            try (Bar bar = bars.apply(stage.name())) {
                int index = StudySpec.STAGES.indexOf(stage.name());
                result = stage.run(spec, new StageContext(StageContext.mix(spec.seed() * 31 + index), threads, bar));
            }
            double elapsed = (System.nanoTime() - start) * 1e-9;
            ObjectNode record = JsonOutput.object();
            record.put("spec_hash", hash);
            record.put("elapsed_seconds", elapsed);
            record.set("result", result);
            AtomicFiles.writeString(checkpoint, true, JsonOutput.MAPPER.writeValueAsString(record) + "\n");
            stageResults.set(stage.name(), result);
            timing.put(stage.name(), elapsed);
        }
        results.set("elapsed_seconds", timing);
        dir.writeResults(results);
        dir.writeReport(report(spec, results).toHtml());
        return results;
    }

    /** The HTML report of a finished study's results. */
    public static HtmlReport report(StudySpec spec, JsonNode results) throws IOException {
        HtmlReport report = new HtmlReport("Coarse study '" + spec.name() + "' — " + modelTitle(spec));
        report.paragraph("Model " + modelTitle(spec) + " with J = 1 and k_B = 1 (temperatures T in units of J/k_B), "
                + "periodic boundaries; seed " + spec.seed() + ". Every number has a statistical error (one standard "
                + "deviation); the deviation column gives (measured − exact)/error. Stages run: "
                + String.join(", ", spec.stages()) + ".");
        List<HtmlReport.Comparison> summary = new ArrayList<>();
        JsonNode stageResults = results.path("stages");
        for (Stage stage : STAGES) {
            if (stageResults.has(stage.name())) {
                summary.addAll(stage.summary(spec, stageResults.get(stage.name())));
            }
        }
        if (!summary.isEmpty()) {
            report.comparisons("Summary: measured vs exact (or best known) values", summary);
        }
        for (Stage stage : STAGES) {
            if (stageResults.has(stage.name())) {
                report.heading(stage.title());
                stage.report(spec, stageResults.get(stage.name()), report);
            }
        }
        report.heading("Reproducing this run");
        List<List<String>> rows = new ArrayList<>();
        results.path("elapsed_seconds").fields().forEachRemaining(e -> rows.add(
                List.of(e.getKey(), String.format(java.util.Locale.ROOT, "%.1f s", e.getValue().asDouble()))));
        if (!rows.isEmpty()) {
            report.table("Wall-clock time per stage", List.of("stage", "time"), rows);
        }
        report.paragraph("The complete spec with every default filled in (SHA-256 " + abbreviate(spec.hash())
                + "; coarse " + results.path("coarse_version").asText() + "). Save it as YAML — JSON is valid YAML — "
                + "and run ./coarse run SPEC.yaml to repeat the study.");
        report.preformatted(JsonOutput.MAPPER.writeValueAsString(spec.toJson()));
        return report;
    }

    static String modelTitle(StudySpec spec) {
        return switch (spec.model()) {
            case "ising2d" -> "2D Ising (square lattice)";
            case "ising3d" -> "3D Ising (simple cubic lattice)";
            default -> "2D " + spec.q() + "-state Potts (square lattice)";
        };
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
