package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.report.HtmlReport;
import java.util.List;

/** The coupling flow K → K' and its fixed point (placeholder until dev.coarse.rg.FlowDiagram is merged). */
final class FlowStage implements Stage {

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public String title() {
        return "Coupling flow K → K′, fixed point and ν";
    }

    @Override
    public ObjectNode run(StudySpec spec, StageContext context) {
        ObjectNode out = JsonOutput.object();
        out.put("available", false);
        out.put("note", "the flow diagram (dev.coarse.rg.FlowDiagram) is not in this build");
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
