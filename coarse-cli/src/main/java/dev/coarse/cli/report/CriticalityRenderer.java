package dev.coarse.cli.report;

import dev.coarse.study.CriticalityResult;
import dev.coarse.study.CriticalityStage;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * The criticality stage: the sandpile's mean topplings against Dhar's exact values (the summary), the avalanche-size
 * distributions on log–log axes with the moment-scaling exponents and BTW's caveat, and the deep-network phase
 * diagram with its χ₁ = 1 line.
 */
final class CriticalityRenderer extends StageRenderer<CriticalityResult> {

    CriticalityRenderer() {
        super(CriticalityStage.NAME, CriticalityResult.class,
                "Criticality → the BTW sandpile and deep networks at the edge of chaos");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, CriticalityResult result) {
        List<HtmlReport.Comparison> rows = new ArrayList<>();
        for (CriticalityResult.Sandpile p : result.sandpiles()) {
            rows.add(new HtmlReport.Comparison("sandpile topplings per grain (L = " + p.size() + ", Dhar exact)",
                    p.meanTopplings(), p.exactMean()));
        }
        return rows;
    }

    @Override
    void render(StudySpec spec, CriticalityResult r, HtmlReport report) throws IOException {
        report.paragraph("The Bak–Tang–Wiesenfeld sandpile on L×L with open boundaries, driven one grain at a time at"
                + " random sites after a burn-in of 2L² grains (dev.coarse.emergence.sandpile; docs/emergence.md)."
                + " Its mean topplings per grain is known exactly (Dhar 1990: the mean row sum of the inverse"
                + " toppling matrix).");
        List<List<String>> rows = new ArrayList<>();
        for (CriticalityResult.Sandpile p : r.sandpiles()) {
            rows.add(List.of(Integer.toString(p.size()), Integer.toString(p.grains()), p.meanTopplings().toString(),
                    String.format(Locale.ROOT, "%.6f", p.exactMean()), p.tau().toString(),
                    "[" + p.windowLow() + ", " + p.windowHigh() + "]"));
        }
        report.table("Sandpiles", List.of("L", "grains", "topplings per grain", "Dhar exact",
                "effective τ (P(s) ∝ s^−τ)", "fit window of s"), rows);
        Plots.Builder sizes = Plots.xy("Avalanche sizes", "size s (topplings)", "P(s)");
        for (CriticalityResult.Sandpile p : r.sandpiles()) {
            sizes.points("L = " + p.size(), p.sizeCentres(), p.sizeDensity());
        }
        String moments = r.scaling().map(m -> String.format(Locale.ROOT, " Moment scaling across the sizes"
                + " (⟨s^q⟩ ∝ L^σ(q), σ(q) = D(q − τ + 1) at large q): D = %s, τ = %s; Lübeck & Usadel (1997) give"
                + " D ≈ 2.73, τ ≈ 1.29.", m.d(), m.tau())).orElse("");
        report.figure("Avalanche-size distributions, log-binned. BTW's distribution is not a pure power law"
                + " (multiscaling: De Menech, Stella & Tebaldi 1998): the effective τ from a direct fit and the τ from"
                + " moment scaling differ, and both drift with L." + moments,
                sizes.logarithmic(true, true).chart());
        CriticalityResult.Network n = r.network();
        report.paragraph(String.format(Locale.ROOT, "Deep random networks in mean field (Poole et al. 2016;"
                + " Schoenholz et al. 2017; dev.coarse.emergence.deepnet): with %s units and bias variance σ_b² = %g the"
                + " order-to-chaos transition χ₁ = 1 is at σ_w² = %.7f. The correlation depth scale ξ_c diverges on"
                + " that line.", n.activation(), n.sigmaB2(), n.criticalSigmaW2()));
        report.figurePng("log10 ξ_c over (σ_w², σ_b²), capped at " + (int) PhaseDiagramCharts.LOG_CAP
                + " where it diverges.", PhaseDiagramCharts.png(PhaseDiagramCharts.heatMap(n.activation(),
                        n.gridSigmaW2(), n.gridSigmaB2(), n.xiC())));
        XYChart line = PhaseDiagramCharts.line(n.activation(), n.lineSigmaW2(), n.gridSigmaB2());
        if (line != null) {
            report.figure("The order-to-chaos line χ₁ = 1: ordered to its left, chaotic to its right.", line);
        }
    }
}
