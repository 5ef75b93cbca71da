package dev.coarse.cli.report;

import dev.coarse.study.EnergyResult;
import dev.coarse.study.EnergySettings;
import dev.coarse.study.EnergyStage;
import dev.coarse.study.Sampling;
import dev.coarse.study.StudyModel;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** The energy stage: e(T) and C(T) per size against Kaufman's exact finite-L curves, residuals and their χ². */
final class EnergyRenderer extends StageRenderer<EnergyResult> {

    EnergyRenderer() {
        super(EnergyStage.NAME, EnergyResult.class, "Energy and specific heat versus temperature");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, EnergyResult result) {
        if (!EnergyStage.hasExactValues(spec.model())) {
            return List.of();
        }
        double tc = spec.model().criticalPoint().criticalTemperature();
        // the point nearest T_c on the largest lattice: the hardest one
        EnergyResult.Point best = null;
        for (EnergyResult.Point p : result.points()) {
            if (best == null || p.linearSize() > best.linearSize() || (p.linearSize() == best.linearSize()
                    && Math.abs(p.temperature() - tc) < Math.abs(best.temperature() - tc))) {
                best = p;
            }
        }
        if (best == null) {
            return List.of();
        }
        String at = String.format(Locale.ROOT, " (L = %d, T = %.4f; Kaufman)", best.linearSize(), best.temperature());
        EnergyResult.Exact exact = best.exact().orElseThrow();
        return List.of(
                new HtmlReport.Comparison("energy per site" + at, best.energyPerSite(), exact.energyPerSite()),
                new HtmlReport.Comparison("specific heat per site" + at, best.specificHeat(), exact.specificHeat()));
    }

    @Override
    void render(StudySpec spec, EnergyResult result, HtmlReport report) throws IOException {
        EnergySettings settings = spec.settings(EnergySettings.class);
        StudyModel model = spec.model();
        Sampling s = settings.sampling();
        double tc = model.criticalPoint().criticalTemperature();
        String title = model.criticalPoint().name();
        report.paragraph(String.format(Locale.ROOT, "Each point: %d chains of %s, %d thermalisation and %d measured "
                + "sweeps, a sample every %d sweeps. Lines: Kaufman's exact result for the same finite periodic L×L lattice, "
                + "and Onsager's L = ∞ curve (dashed grey) for orientation; the specific heat "
                + "C = N(⟨e²⟩ − ⟨e⟩²)/T² peaks near T_c = %.4f and its peak grows like ln L.",
                s.chains(), s.sampler().id(), s.thermalize(), s.sweeps(), s.thin(), tc));
        List<Integer> sizes = settings.sizes();
        double[] temperatures = settings.temperatures();
        double[] grid = StudySpec.evenlySpaced(StudyReport.min(temperatures), StudyReport.max(temperatures), 121);
        Plots.Builder energy = Plots.xy("Energy per site, " + title, "temperature T [J/k_B]",
                "energy per site e = ⟨H⟩/N [J]");
        Plots.Builder heat = Plots.xy("Specific heat per site, " + title, "temperature T [J/k_B]",
                "specific heat per site C [k_B]");
        Plots.Builder residual = Plots.xy("Deviation from Kaufman's exact result", "temperature T [J/k_B]",
                "(measured − exact) / error");
        boolean exact = EnergyStage.hasExactValues(model);
        for (int size : sizes) {
            List<EnergyResult.Point> mine = result.pointsOf(size);
            double[] t = mine.stream().mapToDouble(EnergyResult.Point::temperature).toArray();
            double[] e = mine.stream().mapToDouble(p -> p.energyPerSite().mean()).toArray();
            double[] de = mine.stream().mapToDouble(p -> p.energyPerSite().error()).toArray();
            energy.points("Monte Carlo, L = " + size, t, e, de);
            heat.points("Monte Carlo, L = " + size, t, mine.stream().mapToDouble(p -> p.specificHeat().mean()).toArray(),
                    mine.stream().mapToDouble(p -> p.specificHeat().error()).toArray());
            if (exact) {
                double[][] curves = EnergyStage.exactCurves(model, size, grid).orElseThrow();
                energy.line("exact (Kaufman), L = " + size, grid, curves[0]);
                heat.line("exact (Kaufman), L = " + size, grid, curves[1]);
                double[] dev = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    double reference = mine.get(i).exact().map(EnergyResult.Exact::energyPerSite).orElse(Double.NaN);
                    dev[i] = de[i] > 0 ? (e[i] - reference) / de[i] : 0;
                }
                residual.points("energy, L = " + size, t, dev);
            }
        }
        if (exact) {
            energy.line("exact, L = ∞ (Onsager)", grid, EnergyStage.infiniteLatticeEnergy(model, grid).orElseThrow());
            residual.line("+2 errors", new double[] {grid[0], grid[grid.length - 1]}, new double[] {2, 2});
            residual.line("−2 errors", new double[] {grid[0], grid[grid.length - 1]}, new double[] {-2, -2});
            heat.line("T_c (Onsager)", new double[] {tc, tc}, new double[] {0, maxHeat(result) * 1.05});
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
            EnergyResult.ChiSquared chi2 = result.chiSquared().orElseThrow();
            report.paragraph(String.format(Locale.ROOT,
                    "Over all %d points: χ²(energy) = %.1f (p = %.3g), χ²(specific heat) = %.1f (p = %.3g). "
                            + "A p-value below ~0.001 would signal a sampling bias or underestimated errors.",
                    chi2.degreesOfFreedom(), chi2.energy(), chi2.pValueEnergy(), chi2.specificHeat(),
                    chi2.pValueSpecificHeat()));
        }
    }

    private static double maxHeat(EnergyResult result) {
        double m = 0;
        for (EnergyResult.Point p : result.points()) {
            m = Math.max(m, p.specificHeat().mean());
            m = Math.max(m, p.exact().map(EnergyResult.Exact::specificHeat).orElse(Double.NaN));
        }
        return m;
    }
}
