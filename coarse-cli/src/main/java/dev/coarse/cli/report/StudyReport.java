package dev.coarse.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.stats.Estimate;
import dev.coarse.study.StageResult;
import dev.coarse.study.StudyResults;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a study: a summary of measured-vs-exact rows, one section per stage drawn by that stage's
 * {@link StageRenderer}, and how to reproduce the run. A stage with no renderer (one a module added) gets a section
 * with its result's JSON.
 */
public final class StudyReport {

    private static final List<StageRenderer<?>> RENDERERS = List.of(new EnergyRenderer(), new BinderRenderer(),
            new McrgRenderer(), new FlowRenderer(), new InfoRenderer(), new TensorRenderer(), new RsmiRenderer(),
            new CellularAutomataRenderer(), new CriticalityRenderer(), new DynamicsRenderer(), new NeuralRgRenderer());

    private StudyReport() {
    }

    /** The HTML report of a finished study. */
    public static HtmlReport render(StudyResults results) throws IOException {
        StudySpec spec = results.spec();
        String model = spec.model().criticalPoint().name();
        HtmlReport report = new HtmlReport("Coarse study '" + spec.name() + "' — " + model);
        report.paragraph("Model " + model + " with J = 1 and k_B = 1 (temperatures T in units of J/k_B), "
                + "periodic boundaries; seed " + spec.seed() + ". Every number has a statistical error (one standard "
                + "deviation); the deviation column gives (measured − exact)/error. Stages run: "
                + String.join(", ", spec.stages()) + ".");
        List<HtmlReport.Comparison> summary = summary(results);
        if (!summary.isEmpty()) {
            report.comparisons("Summary: measured vs exact (or best known) values", summary);
        }
        for (Map.Entry<String, StageResult> e : results.stages().entrySet()) {
            Optional<StageRenderer<?>> renderer = renderer(e.getKey());
            if (renderer.isPresent()) {
                report.heading(renderer.get().title());
                renderer.get().renderOf(spec, e.getValue(), report);
            } else {
                report.heading(e.getKey());
                report.preformatted(json(e.getValue().toJson()));
            }
        }
        report.heading("Reproducing this run");
        List<List<String>> rows = new ArrayList<>();
        results.elapsedSeconds().forEach((stage, seconds) -> rows.add(
                List.of(stage, String.format(Locale.ROOT, "%.1f s", seconds))));
        if (!rows.isEmpty()) {
            report.table("Wall-clock time per stage", List.of("stage", "time"), rows);
        }
        String hash = spec.hash();
        report.paragraph("The complete spec with every default filled in (SHA-256 " + hash.substring(0, 12)
                + "; coarse " + results.coarseVersion() + "). Save it as YAML — JSON is valid YAML — "
                + "and run ./coarse run SPEC.yaml to repeat the study.");
        report.preformatted(json(spec.toJson()));
        return report;
    }

    /** The headline measured-vs-exact rows of every stage, in run order. */
    public static List<HtmlReport.Comparison> summary(StudyResults results) {
        List<HtmlReport.Comparison> rows = new ArrayList<>();
        results.stages().forEach((stage, result) -> renderer(stage).ifPresent(r ->
                rows.addAll(r.summaryOf(results.spec(), result))));
        return rows;
    }

    private static Optional<StageRenderer<?>> renderer(String stage) {
        return RENDERERS.stream().filter(r -> r.stage().equals(stage)).findFirst();
    }

    private static String json(Object value) throws JsonProcessingException {
        return JsonOutput.MAPPER.writeValueAsString(value);
    }

    /** An estimate as "mean ± error" (error to two significant digits), as in the report's tables. */
    static String format(Estimate e) {
        return HtmlReport.formatWithError(e.mean(), e.error());
    }

    static double[] means(List<Estimate> estimates) {
        return estimates.stream().mapToDouble(Estimate::mean).toArray();
    }

    static double[] errors(List<Estimate> estimates) {
        return estimates.stream().mapToDouble(Estimate::error).toArray();
    }

    static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : values) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            m = Math.max(m, x);
        }
        return m;
    }
}
