package dev.coarse.cli.report;

import dev.coarse.stats.Estimate;
import dev.coarse.study.RgFlow;
import dev.coarse.study.StudySpec;
import dev.coarse.study.TensorResult;
import dev.coarse.study.TensorStage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.Styler;

/**
 * The tensor stage: f(T) against Onsager, and the Gu–Wen c, x<sub>σ</sub>, x<sub>ε</sub> per RG step beside the
 * exact values; in the summary, y<sub>h</sub> = 2 − x<sub>σ</sub> and y<sub>t</sub> = 2 − x<sub>ε</sub> of the best
 * step sit beside MCRG's rows.
 */
final class TensorRenderer extends StageRenderer<TensorResult> {

    TensorRenderer() {
        super(TensorStage.NAME, TensorResult.class, "Tensor-network RG → free energy, central charge, scaling dimensions");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, TensorResult r) {
        TensorResult.Step best = r.best();
        if (r.isSkipped() || best == null) {
            return List.of();
        }
        String at = String.format(Locale.ROOT, " (%s, χ = %d, step %d)", r.scheme().toUpperCase(Locale.ROOT), r.chi(),
                best.step());
        String caveat = "deterministic: the difference is truncation at finite χ, there is no statistical error";
        List<HtmlReport.Comparison> rows = new ArrayList<>();
        rows.add(new HtmlReport.Comparison("central charge c" + at, Estimate.exact(best.centralCharge()),
                r.exact().centralCharge(), caveat));
        RgFlow.Step flow = r.flow().steps().get(best.step() - 1);
        rows.add(new HtmlReport.Comparison("y_t = 2 − x_ε" + at, flow.yT(), 2 - r.exact().energy(), caveat));
        rows.add(new HtmlReport.Comparison("y_h = 2 − x_σ" + at, flow.yH(), 2 - r.exact().spin(), caveat));
        for (TensorResult.CurvePoint p : r.curve()) {
            if (Math.abs(p.temperature() - r.temperature()) < 1e-12 && Double.isFinite(p.exactLnZPerSite())) {
                rows.add(new HtmlReport.Comparison("ln Z / N at T_c" + at.replaceAll(", step \\d+", ""),
                        Estimate.exact(p.lnZPerSite()), p.exactLnZPerSite(), caveat));
            }
        }
        return rows;
    }

    @Override
    void render(StudySpec spec, TensorResult r, HtmlReport report) throws IOException {
        if (r.isSkipped()) {
            report.paragraph(r.note());
            return;
        }
        report.paragraph(String.format(Locale.ROOT, "The partition function itself coarse-grained by %s with bond "
                + "dimension χ = %d (dev.coarse.tensor; docs/tensor.md): ln Z per site from the normalisation of "
                + "every step, exact up to truncation. At T = %.6f the normalised tensor of each step gives, through the "
                + "transfer matrices of cylinders one and two tensors wide (Gu & Wen 2009), the central charge c and "
                + "the lowest scaling dimensions x; they converge over the first steps and drift once truncation errors "
                + "accumulate. The best step is the one whose data changed least from the step before.",
                r.scheme().toUpperCase(Locale.ROOT), r.chi(), r.temperature()));
        List<TensorResult.Step> steps = r.steps();
        double[] n = steps.stream().mapToDouble(TensorResult.Step::step).toArray();
        Plots.Builder cft = Plots.xy("Conformal data per tensor-RG step", "RG step n (2^n sites per tensor)",
                "c, x");
        cft.points("c", n, steps.stream().mapToDouble(TensorResult.Step::centralCharge).toArray());
        cft.points("x_σ", n, steps.stream().mapToDouble(s -> s.x(0)).toArray());
        int e = r.exact().energyPosition();
        cft.points("x_ε", n, steps.stream().mapToDouble(s -> s.x(e)).toArray());
        double[] span = {0.5, steps.size() + 0.5};
        String[] names = {
            String.format(Locale.ROOT, "c = %.4f (exact)", r.exact().centralCharge()),
            String.format(Locale.ROOT, "x_σ = %.4f (exact)", r.exact().spin()),
            String.format(Locale.ROOT, "x_ε = %.4f (exact)", r.exact().energy())};
        double[] values = {r.exact().centralCharge(), r.exact().spin(), r.exact().energy()};
        for (int i = 0; i < names.length; i++) {
            if (Double.isFinite(values[i])) {
                cft.line(names[i], span, new double[] {values[i], values[i]});
                Charts.reference(cft.chart(), names[i]);
            }
        }
        Charts.legend(cft.chart(), Styler.LegendPosition.OutsideS);
        report.figure("Central charge and the two lowest relevant scaling dimensions per RG step (points); the "
                + "horizontal lines are the exact values of the critical point.", cft.chart());
        List<List<String>> rows = new ArrayList<>();
        for (TensorResult.Step s : steps) {
            StringBuilder xs = new StringBuilder();
            double[] x = s.scalingDimensions();
            for (int i = 0; i < Math.min(6, x.length); i++) {
                xs.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", x[i]));
            }
            rows.add(List.of(String.valueOf(s.step()) + (s.step() == r.bestStep() ? " (best)" : ""),
                    String.format(Locale.ROOT, "%.12f", s.lnZPerSite()),
                    String.format(Locale.ROOT, "%.1e", s.truncationError()),
                    String.format(Locale.ROOT, "%.5f", s.centralCharge()), xs.toString()));
        }
        report.table("Per step: ln Z / N so far, truncation error (discarded Σs²/Σs²), c and the lowest x",
                List.of("step", "ln Z / N", "truncation", "c", "x"), rows);
        if (!r.curve().isEmpty()) {
            double[] t = r.curve().stream().mapToDouble(TensorResult.CurvePoint::temperature).toArray();
            Plots.Builder f = Plots.xy("Free energy per site", "T", "f = −T ln Z / N");
            f.points(r.scheme().toUpperCase(Locale.ROOT) + " χ = " + r.chi(), t,
                    r.curve().stream().mapToDouble(TensorResult.CurvePoint::freeEnergy).toArray());
            boolean exact = r.curve().stream().allMatch(p -> Double.isFinite(p.exactLnZPerSite()));
            if (exact) {
                f.line("Onsager", t, r.curve().stream().mapToDouble(p -> -p.temperature() * p.exactLnZPerSite())
                        .toArray());
                Charts.reference(f.chart(), "Onsager");
            }
            report.figure("Free energy per site from the tensor RG" + (exact ? " and Onsager's exact curve." : "."),
                    f.chart());
            List<List<String>> curve = new ArrayList<>();
            for (TensorResult.CurvePoint p : r.curve()) {
                curve.add(List.of(String.format(Locale.ROOT, "%.6f", p.temperature()),
                        String.format(Locale.ROOT, "%.12f", p.lnZPerSite()),
                        Double.isFinite(p.exactLnZPerSite()) ? String.format(Locale.ROOT, "%.12f", p.exactLnZPerSite())
                                : "—",
                        Double.isFinite(p.relativeError()) ? String.format(Locale.ROOT, "%.1e", p.relativeError())
                                : "—"));
            }
            report.table("ln Z per site against Onsager", List.of("T", "ln Z / N", "exact", "relative error"), curve);
        }
    }
}
