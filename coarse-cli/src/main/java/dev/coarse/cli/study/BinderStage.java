package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.report.HtmlReport;
import dev.coarse.cli.report.Plots;
import dev.coarse.rg.BinderCrossing;
import dev.coarse.rg.BinderScan;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Binder cumulants U_L(T) for several L by {@link BinderScan}; consecutive curves cross near T_c (SCIENCE.md §4),
 * giving T_c with an error, and the susceptibility at T_c gives γ/ν from χ ∝ L^{γ/ν}.
 */
final class BinderStage implements Stage {

    @Override
    public String name() {
        return "binder";
    }

    @Override
    public String title() {
        return "Binder cumulant crossings → critical temperature";
    }

    /** γ/ν of the model's universality class, NaN when not known in closed form or numerically here. */
    static double gammaOverNu(StudySpec spec) {
        return switch (spec.model()) {
            case "ising2d" -> 7.0 / 4.0;
            case "ising3d" -> 2 - 0.036298; // 2 − η, conformal bootstrap (Kos et al. 2016)
            default -> spec.q() == 3 ? 26.0 / 15.0 : spec.q() == 4 ? 7.0 / 4.0 : Double.NaN;
        };
    }

    @Override
    public ObjectNode run(StudySpec spec, StageContext context) {
        StudySpec.Sampling s = spec.binderSampling();
        int[] sizes = spec.binderSizes().stream().mapToInt(Integer::intValue).toArray();
        BinderScan.Spec scan = new BinderScan.Spec(BinderScan.Family.forId(spec.model()), spec.q(), sizes,
                spec.binderTemperatures(), s.sampler(), (int) s.sweeps(), (int) s.thermalize(), context.seed(0),
                context.threads());
        context.expect(scan.totalSweeps());
        BinderScan.Result r = BinderScan.run(scan, context.progress());
        ObjectNode out = JsonOutput.object();
        ArrayNode curves = out.putArray("curves");
        for (BinderScan.SizeCurve curve : r.curves()) {
            ObjectNode c = curves.addObject();
            c.put("L", curve.linearSize());
            double[] ts = new double[curve.points().size()];
            ArrayNode us = c.putArray("binder");
            ArrayNode chis = c.putArray("susceptibility");
            ArrayNode es = c.putArray("energy_per_site");
            for (int k = 0; k < ts.length; k++) {
                BinderScan.Point p = curve.points().get(k);
                ts[k] = p.temperature();
                us.add(JsonOutput.estimate(p.binder()));
                chis.add(JsonOutput.estimate(p.susceptibility()));
                es.add(JsonOutput.estimate(p.energyPerSite()));
            }
            c.set("T", Results.array(ts));
        }
        ArrayNode crossings = out.putArray("crossings");
        for (BinderCrossing.Crossing x : r.crossings()) {
            ObjectNode c = crossings.addObject();
            c.put("L_a", x.sizeA());
            c.put("L_b", x.sizeB());
            Results.put(c, "T", x.temperature());
        }
        double tcExact = spec.criticalTemperature();
        out.put("tc_exact", tcExact);
        Results.put(out, "tc", r.criticalTemperature());
        JsonOutput.putNumber(out, "tc_statistical", r.statistical());
        JsonOutput.putNumber(out, "tc_systematic", r.systematic());
        Results.put(out, "kc", r.criticalCoupling());
        out.put("kc_exact", 1 / tcExact);
        double tc = r.criticalTemperature().mean();
        out.put("chi_temperature", tc);
        ArrayNode chiAt = out.putArray("chi_at_tc");
        for (BinderScan.SizeCurve curve : r.curves()) {
            BinderCrossing.Curve chi = curve.susceptibilityCurve();
            BinderCrossing.Curve err = new BinderCrossing.Curve(chi.linearSize(), chi.temperatures(), chi.errors(),
                    new double[chi.errors().length]);
            ObjectNode n = chiAt.addObject();
            n.put("L", curve.linearSize());
            Results.put(n, "chi", Estimate.of(chi.at(tc), Math.abs(err.at(tc))));
        }
        if (r.gammaOverNu() != null) {
            Results.put(out, "gamma_over_nu", r.gammaOverNu().exponent());
            out.put("gamma_over_nu_log_amplitude", r.gammaOverNu().logAmplitude().mean());
            out.put("gamma_over_nu_chi2", r.gammaOverNu().chiSquared());
            out.put("gamma_over_nu_dof", r.gammaOverNu().degreesOfFreedom());
        }
        JsonOutput.putNumber(out, "gamma_over_nu_exact", gammaOverNu(spec));
        return out;
    }

    @Override
    public List<HtmlReport.Comparison> summary(StudySpec spec, JsonNode result) {
        List<HtmlReport.Comparison> rows = new ArrayList<>();
        if (result.path("tc").isObject()) {
            rows.add(new HtmlReport.Comparison("T_c from Binder crossings" + (spec.model().equals("ising3d")
                    ? " (reference 1/0.2216546)" : " (exact)"), Results.estimate(result.get("tc")),
                    result.path("tc_exact").asDouble()));
        }
        if (result.path("gamma_over_nu").isObject()) {
            rows.add(new HtmlReport.Comparison("γ/ν from χ(T_c) ∝ L^{γ/ν}", Results.estimate(result.get("gamma_over_nu")),
                    Results.number(result.get("gamma_over_nu_exact"))));
        }
        return rows;
    }

    @Override
    public void report(StudySpec spec, JsonNode result, HtmlReport report) throws IOException {
        StudySpec.Sampling s = spec.binderSampling();
        report.paragraph(String.format(Locale.ROOT, "U_L = 1 − ⟨m⁴⟩/(3⟨m²⟩²) measured for L = %s, one chain of "
                        + "%s per point (%d thermalisation and %d measured sweep-equivalents; jackknife errors). "
                        + "Below T_c, U → 2/3; above, U → 0; at T_c it is scale-invariant, so curves of different L "
                        + "cross there, up to corrections that shrink with L. T_c is the crossing of the two largest "
                        + "sizes (BinderScan); its error combines the resampling error with a systematic term, half "
                        + "the distance to the previous pair's crossing.",
                spec.binderSizes(), s.sampler(), s.thermalize(), s.sweeps()));
        double tcExact = result.path("tc_exact").asDouble();
        Plots.Builder u = Plots.xy("Binder cumulant, " + Study.modelTitle(spec), "temperature T [J/k_B]",
                "Binder cumulant U_L");
        double uMin = 1;
        double uMax = 0;
        for (JsonNode c : result.path("curves")) {
            double[] t = Results.doubles(c.get("T"));
            int points = c.get("binder").size();
            double[] e = new double[points];
            double[] m = new double[points];
            for (int k = 0; k < points; k++) {
                Estimate est = Results.estimate(c.get("binder").get(k));
                m[k] = est.mean();
                e[k] = est.error();
                uMin = Math.min(uMin, m[k]);
                uMax = Math.max(uMax, m[k]);
            }
            u.lineWithErrors("L = " + c.path("L").asInt(), t, m, e);
        }
        u.line(spec.model().equals("ising3d") ? "T_c (reference)" : "T_c (exact)", new double[] {tcExact, tcExact},
                new double[] {uMin, uMax});
        if (result.path("tc").isObject()) {
            double tc = Results.estimate(result.get("tc")).mean();
            u.line("T_c (measured crossing)", new double[] {tc, tc}, new double[] {uMin, uMax});
        }
        XYChart uChart = u.chart();
        Charts.legend(uChart, Styler.LegendPosition.InsideSW);
        int k0 = 0;
        for (JsonNode c : result.path("curves")) {
            Charts.colour(uChart, "L = " + c.path("L").asInt(), k0++);
        }
        Charts.reference(uChart, spec.model().equals("ising3d") ? "T_c (reference)" : "T_c (exact)");
        if (result.path("tc").isObject()) {
            Charts.dotted(uChart, "T_c (measured crossing)", 6);
        }
        report.figure("Binder cumulant versus temperature, one line per lattice size (points ±1σ). The vertical "
                + "lines mark the exact T_c and the measured crossing.", uChart);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode c : result.path("crossings")) {
            rows.add(List.of(c.path("L_a").asInt() + " / " + c.path("L_b").asInt(),
                    c.path("T").isObject() ? HtmlReport.formatWithError(Results.estimate(c.get("T")).mean(),
                            Results.estimate(c.get("T")).error()) : "–",
                    c.path("note").asText("")));
        }
        report.table("Crossings of consecutive sizes", List.of("sizes", "T crossing", "note"), rows);
        if (result.path("gamma_over_nu").isObject()) {
            JsonNode chiAt = result.path("chi_at_tc");
            int n = chiAt.size();
            double t = result.path("chi_temperature").asDouble();
            double[] l = Results.values(chiAt, "L");
            double[] chi = Results.column(chiAt, "chi", false);
            double[] dchi = Results.column(chiAt, "chi", true);
            Estimate g = Results.estimate(result.get("gamma_over_nu"));
            double a = result.path("gamma_over_nu_log_amplitude").asDouble();
            double[] lnL = new double[n];
            double[] lnChi = new double[n];
            double[] dLnChi = new double[n];
            double[] fit = new double[n];
            StringBuilder sizes = new StringBuilder();
            for (int k = 0; k < n; k++) {
                lnL[k] = Math.log(l[k]);
                lnChi[k] = Math.log(chi[k]);
                dLnChi[k] = dchi[k] / chi[k];
                fit[k] = a + g.mean() * lnL[k];
                sizes.append(k == 0 ? "" : ", ").append((int) l[k]);
            }
            String fitName = String.format(Locale.ROOT, "fit: slope γ/ν = %.3f", g.mean());
            Plots.Builder chiPlot = Plots.xy(String.format(Locale.ROOT, "Susceptibility at the measured T_c = %.4f", t),
                    "ln L   (L = " + sizes + ")", "ln χ   (χ in units of 1/k_B)")
                    .points("Monte Carlo", lnL, lnChi, dLnChi)
                    .line(fitName, lnL, fit);
            double exact = Results.number(result.get("gamma_over_nu_exact"));
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
