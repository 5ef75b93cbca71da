package dev.coarse.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.report.HtmlReport;
import dev.coarse.cli.report.Plots;
import dev.coarse.study.sweep.Sweep;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report of a sweep: a table of every task (its grid point and what it measured) and, for the tasks that ran
 * the energy stage, the energy per site and specific heat against T, one series per model, L and seed, with the
 * exact curve's values where the stage gives them (2D Ising).
 */
final class SweepReport {

    private SweepReport() {
    }

    static HtmlReport render(Sweep.Outcome outcome) throws IOException {
        HtmlReport report = new HtmlReport("Sweep " + outcome.name());
        report.paragraph(outcome.tasks().size() + " tasks finished (" + outcome.ran() + " run now on the "
                + outcome.engine() + " engine, " + outcome.skipped() + " found done), " + outcome.failed().size()
                + " failed.");
        List<List<String>> rows = new ArrayList<>();
        for (ObjectNode t : outcome.tasks()) {
            JsonNode p = t.path("spec").path("point");
            rows.add(List.of(t.get("key").asText().substring(0, 12), p.path("model").asText(),
                    p.has("L") ? p.get("L").asText() : "", p.has("T") ? p.get("T").asText() : "",
                    p.path("seed").asText(), String.join(", ", names(p.path("stages")))));
        }
        for (ObjectNode t : outcome.failed()) {
            JsonNode p = t.path("spec").path("point");
            rows.add(List.of(t.get("key").asText().substring(0, 12), p.path("model").asText(),
                    p.path("L").asText(""), p.path("T").asText(""), p.path("seed").asText(),
                    "FAILED: " + t.path("error").asText()));
        }
        report.table("Tasks (key: SHA-256 of the study and the code version)",
                List.of("key", "model", "L", "T", "seed", "stages"), rows);
        energyPlots(report, outcome);
        return report;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Energy per site and specific heat against T, one series per (model, L, seed). */
    private static void energyPlots(HtmlReport report, Sweep.Outcome outcome) throws IOException {
        Map<String, List<double[]>> energy = new TreeMap<>();
        Map<String, List<double[]>> heat = new TreeMap<>();
        for (ObjectNode t : outcome.tasks()) {
            JsonNode points = t.path("result").path("stages").path("energy").path("points");
            JsonNode p = t.path("spec").path("point");
            for (JsonNode point : points) {
                String series = String.format(Locale.ROOT, "%s L=%d seed %d", p.path("model").asText(),
                        point.path("L").asInt(), p.path("seed").asLong());
                double temperature = point.path("T").asDouble();
                energy.computeIfAbsent(series, k -> new ArrayList<>()).add(new double[] {temperature,
                        point.path("energy_per_site").path("mean").asDouble(),
                        point.path("energy_per_site").path("error").asDouble()});
                heat.computeIfAbsent(series, k -> new ArrayList<>()).add(new double[] {temperature,
                        point.path("specific_heat").path("mean").asDouble(),
                        point.path("specific_heat").path("error").asDouble()});
            }
        }
        if (!energy.isEmpty()) {
            report.figure("Energy per site against T over the grid", chart("Energy per site", "e", energy));
            report.figure("Specific heat per site against T over the grid", chart("Specific heat", "c", heat));
        }
    }

    private static org.knowm.xchart.XYChart chart(String title, String y, Map<String, List<double[]>> series) {
        Plots.Builder b = Plots.xy(title, "T", y);
        series.forEach((name, points) -> {
            points.sort((a, c) -> Double.compare(a[0], c[0]));
            b.lineWithErrors(name, points.stream().mapToDouble(v -> v[0]).toArray(),
                    points.stream().mapToDouble(v -> v[1]).toArray(),
                    points.stream().mapToDouble(v -> Double.isFinite(v[2]) ? v[2] : 0).toArray());
        });
        return b.chart();
    }
}
