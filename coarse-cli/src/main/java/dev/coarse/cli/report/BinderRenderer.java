package dev.coarse.cli.report;

import dev.coarse.exact.CriticalPoint;
import dev.coarse.rg.BinderCrossing;
import dev.coarse.stats.Estimate;
import dev.coarse.study.BinderResult;
import dev.coarse.study.BinderSettings;
import dev.coarse.study.BinderStage;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** The Binder stage: U_L(T) per size, the crossings, T_c, and χ(T_c) against L on log-log axes. */
final class BinderRenderer extends StageRenderer<BinderResult> {

    BinderRenderer() {
        super(BinderStage.NAME, BinderResult.class, "Binder cumulant crossings → critical temperature");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, BinderResult result) {
        CriticalPoint reference = spec.model().criticalPoint();
        List<HtmlReport.Comparison> rows = new ArrayList<>();
        rows.add(new HtmlReport.Comparison("T_c from Binder crossings" + (reference.exact() ? " (exact)"
                : " (reference 1/" + reference.criticalCoupling() + ")"), result.criticalTemperature(),
                result.exactCriticalTemperature()));
        result.gammaOverNu().ifPresent(g -> rows.add(new HtmlReport.Comparison("γ/ν from χ(T_c) ∝ L^{γ/ν}",
                g.exponent(), result.exactGammaOverNu())));
        return rows;
    }

    @Override
    void render(StudySpec spec, BinderResult result, HtmlReport report) throws IOException {
        BinderSettings settings = spec.settings(BinderSettings.class);
        report.paragraph(String.format(Locale.ROOT, "U_L = 1 − ⟨m⁴⟩/(3⟨m²⟩²) measured for L = %s, one chain of "
                        + "%s per point (%d thermalisation and %d measured sweep-equivalents; jackknife errors). "
                        + "Below T_c, U → 2/3; above, U → 0; at T_c it is scale-invariant, so curves of different L "
                        + "cross there, up to corrections that shrink with L. T_c is the crossing of the two largest "
                        + "sizes (BinderScan); its error combines the resampling error with a systematic term, half "
                        + "the distance to the previous pair's crossing.",
                settings.sizes(), settings.sampler().id(), settings.thermalize(), settings.sweeps()));
        double tcExact = result.exactCriticalTemperature();
        String tcReference = spec.model().criticalPoint().exact() ? "T_c (exact)" : "T_c (reference)";
        Plots.Builder u = Plots.xy("Binder cumulant, " + spec.model().criticalPoint().name(), "temperature T [J/k_B]",
                "Binder cumulant U_L");
        double uMin = 1;
        double uMax = 0;
        for (BinderResult.Curve c : result.curves()) {
            double[] m = StudyReport.means(c.binder());
            for (double value : m) {
                uMin = Math.min(uMin, value);
                uMax = Math.max(uMax, value);
            }
            u.lineWithErrors("L = " + c.linearSize(), c.temperatures(), m, StudyReport.errors(c.binder()));
        }
        u.line(tcReference, new double[] {tcExact, tcExact}, new double[] {uMin, uMax});
        double tc = result.criticalTemperature().mean();
        u.line("T_c (measured crossing)", new double[] {tc, tc}, new double[] {uMin, uMax});
        XYChart uChart = u.chart();
        Charts.legend(uChart, Styler.LegendPosition.InsideSW);
        int k0 = 0;
        for (BinderResult.Curve c : result.curves()) {
            Charts.colour(uChart, "L = " + c.linearSize(), k0++);
        }
        Charts.reference(uChart, tcReference);
        Charts.dotted(uChart, "T_c (measured crossing)", 6);
        report.figure("Binder cumulant versus temperature, one line per lattice size (points ±1σ). The vertical "
                + "lines mark the exact T_c and the measured crossing.", uChart);
        List<List<String>> rows = new ArrayList<>();
        for (BinderCrossing.Crossing c : result.crossings()) {
            rows.add(List.of(c.sizeA() + " / " + c.sizeB(), StudyReport.format(c.temperature()), ""));
        }
        report.table("Crossings of consecutive sizes", List.of("sizes", "T crossing", "note"), rows);
        if (result.gammaOverNu().isPresent()) {
            BinderResult.GammaOverNu g = result.gammaOverNu().get();
            List<BinderResult.Susceptibility> chiAt = result.susceptibilityAtTc();
            int n = chiAt.size();
            double t = result.susceptibilityTemperature();
            double[] lnL = new double[n];
            double[] lnChi = new double[n];
            double[] dLnChi = new double[n];
            double[] fit = new double[n];
            StringBuilder sizes = new StringBuilder();
            for (int k = 0; k < n; k++) {
                Estimate chi = chiAt.get(k).chi();
                double l = chiAt.get(k).linearSize();
                lnL[k] = Math.log(l);
                lnChi[k] = Math.log(chi.mean());
                dLnChi[k] = chi.error() / chi.mean();
                fit[k] = g.logAmplitude() + g.exponent().mean() * lnL[k];
                sizes.append(k == 0 ? "" : ", ").append((int) l);
            }
            String fitName = String.format(Locale.ROOT, "fit: slope γ/ν = %.3f", g.exponent().mean());
            Plots.Builder chiPlot = Plots.xy(String.format(Locale.ROOT, "Susceptibility at the measured T_c = %.4f", t),
                    "ln L   (L = " + sizes + ")", "ln χ   (χ in units of 1/k_B)")
                    .points("Monte Carlo", lnL, lnChi, dLnChi)
                    .line(fitName, lnL, fit);
            double exact = result.exactGammaOverNu();
            String exactName = String.format(Locale.ROOT, "slope γ/ν = %.4f (exact)", exact);
            if (Double.isFinite(exact)) {
                double[] ref = new double[n];
                for (int k = 0; k < n; k++) {
                    ref[k] = fit[n - 1] + exact * (lnL[k] - lnL[n - 1]);
                }
                chiPlot.line(exactName, lnL, ref);
                Charts.reference(chiPlot.chart(), exactName);
            }
            Charts.colour(chiPlot.chart(), fitName, 0);
            Charts.legend(chiPlot.chart(), Styler.LegendPosition.InsideNW);
            chiPlot.chart().getStyler().setXAxisDecimalPattern("0.##");
            report.figure("Susceptibility χ = N(⟨m²⟩ − ⟨|m|⟩²)/T interpolated to the measured T_c, log-log: "
                    + "the slope is γ/ν (finite-size scaling). The exact-slope line is drawn through the largest L.",
                    chiPlot.chart());
        }
    }
}
