package dev.coarse.cli.report;

import dev.coarse.study.Coarsening;
import dev.coarse.study.McrgResult;
import dev.coarse.study.McrgSettings;
import dev.coarse.study.McrgStage;
import dev.coarse.study.Sampling;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.Styler;

/** The MCRG stage: y_t and y_h per level and size against the exact (or bootstrap) values, and the eigenvalues. */
final class McrgRenderer extends StageRenderer<McrgResult> {

    McrgRenderer() {
        super(McrgStage.NAME, McrgResult.class, "Monte Carlo RG → thermal and magnetic exponents y_t, y_h");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, McrgResult result) {
        if (result.sizes().isEmpty()) {
            return List.of();
        }
        McrgResult.Size last = result.sizes().get(result.sizes().size() - 1);
        if (last.levels().isEmpty()) {
            return List.of();
        }
        McrgResult.Level level = last.levels().get(last.levels().size() - 1);
        String at = " (MCRG, L = " + last.linearSize() + ", level " + level.level() + ")";
        String kind = spec.model().criticalPoint().exact() ? "" : " [bootstrap reference]";
        return List.of(
                new HtmlReport.Comparison("y_t = 1/ν" + at + kind, level.yT(), result.exactThermalExponent()),
                new HtmlReport.Comparison("y_h = (d + 2 − η)/2" + at + kind, level.yH(),
                        result.exactMagneticExponent()));
    }

    @Override
    void render(StudySpec spec, McrgResult result, HtmlReport report) throws IOException {
        McrgSettings settings = spec.settings(McrgSettings.class);
        Sampling s = settings.sampling();
        Coarsening rule = settings.rule();
        report.paragraph(String.format(Locale.ROOT, "Configurations sampled at T = %.6f with %s (%d chains, %d "
                        + "thermalisation and %d measured steps, a sample every %d steps), then coarse-grained %d times with "
                        + "the %s rule (b = %d). At level n the matrix T = C⁻¹D of connected correlations between "
                        + "operators at levels n and n−1 approximates ∂K⁽ⁿ⁾/∂K⁽ⁿ⁻¹⁾; its leading eigenvalue λ gives "
                        + "y = ln λ / ln b, using %d even operators (→ y_t) and %d odd ones (→ y_h). Errors: "
                        + "jackknife over %d bins. Deeper levels are closer to the fixed point (smaller "
                        + "irrelevant-operator corrections) but live on smaller lattices (finite-size effects); "
                        + "agreement of two sizes at the same level shows the latter are small.",
                settings.temperature(), s.sampler().id(), s.chains(), s.thermalize(), s.sweeps(), s.thin(), rule.levels(),
                rule.rule().id(), rule.b(), settings.evenOperators(), settings.oddOperators(), settings.bins()));
        String ref = spec.model().criticalPoint().exact() ? "exact" : "bootstrap";
        Plots.Builder yt = Plots.xy("Thermal exponent y_t by RG level", "RG level n (blocks of b^n sites)",
                "y_t = ln λ_even / ln b");
        Plots.Builder yh = Plots.xy("Magnetic exponent y_h by RG level", "RG level n (blocks of b^n sites)",
                "y_h = ln λ_odd / ln b");
        List<List<String>> rows = new ArrayList<>();
        double offset = -0.05 * (result.sizes().size() - 1) / 2;
        for (McrgResult.Size size : result.sizes()) {
            List<McrgResult.Level> levels = size.levels();
            double[] n = new double[levels.size()];
            for (int k = 0; k < n.length; k++) {
                n[k] = levels.get(k).level() + offset;
            }
            offset += 0.05;
            String label = "L = " + size.linearSize() + " (" + size.samples() + " samples)";
            yt.points(label, n, levels.stream().mapToDouble(l -> l.yT().mean()).toArray(),
                    levels.stream().mapToDouble(l -> l.yT().error()).toArray());
            yh.points(label, n, levels.stream().mapToDouble(l -> l.yH().mean()).toArray(),
                    levels.stream().mapToDouble(l -> l.yH().error()).toArray());
            for (McrgResult.Level level : levels) {
                rows.add(List.of(String.valueOf(size.linearSize()), String.valueOf(level.level()),
                        StudyReport.format(level.yT()), StudyReport.format(level.yH()),
                        eigen(level.eigenvaluesEven()), eigen(level.eigenvaluesOdd())));
            }
        }
        double[] span = {0.7, rule.levels() + 0.3};
        double ytExact = result.exactThermalExponent();
        double yhExact = result.exactMagneticExponent();
        String ytName = String.format(Locale.ROOT, "y_t = %.4f (%s)", ytExact, ref);
        String yhName = String.format(Locale.ROOT, "y_h = %.4f (%s)", yhExact, ref);
        yt.line(ytName, span, new double[] {ytExact, ytExact});
        yh.line(yhName, span, new double[] {yhExact, yhExact});
        Charts.reference(yt.chart(), ytName);
        Charts.legend(yt.chart(), Styler.LegendPosition.OutsideS);
        Charts.legend(yh.chart(), Styler.LegendPosition.OutsideS);
        Charts.reference(yh.chart(), yhName);
        report.figure("Thermal RG eigenvalue exponent y_t = 1/ν per level and lattice size (points slightly "
                + "offset horizontally so error bars do not overlap); the horizontal line is the " + ref
                + " value.", yt.chart());
        report.figure("Magnetic exponent y_h per level; the horizontal line is the " + ref + " value.", yh.chart());
        report.table("MCRG per size and level (eigenvalues: real parts, by decreasing magnitude)",
                List.of("L", "level", "y_t", "y_h", "λ even", "λ odd"), rows);
    }

    private static String eigen(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v));
        }
        return sb.toString();
    }
}
