package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of stage of a study: its settings, how to read them from a spec, and how to run them into a result.
 * A stage samples and measures; it never renders (the CLI draws its results) and never calls another stage.
 *
 * <p>Stages are found with {@link java.util.ServiceLoader} ({@link Stages}): a module adds one by naming its class
 * in {@code META-INF/services/dev.coarse.study.Stage}. Core's five stages are registered that way, and so will be the
 * learned ones of coarse-learn, which core does not know. An implementation needs a public no-argument constructor.
 *
 * @param <S> the settings record
 * @param <R> the result record
 */
public interface Stage<S extends StageSettings, R extends StageResult> {

    /** The stage's key in a spec, in results.json and in its checkpoint's name ({@code stage-<name>.json}). */
    String name();

    /**
     * The stage's place in the run order, unique among stages. It also picks the stage's random stream (the seed is
     * a mix of the study's seed and the order), so an existing stage's order never changes.
     */
    int order();

    Class<S> settingsType();

    /**
     * Whether every spec records this stage's settings, even when it does not run. True only for the stages the
     * spec format began with, so that adding a stage does not change the hash of every spec.
     */
    default boolean inEverySpec() {
        return false;
    }

    /** Whether the stage needs ±1 spins ({@link StudyModel#hasSpins()}). */
    default boolean needsSpins() {
        return false;
    }

    /** The settings when a spec names none. */
    S defaults(StudyModel model);

    /**
     * Reads the stage's section of a spec, falling back to {@link #defaults}, checking each value as it is read.
     *
     * @throws InvalidSettingException naming the key (or the source's own error, which names it too)
     */
    S read(SpecSource section, StudyModel model);

    /**
     * A lower bound on the bytes the stage holds at once when it runs with these settings — the configurations it
     * keeps, mainly — so that a study that cannot fit is refused before it starts. 0 for a stage that keeps nothing
     * that grows with its settings (the default).
     */
    default long estimatedBytes(StudyModel model, S settings, int threads) {
        return 0;
    }

    /** Samples and measures. */
    R run(StudyModel model, S settings, StageContext context);

    /** A result from its JSON ({@link StageResult#toJson()}), e.g. a checkpoint's. */
    R readResult(JsonNode json);
}
