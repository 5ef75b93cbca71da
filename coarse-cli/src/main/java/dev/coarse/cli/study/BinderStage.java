package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.report.HtmlReport;
import dev.coarse.cli.report.Plots;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.Observables;
import dev.coarse.rg.BinderCrossing;
import dev.coarse.rg.PowerLawFit;
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
 * Binder cumulants U_L(T) for several L; consecutive curves cross near T_c (SCIENCE.md §4), giving T_c with an
 * error, and the susceptibility at the grid temperature nearest T_c gives γ/ν from χ ∝ L^{γ/ν}.
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
        double[] ts = spec.binderTemperatures().clone();
        Arrays.sort(ts);
        context.expect(StageContext.work(s) * spec.binderSizes().size() * ts.length);
        ObjectNode out = JsonOutput.object();
        ArrayNode curves = out.putArray("curves");
        List<BinderCrossing.Curve> binder = new ArrayList<>();
        long i = 0;
        for (int L : spec.binderSizes()) {
            double[] u = new double[ts.length];
            double[] du = new double[ts.length];
            ObjectNode c = curves.addObject();
            c.put("L", L);
            c.set("T", Results.array(ts));
            ArrayNode us = c.putArray("binder");
            ArrayNode chis = c.putArray("susceptibility");
            for (int k = 0; k < ts.length; k++) {
                ChainResult r = context.sample(spec.model(L, ts[k]), s, i++);
                Map<String, Estimate> obs = Observables.measure(r);
                u[k] = obs.get("binder").mean();
                du[k] = obs.get("binder").error();
                us.add(JsonOutput.estimate(obs.get("binder")));
                chis.add(JsonOutput.estimate(obs.get("susceptibility")));
            }
            binder.add(new BinderCrossing.Curve(L, ts, u, du));
        }
        ArrayNode crossings = out.putArray("crossings");
        List<BinderCrossing.Crossing> found = new ArrayList<>();
        for (int k = 0; k + 1 < binder.size(); k++) {
            ObjectNode c = crossings.addObject();
            c.put("L_a", binder.get(k).linearSize());
            c.put("L_b", binder.get(k + 1).linearSize());
            try {
                BinderCrossing.Crossing x = BinderCrossing.crossing(binder.get(k), binder.get(k + 1),
                        spec.binderResamples(), context.seed(1_000_000L + k));
                found.add(x);
                Results.put(c, "T", x.temperature());
            } catch (IllegalArgumentException e) {
                c.putNull("T");
                c.put("note", e.getMessage());
            }
        }
        double tcExact = spec.criticalTemperature();
        out.put("tc_exact", tcExact);
        if (!found.isEmpty()) {
            Estimate tc = BinderCrossing.combine(found);
            Results.put(out, "tc", tc);
            JsonOutput.putNumber(out, "kc", 1 / tc.mean());
        } else {
            out.putNull("tc");
        }
        // χ ∝ L^{γ/ν} at the grid temperature nearest the exact T_c
        int nearest = 0;
        for (int k = 1; k < ts.length; k++) {
            if (Math.abs(ts[k] - tcExact) < Math.abs(ts[nearest] - tcExact)) {
                nearest = k;
            }
        }
        out.put("chi_temperature", ts[nearest]);
        if (spec.binderSizes().size() >= 2) {
            double[] l = new double[binder.size()];
            double[] chi = new double[l.length];
            double[] dchi = new double[l.length];
            for (int k = 0; k < l.length; k++) {
                l[k] = binder.get(k).linearSize();
                Estimate e = Results.estimate(curves.get(k).get("susceptibility").get(nearest));
                chi[k] = e.mean();
                dchi[k] = e.error();
            }
            try {
                PowerLawFit fit = PowerLawFit.fit(l, chi, dchi);
                Results.put(out, "gamma_over_nu", fit.exponent());
                out.put("gamma_over_nu_log_amplitude", fit.logAmplitude().mean());
                out.put("gamma_over_nu_chi2", fit.chiSquared());
                out.put("gamma_over_nu_dof", fit.degreesOfFreedom());
            } catch (IllegalArgumentException e) {
                out.put("gamma_over_nu_note", e.getMessage());
            }
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
            rows.add(new HtmlReport.Comparison("γ/ν from χ(T ≈ T_c) ∝ L^{γ/ν}", Results.estimate(result.get("gamma_over_nu")),
                    Results.number(result.get("gamma_over_nu_exact"))));
        }
        return rows;
    }

    @Override
    public void report(StudySpec spec, JsonNode result, HtmlReport report) throws IOException {
        StudySpec.Sampling s = spec.binderSampling();
        report.paragraph(String.format(Locale.ROOT, "U_L = 1 − ⟨m⁴⟩/(3⟨m²⟩²) measured for L = %s, one chain of "
                        + "%s per point (%d thermalisation and %d measured sweeps). Below T_c, U → 2/3; above, U → 0; at T_c it is "
                        + "scale-invariant, so curves of different L cross there (up to corrections that shrink "
                        + "with L). Crossing temperatures come from cubic interpolation, errors from resampling "
                        + "every point within its error bar; T_c is their inverse-variance mean.",
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
            int n = result.path("curves").size();
            double t = result.path("chi_temperature").asDouble();
            double[] l = new double[n];
            double[] chi = new double[n];
            double[] dchi = new double[n];
            for (int k = 0; k < n; k++) {
                JsonNode c = result.path("curves").get(k);
                l[k] = c.path("L").asInt();
                double[] ts = Results.doubles(c.get("T"));
                int idx = 0;
                while (ts[idx] != t) {
                    idx++;
                }
                Estimate e = Results.estimate(c.get("susceptibility").get(idx));
                chi[k] = e.mean();
                dchi[k] = e.error();
            }
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
            Plots.Builder chiPlot = Plots.xy(String.format(Locale.ROOT, "Susceptibility at T = %.4f", t),
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
            report.figure("Susceptibility χ = N(⟨m²⟩ − ⟨|m|⟩²)/T at the grid temperature nearest T_c, log-log: "
                    + "the slope is γ/ν (finite-size scaling). The exact-slope line is drawn through the largest L.",
                    chiPlot.chart());
        }
    }
}
