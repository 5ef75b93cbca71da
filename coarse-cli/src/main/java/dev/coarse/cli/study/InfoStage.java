package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.report.HtmlReport;
import java.util.List;

/** Relevant information kept by each RG step (placeholder until dev.coarse.info is merged). */
final class InfoStage implements Stage {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String title() {
        return "Information kept per RG step";
    }

    @Override
    public ObjectNode run(StudySpec spec, StageContext context) {
        ObjectNode out = JsonOutput.object();
        out.put("available", false);
        out.put("note", "the information measures (dev.coarse.info) are not in this build");
        return out;
    }

    @Override
    public List<HtmlReport.Comparison> summary(StudySpec spec, JsonNode result) {
        return List.of();
    }

    @Override
    public void report(StudySpec spec, JsonNode result, HtmlReport report) {
        report.paragraph("Not measured: " + result.path("note").asText());
    }
}
