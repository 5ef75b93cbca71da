package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What core's five stages share: they are in every spec (the spec format began with them), and their settings and
 * result records know their own defaults, spec reading and JSON, so a stage adds only how it runs.
 */
abstract class BuiltInStage<S extends StageSettings, R extends StageResult> implements Stage<S, R> {

    private final String name;
    private final int order;
    private final Class<S> settingsType;
    private final boolean needsSpins;
    private final Function<StudyModel, S> defaults;
    private final BiFunction<SpecSource, StudyModel, S> reader;
    private final Function<JsonNode, R> resultReader;

    BuiltInStage(String name, int order, Class<S> settingsType, boolean needsSpins, Function<StudyModel, S> defaults,
                 BiFunction<SpecSource, StudyModel, S> reader, Function<JsonNode, R> resultReader) {
        this.name = name;
        this.order = order;
        this.settingsType = settingsType;
        this.needsSpins = needsSpins;
        this.defaults = defaults;
        this.reader = reader;
        this.resultReader = resultReader;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final Class<S> settingsType() {
        return settingsType;
    }

    @Override
    public final boolean inEverySpec() {
        return true;
    }

    @Override
    public final boolean needsSpins() {
        return needsSpins;
    }

    @Override
    public final S defaults(StudyModel model) {
        return defaults.apply(model);
    }

    @Override
    public final S read(SpecSource section, StudyModel model) {
        return reader.apply(section, model);
    }

    @Override
    public final R readResult(JsonNode json) {
        return resultReader.apply(json);
    }
}
