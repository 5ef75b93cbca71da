package dev.coarse.cli.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;

/**
 * The order-to-chaos phase diagram of deep random networks drawn the way Poole et al. (2016) and Schoenholz et al.
 * (2017) draw it: log₁₀ ξ<sub>c</sub> as a heat map over (σ<sub>w</sub>², σ<sub>b</sub>²), capped where it diverges,
 * and the line χ₁ = 1. Used by {@code coarse emerge deepnet --phase-diagram} and the criticality stage's report.
 */
public final class PhaseDiagramCharts {

    /** log₁₀ ξ<sub>c</sub> is capped here: it diverges on the line χ₁ = 1. */
    public static final double LOG_CAP = 3;

    private PhaseDiagramCharts() {
    }

    /** The heat map of log₁₀ ξ<sub>c</sub>[row][column] over the grid; NaN cells (q diverges) are left blank. */
    public static HeatMapChart heatMap(String activation, double[] sigmaW2, double[] sigmaB2, double[][] xiC) {
        List<Number[]> cells = new ArrayList<>();
        for (int j = 0; j < sigmaB2.length; j++) {
            for (int i = 0; i < sigmaW2.length; i++) {
                double xi = xiC[j][i];
                double v = Double.isNaN(xi) ? Double.NaN : Math.min(LOG_CAP, Math.log10(Math.max(xi, 1e-3)));
                if (!Double.isNaN(v)) {
                    cells.add(new Number[] {i, j, v});
                }
            }
        }
        HeatMapChart heat = new HeatMapChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT)
                .title("log10 xi_c (" + activation + "), capped at " + (int) LOG_CAP).xAxisTitle("sigma_w^2")
                .yAxisTitle("sigma_b^2").build();
        heat.addSeries("xi_c", sparseLabels(sigmaW2), sparseLabels(sigmaB2), cells);
        heat.getStyler().setShowValue(false).setChartBackgroundColor(java.awt.Color.WHITE);
        return heat;
    }

    /** The line χ₁ = 1: σ<sub>w</sub>² of each σ<sub>b</sub>² row (rows without a root are left out), or null. */
    public static XYChart line(String activation, double[] lineSigmaW2, double[] sigmaB2) {
        List<Double> w = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int j = 0; j < sigmaB2.length; j++) {
            if (!Double.isNaN(lineSigmaW2[j])) {
                w.add(lineSigmaW2[j]);
                b.add(sigmaB2[j]);
            }
        }
        if (w.isEmpty()) {
            return null;
        }
        XYChart chart = Plots.xy("Order-to-chaos line chi_1 = 1 (" + activation + ")", "sigma_w^2", "sigma_b^2")
                .line("chi_1 = 1", w.stream().mapToDouble(Double::doubleValue).toArray(),
                        b.stream().mapToDouble(Double::doubleValue).toArray()).chart();
        chart.getStyler().setYAxisDecimalPattern("0.00").setXAxisDecimalPattern("0.00");
        return chart;
    }

    /** A heat map as PNG bytes. */
    public static byte[] png(HeatMapChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out);
        return out.toByteArray();
    }

    private static List<String> sparseLabels(double[] values) {
        int every = Math.max(1, values.length / 6);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            labels.add(i % every == 0 ? String.format(Locale.ROOT, "%.2f", values[i]) : " ".repeat(i + 1));
        }
        return labels;
    }
}
