package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.report.HtmlReport;
import dev.coarse.cli.report.Plots;
import dev.coarse.exact.Kaufman;
import dev.coarse.exact.Onsager;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.Observables;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.IncompleteGamma;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Energy and specific heat per site versus temperature for each size, set against Kaufman's exact finite-L
 * results (2D Ising; SCIENCE.md §1) with a χ² over all points.
 */
final class EnergyStage implements Stage {

    @Override
    public String name() {
        return "energy";
    }

    @Override
    public String title() {
        return "Energy and specific heat versus temperature";
    }

    private static boolean exact(StudySpec spec) {
        return spec.model().equals("ising2d");
    }

    @Override
    public ObjectNode run(StudySpec spec, StageContext context) {
        StudySpec.Sampling s = spec.energySampling();
        double[] ts = spec.energyTemperatures();
        context.expect(StageContext.work(s) * spec.energySizes().size() * ts.length);
        ObjectNode out = JsonOutput.object();
        ArrayNode points = out.putArray("points");
        double chi2E = 0;
        double chi2C = 0;
        int n = 0;
        long i = 0;
        for (int L : spec.energySizes()) {
            for (double t : ts) {
                ChainResult r = context.sample(spec.model(L, t), s, i++);
                Map<String, Estimate> obs = Observables.measure(r);
                ObjectNode p = points.addObject();
                p.put("L", L);
                p.put("T", t);
                Results.put(p, "energy_per_site", obs.get("energy_per_site"));
                Results.put(p, "specific_heat", obs.get("specific_heat"));
                if (exact(spec)) {
                    double e = Kaufman.energyPerSite(L, t);
                    double c = Kaufman.specificHeatPerSite(L, t);
                    p.put("exact_energy_per_site", e);
                    p.put("exact_specific_heat", c);
                    chi2E += square(obs.get("energy_per_site").sigmasFrom(e));
                    chi2C += square(obs.get("specific_heat").sigmasFrom(c));
                    n++;
                }
            }
        }
        if (n > 0) {
            out.put("chi2_energy", chi2E);
            out.put("chi2_specific_heat", chi2C);
            out.put("dof", n);
            JsonOutput.putNumber(out, "p_value_energy", IncompleteGamma.chiSquaredPValue(chi2E, n));
            JsonOutput.putNumber(out, "p_value_specific_heat", IncompleteGamma.chiSquaredPValue(chi2C, n));
        }
        return out;
    }

    private static double square(double x) {
        return Double.isFinite(x) ? x * x : 0;
    }

    @Override
    public List<HtmlReport.Comparison> summary(StudySpec spec, JsonNode result) {
        if (!exact(spec)) {
            return List.of();
        }
        // the point nearest T_c on the largest lattice: the hardest one
        JsonNode best = null;
        for (JsonNode p : result.path("points")) {
            if (best == null || p.path("L").asInt() > best.path("L").asInt()
                    || (p.path("L").asInt() == best.path("L").asInt()
                    && Math.abs(p.path("T").asDouble() - spec.criticalTemperature())
                    < Math.abs(best.path("T").asDouble() - spec.criticalTemperature()))) {
                best = p;
            }
        }
        if (best == null) {
            return List.of();
        }
        String at = String.format(Locale.ROOT, " (L = %d, T = %.4f; Kaufman)", best.path("L").asInt(), best.path("T").asDouble());
        return List.of(
                new HtmlReport.Comparison("energy per site" + at, Results.estimate(best.path("energy_per_site")),
                        best.path("exact_energy_per_site").asDouble()),
                new HtmlReport.Comparison("specific heat per site" + at, Results.estimate(best.path("specific_heat")),
                        best.path("exact_specific_heat").asDouble()));
    }

    @Override
    public void report(StudySpec spec, JsonNode result, HtmlReport report) throws IOException {
        StudySpec.Sampling s = spec.energySampling();
        report.paragraph(String.format(Locale.ROOT, "Each point: %d chains of %s, %d thermalisation and %d measured "
                + "sweeps, a sample every %d sweeps. Lines: Kaufman's exact result for the same finite periodic L×L lattice, "
                + "and Onsager's L = ∞ curve (dashed grey) for orientation; the specific heat "
                + "C = N(⟨e²⟩ − ⟨e⟩²)/T² peaks near T_c = %.4f and its peak grows like ln L.",
                s.chains(), s.sampler(), s.thermalize(), s.sweeps(), s.thin(), spec.criticalTemperature()));
        JsonNode points = result.path("points");
        List<Integer> sizes = spec.energySizes();
        double[] grid = StudySpec.linspace(min(spec.energyTemperatures()), max(spec.energyTemperatures()), 121);
        Plots.Builder energy = Plots.xy("Energy per site, " + Study.modelTitle(spec), "temperature T [J/k_B]",
                "energy per site e = ⟨H⟩/N [J]");
        Plots.Builder heat = Plots.xy("Specific heat per site, " + Study.modelTitle(spec), "temperature T [J/k_B]",
                "specific heat per site C [k_B]");
        Plots.Builder residual = Plots.xy("Deviation from Kaufman's exact result", "temperature T [J/k_B]",
                "(measured − exact) / error");
        boolean exact = exact(spec);
        for (int L : sizes) {
            List<JsonNode> mine = new ArrayList<>();
            points.forEach(p -> {
                if (p.path("L").asInt() == L) {
                    mine.add(p);
                }
            });
            JsonNode arr = JsonOutput.MAPPER.valueToTree(mine);
            double[] t = Results.values(arr, "T");
            energy.points("Monte Carlo, L = " + L, t, Results.column(arr, "energy_per_site", false),
                    Results.column(arr, "energy_per_site", true));
            heat.points("Monte Carlo, L = " + L, t, Results.column(arr, "specific_heat", false),
                    Results.column(arr, "specific_heat", true));
            if (exact) {
                double[] e = new double[grid.length];
                double[] c = new double[grid.length];
                for (int i = 0; i < grid.length; i++) {
                    e[i] = Kaufman.energyPerSite(L, grid[i]);
                    c[i] = Kaufman.specificHeatPerSite(L, grid[i]);
                }
                energy.line("exact (Kaufman), L = " + L, grid, e);
                heat.line("exact (Kaufman), L = " + L, grid, c);
                double[] dev = new double[t.length];
                double[] ee = Results.column(arr, "energy_per_site", false);
                double[] er = Results.column(arr, "energy_per_site", true);
                double[] ex = Results.values(arr, "exact_energy_per_site");
                for (int i = 0; i < t.length; i++) {
                    dev[i] = er[i] > 0 ? (ee[i] - ex[i]) / er[i] : 0;
                }
                residual.points("energy, L = " + L, t, dev);
            }
        }
        if (exact) {
            double[] e = new double[grid.length];
            double[] c = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                e[i] = Onsager.energyPerSite(grid[i]);
                c[i] = Math.min(Onsager.specificHeatPerSite(grid[i]), 10);
            }
            energy.line("exact, L = ∞ (Onsager)", grid, e);
            double tc = spec.criticalTemperature();
            residual.line("+2 errors", new double[] {grid[0], grid[grid.length - 1]}, new double[] {2, 2});
            residual.line("−2 errors", new double[] {grid[0], grid[grid.length - 1]}, new double[] {-2, -2});
            heat.line("T_c (Onsager)", new double[] {tc, tc}, new double[] {0, maxHeat(points) * 1.05});
        }
        XYChart energyChart = energy.chart();
        XYChart heatChart = heat.chart();
        XYChart residualChart = residual.chart();
        Charts.legend(energyChart, Styler.LegendPosition.InsideNW);
        Charts.legend(residualChart, Styler.LegendPosition.OutsideS);
        for (int k = 0; k < sizes.size(); k++) {
            String l = "L = " + sizes.get(k);
            Charts.colour(energyChart, "Monte Carlo, " + l, k);
            Charts.colour(heatChart, "Monte Carlo, " + l, k);
            if (exact) {
                Charts.colour(energyChart, "exact (Kaufman), " + l, k);
                Charts.colour(heatChart, "exact (Kaufman), " + l, k);
                Charts.colour(residualChart, "energy, " + l, k);
            }
        }
        if (exact) {
            Charts.reference(energyChart, "exact, L = ∞ (Onsager)");
            Charts.reference(heatChart, "T_c (Onsager)");
            Charts.reference(residualChart, "+2 errors");
            Charts.reference(residualChart, "−2 errors");
        }
        report.figure("Energy per site versus temperature: Monte Carlo points with ±1σ error bars, exact curves "
                + "as lines. The energy is continuous through T_c; its slope (the specific heat) is steepest there.",
                energyChart);
        report.figure("Specific heat per site versus temperature with the exact finite-L curves; the vertical "
                + "line marks the exact T_c of the infinite lattice. Finite lattices peak slightly above T_c.",
                heatChart);
        if (exact) {
            report.figure("Residuals of the energy in units of their error: for correct sampling and honest "
                    + "errors ~95% of points lie between the ±2 lines.", residualChart);
            report.paragraph(String.format(Locale.ROOT,
                    "Over all %d points: χ²(energy) = %.1f (p = %.3g), χ²(specific heat) = %.1f (p = %.3g). "
                            + "A p-value below ~0.001 would signal a sampling bias or underestimated errors.",
                    result.path("dof").asInt(), result.path("chi2_energy").asDouble(),
                    Results.number(result.get("p_value_energy")), result.path("chi2_specific_heat").asDouble(),
                    Results.number(result.get("p_value_specific_heat"))));
        }
    }

    private static double maxHeat(JsonNode points) {
        double m = 0;
        for (JsonNode p : points) {
            m = Math.max(m, Results.estimate(p.path("specific_heat")).mean());
            m = Math.max(m, Results.number(p.get("exact_specific_heat")));
        }
        return m;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
