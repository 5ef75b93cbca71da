package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a study measured: the result of every stage that ran, with the wall-clock time each took. {@link #toJson()}
 * is results.json.
 *
 * @param spec           the study
 * @param coarseVersion  the version of Coarse that wrote the results
 * @param stages         results by stage name, in run order
 * @param elapsedSeconds wall-clock seconds by stage name (a resumed stage keeps the time of the run that did it)
 */
public record StudyResults(StudySpec spec, String coarseVersion, Map<String, StageResult> stages,
                           Map<String, Double> elapsedSeconds) {

    public StudyResults {
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        elapsedSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(elapsedSeconds));
    }

    /** The result of the stage whose result record is {@code type}, if it ran. */
    public <R extends StageResult> Optional<R> result(Class<R> type) {
        return stages.values().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * results.json: study, model, seed, spec_hash, coarse_version, the canonical spec, the stages' results and
     * elapsed_seconds.
     */
    public ObjectNode toJson() {
        ObjectNode results = Json.object();
        results.put("study", spec.name());
        results.put("model", spec.model().id());
        results.put("seed", spec.seed());
        results.put("spec_hash", spec.hash());
        results.put("coarse_version", coarseVersion);
        results.set("spec", spec.toJson());
        ObjectNode stageResults = results.putObject("stages");
        stages.forEach((name, result) -> stageResults.set(name, result.toJson()));
        ObjectNode timing = results.putObject("elapsed_seconds");
        elapsedSeconds.forEach(timing::put);
        return results;
    }
}
