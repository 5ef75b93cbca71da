package dev.coarse.cli.report;

import dev.coarse.stats.Estimate;
import dev.coarse.study.RsmiResult;
import dev.coarse.study.RsmiSettings;
import dev.coarse.study.RuleFlowResult;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The RSMI stage: the rules compared on one ensemble — information kept per level, the filters as images, and each
 * flow's couplings and MCRG exponents.
 */
final class RsmiRenderer extends StageRenderer<RsmiResult> {

    /** The stage's name (coarse-learn registers the stage; the report only needs its name). */
    static final String STAGE = "rsmi";

    RsmiRenderer() {
        super(STAGE, RsmiResult.class, "Learned vs fixed coarse-graining: information kept and the flow of each rule");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, RsmiResult result) {
        List<HtmlReport.Comparison> rows = new ArrayList<>();
        for (RsmiResult.Entry e : result.rules()) {
            RuleFlowResult.Level first = e.flow().levels().get(1);
            rows.add(new HtmlReport.Comparison("fraction of I(V:E) kept by one " + e.rule() + " step, rsmi stage (no exact value)",
                    first.information("kept_fraction"), Double.NaN));
        }
        result.entry(RsmiSettings.Rule.LEARNED).ifPresent(e -> {
            RuleFlowResult.Level last = e.flow().levels().get(e.flow().levels().size() - 1);
            String at = " (learned filter, L = " + result.linearSize() + ", level " + last.level() + ")";
            rows.add(new HtmlReport.Comparison("y_t = 1/ν" + at, last.yT(), spec.model().criticalPoint()
                    .thermalExponent()));
            rows.add(new HtmlReport.Comparison("y_h" + at, last.yH(), spec.model().criticalPoint().magneticExponent()));
        });
        return rows;
    }

    @Override
    void render(StudySpec spec, RsmiResult result, HtmlReport report) throws IOException {
        RsmiSettings settings = spec.settings(RsmiSettings.class);
        report.paragraph(String.format(Locale.ROOT, "%d configurations of L = %d at T = %.6f (%s), coarse-grained %d "
                        + "times by each rule with b = %d. At step n, V is a block of the (n−1)-times coarse-grained "
                        + "lattice (at the rule's own blocks), H its coarse value under the step's rule, E the shell of "
                        + "width %d beyond a buffer of width %d, entered as its %s; I(H:E) is what the rule keeps of the "
                        + "information I(V:E) the block has about its surroundings, H(V|H) what it discards (%s, %d "
                        + "bootstrap resamples, nats). The learned rule is the RSMI filter, trained to maximise I(H:E); "
                        + "majority ties go to the block's %s. Each level's couplings are fitted by pseudo-likelihood, "
                        + "and MCRG gives y_t and y_h of each step (%d even and %d odd operators).",
                result.samples(), result.linearSize(), result.temperature(), settings.sampling().sampler().id(),
                settings.levels(), result.b(), settings.environment(), settings.buffer(),
                settings.environmentCode().name().toLowerCase(Locale.ROOT), settings.estimator().id(),
                settings.resamples(), settings.ties() == dev.coarse.rg.TieBreak.FIXED_SITE ? "first site"
                        : "spin drawn by a coin", settings.evenOperators(), settings.oddOperators()));
        if (!result.note().isEmpty()) {
            report.paragraph("Note: " + result.note() + ".");
        }
        if (result.rules().isEmpty()) {
            return;
        }
        Plots.Builder kept = Plots.xy("Fraction of the block's environment information kept", "RG step n",
                "I(H:E) / I(V:E)");
        Plots.Builder mi = Plots.xy("Information the coarse variable keeps", "RG step n", "I(H:E) [nats]");
        Plots.Builder yh = Plots.xy("Magnetic exponent y_h by RG level", "RG level n", "y_h");
        Plots.Builder yt = Plots.xy("Thermal exponent y_t by RG level", "RG level n", "y_t");
        List<double[]> filters = new ArrayList<>();
        List<String> filterNames = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        double offset = -0.04 * (result.rules().size() - 1) / 2;
        for (RsmiResult.Entry e : result.rules()) {
            List<RuleFlowResult.Level> steps = e.flow().levels().subList(1, e.flow().levels().size());
            double[] n = steps.stream().mapToDouble(l -> l.level() + 0.0).toArray();
            double[] shifted = steps.stream().mapToDouble(l -> l.level() + 0.0).toArray();
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] += offset;
            }
            offset += 0.04;
            kept.lineWithErrors(e.rule(), n, means(steps, l -> l.information("kept_fraction")),
                    errors(steps, l -> l.information("kept_fraction")));
            mi.lineWithErrors(e.rule(), n, means(steps, l -> l.information("mi")), errors(steps, l -> l.information("mi")));
            yh.points(e.rule(), shifted, means(steps, RuleFlowResult.Level::yH), errors(steps, RuleFlowResult.Level::yH));
            yt.points(e.rule(), shifted, means(steps, RuleFlowResult.Level::yT), errors(steps, RuleFlowResult.Level::yT));
            for (double[] row : e.filter()) {
                if (row.length == result.b() * result.b()) {
                    filters.add(row);
                    filterNames.add(e.rule());
                }
            }
            for (RuleFlowResult.Level l : e.flow().levels()) {
                String couplings = l.couplings().map(c -> {
                    StringBuilder sb = new StringBuilder();
                    c.estimates().forEach((name, k) -> sb.append(sb.length() == 0 ? "" : ", ").append(name)
                            .append(" ").append(StudyReport.format(k)));
                    return sb.toString();
                }).orElse("–");
                rows.add(List.of(e.rule(), String.valueOf(l.level()), String.valueOf(l.linearSize()),
                        text(l.information("mi_visible")), text(l.information("mi")),
                        text(l.information("kept_fraction")), text(l.information("loss")), text(l.yT()), text(l.yH()),
                        couplings));
            }
        }
        double[] span = {0.7, settings.levels() + 0.3};
        double yhExact = spec.model().criticalPoint().magneticExponent();
        double ytExact = spec.model().criticalPoint().thermalExponent();
        String yhName = String.format(Locale.ROOT, "y_h = %.4f", yhExact);
        String ytName = String.format(Locale.ROOT, "y_t = %.4f", ytExact);
        yh.line(yhName, span, new double[] {yhExact, yhExact});
        yt.line(ytName, span, new double[] {ytExact, ytExact});
        for (XYChart chart : List.of(kept.chart(), mi.chart(), yh.chart(), yt.chart())) {
            Charts.legend(chart, Styler.LegendPosition.OutsideS);
        }
        Charts.reference(yh.chart(), yhName);
        Charts.reference(yt.chart(), ytName);
        report.figure("Kept fraction I(H:E)/I(V:E) per step and rule: the learned filter maximises I(H:E), so at the "
                + "same block it should keep at least as much as the fixed rules.", kept.chart());
        report.figure("I(H:E) per step and rule, in nats.", mi.chart());
        if (!filters.isEmpty()) {
            report.figurePng("Filters, left to right: " + String.join(", ", filterNames) + " — each rule's first step "
                    + "as weights on the " + result.b() + "×" + result.b() + " block (red positive, blue negative, each "
                    + "tile scaled to its largest weight): a linear filter's own weights, otherwise the least-squares "
                    + "linear fit of the coarse spin on the block's spins over the data. The block spin is uniform; "
                    + "decimation keeps the corner.", FieldImages.montagePng(filters, result.b(), filters.size(), 48));
        }
        report.figure("y_h of each rule's flow by level (points offset sideways).", yh.chart());
        report.figure("y_t of each rule's flow by level.", yt.chart());
        report.table("Per rule and level (level 0 is the data; information in nats)", List.of("rule", "level", "L",
                "I(V:E)", "I(H:E)", "kept fraction", "H(V|H)", "y_t", "y_h", "couplings"), rows);
    }

    private static String text(Estimate e) {
        return Double.isNaN(e.mean()) ? "–" : StudyReport.format(e);
    }

    private static double[] means(List<RuleFlowResult.Level> levels, Function<RuleFlowResult.Level, Estimate> value) {
        return StudyReport.means(levels.stream().map(value).toList());
    }

    private static double[] errors(List<RuleFlowResult.Level> levels, Function<RuleFlowResult.Level, Estimate> value) {
        return StudyReport.errors(levels.stream().map(value).toList());
    }
}
