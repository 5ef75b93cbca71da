package dev.coarse.cli.report;

import dev.coarse.stats.Estimate;
import dev.coarse.study.FlowDiagram;
import dev.coarse.study.FlowResult;
import dev.coarse.study.FlowSettings;
import dev.coarse.study.FlowStage;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** The flow stage: K → K′_nn against the diagonal, its fixed point and ν, and every fitted coarse coupling. */
final class FlowRenderer extends StageRenderer<FlowResult> {

    FlowRenderer() {
        super(FlowStage.NAME, FlowResult.class, "Coupling flow K → K′, fixed point and ν");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, FlowResult result) {
        if (result.fixedPoint().isEmpty()) {
            return List.of();
        }
        FlowDiagram.FixedPoint f = result.fixedPoint().get();
        String at = " (one-coupling projection, L = " + result.linearSize() + ")";
        // the one-coupling projection truncates the flow, so it is not expected to reproduce K_c or ν
        String why = "truncated map: not expected to agree";
        return List.of(
                HtmlReport.Comparison.notExpectedToAgree("fixed point K* of K → K′_nn" + at, f.coupling(),
                        result.exactCriticalCoupling(), why),
                HtmlReport.Comparison.notExpectedToAgree("ν = ln b / ln(dK′/dK) at K*" + at, f.nu(),
                        result.exactNu(), why));
    }

    @Override
    void render(StudySpec spec, FlowResult result, HtmlReport report) throws IOException {
        FlowSettings settings = spec.settings(FlowSettings.class);
        report.paragraph(String.format(Locale.ROOT, "At each coupling K = 1/T of the grid, %d configurations of "
                        + "L = %d (%s, a sample every %d sweeps after %d) are coarse-grained once with the %s rule "
                        + "(b = %d) and the coarse couplings of %s are fitted by maximum pseudo-likelihood (jackknife "
                        + "errors). The chart shows the nearest-neighbour component K′_nn: where it crosses the "
                        + "diagonal K′ = K is the fixed point K*, and the slope there gives ν. This is the projection "
                        + "of a many-coupling flow on one axis (the step generates next-nearest-neighbour, plaquette "
                        + "and longer couplings), so K* and ν are those of a truncated map: expect K* a few per cent "
                        + "above the exact K_c and ν somewhat below 1 (docs/rg.md, 'coarse rg flow'). Fitting more "
                        + "operators moves weight out of K′_nn, and its projected flow may then have no fixed point "
                        + "at all; MCRG above linearises the full map instead.",
                settings.samples(), settings.size(), settings.sampler().id(), settings.thin(), settings.thermalize(),
                settings.rule().rule().id(), settings.rule().b(), String.join(", ", settings.operators())));
        List<FlowResult.Point> points = result.points();
        double[] k = points.stream().mapToDouble(FlowResult.Point::coupling).toArray();
        List<String> names = new ArrayList<>(points.get(0).coarseCouplings().keySet());
        List<Estimate> nn = points.stream().map(p -> p.coarseCouplings().get(FlowDiagram.NN)).toList();
        double[] kp = StudyReport.means(nn);
        double[] dkp = StudyReport.errors(nn);
        double lo = Math.min(k[0], StudyReport.min(kp));
        double hi = Math.max(k[k.length - 1], StudyReport.max(kp));
        double kc = result.exactCriticalCoupling();
        Plots.Builder flow = Plots.xy("RG flow of the nearest-neighbour coupling", "coupling K = J/(k_B T) before the step",
                "coarse coupling K′_nn after one step")
                .lineWithErrors("K′_nn (pseudo-likelihood)", k, kp, dkp)
                .line("K′ = K", new double[] {lo, hi}, new double[] {lo, hi})
                .line(String.format(Locale.ROOT, "exact K_c = %.4f", kc), new double[] {kc, kc}, new double[] {lo, hi});
        if (result.fixedPoint().isPresent()) {
            Estimate ks = result.fixedPoint().get().coupling();
            flow.points(String.format(Locale.ROOT, "fixed point K* = %.4f", ks.mean()), new double[] {ks.mean()},
                    new double[] {ks.mean()}, new double[] {ks.error()});
        }
        XYChart flowChart = flow.chart();
        if (result.fixedPoint().isPresent()) {
            Charts.colour(flowChart, String.format(Locale.ROOT, "fixed point K* = %.4f",
                    result.fixedPoint().get().coupling().mean()), 1);
        }
        Charts.colour(flowChart, "K′_nn (pseudo-likelihood)", 0);
        Charts.reference(flowChart, "K′ = K");
        Charts.dotted(flowChart, String.format(Locale.ROOT, "exact K_c = %.4f", kc), 6);
        Charts.legend(flowChart, Styler.LegendPosition.InsideNW);
        report.figure("The flow K → K′_nn (points ±1σ, joined) against the diagonal (dashed): above it the coupling "
                + "grows under the RG (ordered phase), below it shrinks (disordered phase). The crossing is the "
                + "unstable fixed point K*; the dotted vertical line is the exact critical coupling.", flowChart);
        Plots.Builder all = Plots.xy("All fitted coarse couplings", "coupling K = J/(k_B T) before the step",
                "coarse coupling K′_α");
        for (String name : names) {
            List<Estimate> values = points.stream().map(p -> p.coarseCouplings().get(name)).toList();
            all.lineWithErrors("K′_" + name, k, StudyReport.means(values), StudyReport.errors(values));
        }
        Charts.legend(all.chart(), Styler.LegendPosition.InsideNW);
        if (names.size() > 1) {
            report.figure("Every coupling of the fitted coarse Hamiltonian against K: the longer-range and multi-spin "
                + "couplings generated by the step are what the one-coupling projection leaves out.", all.chart());
        }
        if (result.fixedPoint().isEmpty()) {
            report.paragraph("No fixed point: " + FlowResult.NO_FIXED_POINT);
        } else {
            FlowDiagram.FixedPoint f = result.fixedPoint().get();
            report.paragraph(String.format(Locale.ROOT, "Slope at K*: dK′/dK = %s, so ν = ln %d / ln(dK′/dK) = %s "
                            + "(exact %s).", StudyReport.format(f.slope()), settings.rule().b(),
                    StudyReport.format(f.nu()), HtmlReport.formatNumber(result.exactNu(), 4)));
        }
    }
}
