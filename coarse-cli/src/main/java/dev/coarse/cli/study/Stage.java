package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.report.HtmlReport;
import java.io.IOException;
import java.util.List;

/**
 * One part of a study. {@link #run} measures and returns a JSON result (everything the report needs, so the
 * report can be rebuilt from a checkpoint); {@link #report} renders that result.
 */
public interface Stage {

    /** The stage's key in the spec and in results.json. */
    String name();

    /** A heading for the report. */
    String title();

    /** Runs the stage. */
    ObjectNode run(StudySpec spec, StageContext context) throws IOException;

    /** The headline measured-vs-exact rows of a result (for the summary table). */
    List<HtmlReport.Comparison> summary(StudySpec spec, JsonNode result);

    /** Adds the stage's section (text, tables, figures) to the report. */
    void report(StudySpec spec, JsonNode result, HtmlReport report) throws IOException;
}
