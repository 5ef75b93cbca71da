package dev.coarse.cli.report;

import dev.coarse.study.StageResult;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.List;

/**
 * Draws one stage's result into a study's report: its headline measured-vs-exact rows and its section of text,
 * tables and figures. It reads the result record (and the spec that produced it) and nothing else: it never
 * samples, never recomputes a result and never asks another stage.
 *
 * @param <R> the stage's result record
 */
abstract class StageRenderer<R extends StageResult> {

    private final String stage;
    private final Class<R> resultType;
    private final String title;

    /**
     * @param stage      the stage's name ({@link dev.coarse.study.Stage#name()})
     * @param resultType its result record
     * @param title      the section's heading
     */
    StageRenderer(String stage, Class<R> resultType, String title) {
        this.stage = stage;
        this.resultType = resultType;
        this.title = title;
    }

    final String stage() {
        return stage;
    }

    final String title() {
        return title;
    }

    /** The headline measured-vs-exact rows (for the summary table and the terminal). */
    abstract List<HtmlReport.Comparison> summary(StudySpec spec, R result);

    /** Adds the stage's section (text, tables, figures) to the report. */
    abstract void render(StudySpec spec, R result, HtmlReport report) throws IOException;

    /** The rows of a result known only as a {@link StageResult} of this renderer's stage. */
    final List<HtmlReport.Comparison> summaryOf(StudySpec spec, StageResult result) {
        return summary(spec, resultType.cast(result));
    }

    /** The section of a result known only as a {@link StageResult} of this renderer's stage. */
    final void renderOf(StudySpec spec, StageResult result, HtmlReport report) throws IOException {
        render(spec, resultType.cast(result), report);
    }
}
