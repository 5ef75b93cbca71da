package dev.coarse.learn.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.rg.RuleLearner;
import dev.coarse.study.RsmiComparison;
import dev.coarse.study.RsmiResult;
import dev.coarse.study.RsmiSettings;
import dev.coarse.study.SpecSource;
import dev.coarse.study.Stage;
import dev.coarse.study.StageContext;
import dev.coarse.study.StudyModel;

/**
 * The {@code rsmi} stage of a study: the learned RSMI filter beside the majority rule and decimation on the same
 * configurations — the information each keeps per level, the filters, each flow's couplings and exponents
 * ({@link RsmiComparison}). It lives here, not in core, because the learned rule does: core runs it through the
 * service file without knowing this module.
 */
public final class RsmiStage implements Stage<RsmiSettings, RsmiResult> {

    public static final String NAME = "rsmi";

    /** The note of a result that has no learned rule to compare. */
    static final String NO_LEARNED_RULE = "no learned rule yet: the RSMI filter of coarse-learn (dev.coarse.learn.rsmi)"
            + " is not part of this build; the fixed rules are compared alone";

    @Override
    public String name() {
        return NAME;
    }

    /** After core's five stages (0 … 4); fixes the stage's seed, so it never changes. */
    @Override
    public int order() {
        return 6;
    }

    @Override
    public Class<RsmiSettings> settingsType() {
        return RsmiSettings.class;
    }

    @Override
    public boolean needsSpins() {
        return true;
    }

    @Override
    public RsmiSettings defaults(StudyModel model) {
        return RsmiSettings.defaults(model);
    }

    @Override
    public RsmiSettings read(SpecSource section, StudyModel model) {
        return RsmiSettings.read(section, model);
    }

    @Override
    public RsmiResult run(StudyModel model, RsmiSettings settings, StageContext context) {
        return RsmiComparison.run(model, settings, context, learnedRule(settings), NO_LEARNED_RULE);
    }

    /**
     * The learned rule of the comparison — THE PLACE WHERE THE RSMI FILTER PLUGS IN: a {@link RuleLearner} that
     * trains {@code dev.coarse.learn.rsmi.RsmiFilter} on each level's configurations (or once, reused with
     * {@link RuleLearner#reusingFirst()}), with its training settings read from the stage's section. Until that filter
     * exists there is none, and the stage compares the fixed rules and says so in its result's note.
     */
    static RuleLearner learnedRule(RsmiSettings settings) {
        return null;
    }

    @Override
    public RsmiResult readResult(JsonNode json) {
        return RsmiResult.fromJson(json);
    }
}
