package dev.coarse.cli.report;

import dev.coarse.data.AtomicFiles;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XY charts for reports: several series, each drawn as a line or as points, optionally with vertical
 * error bars, rendered to PNG without a display ({@code java.awt.headless=true}).
 *
 * <pre>{@code
 * XYChart chart = Plots.xy("Magnetisation of the 2D Ising model", "T", "<|m|>")
 *         .line("exact (Onsager)", temperatures, exact)
 *         .points("Wolff, L = 32", temperatures, measured, errors)
 *         .chart();
 * byte[] png = Plots.png(chart);
 * }</pre>
 */
public final class Plots {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Default size of a rendered chart, in pixels. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale print. */
    private static final Color[] SERIES_COLOURS = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0),
    };

    private Plots() {
    }

    /** The i-th colour of the palette (cyclic), for giving related series (points and their exact curve) one colour. */
    public static Color colour(int index) {
        return SERIES_COLOURS[Math.floorMod(index, SERIES_COLOURS.length)];
    }

    /** Starts a chart with a title and axis labels. */
    public static Builder xy(String title, String xLabel, String yLabel) {
        return new Builder(title, xLabel, yLabel);
    }

    /** The chart as PNG bytes. */
    public static byte[] png(XYChart chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Writes the chart as a PNG file, atomically. */
    public static void savePng(XYChart chart, Path file, boolean overwrite) throws IOException {
        byte[] bytes = png(chart);
        AtomicFiles.write(file, overwrite, tmp -> java.nio.file.Files.write(tmp, bytes));
    }

    /** Adds series to one chart; {@link #chart()} returns it. */
    public static final class Builder {
        private final XYChart chart;

        private Builder(String title, String xLabel, String yLabel) {
            chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                    .yAxisTitle(yLabel).build();
            Styler.LegendPosition legend = Styler.LegendPosition.InsideNE;
            chart.getStyler().setLegendPosition(legend).setChartBackgroundColor(Color.WHITE).setMarkerSize(7)
                    .setAntiAlias(true);
            chart.getStyler().setErrorBarsColorSeriesColor(true).setPlotGridLinesColor(new Color(225, 225, 225));
            chart.getStyler().setSeriesColors(SERIES_COLOURS);
        }

        /** A series drawn as a line through its points (e.g. an exact curve). */
        public Builder line(String name, double[] x, double[] y) {
            add(name, x, y, null).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line)
                    .setMarker(SeriesMarkers.NONE);
            return this;
        }

        /** A series drawn as points (e.g. measurements). */
        public Builder points(String name, double[] x, double[] y) {
            add(name, x, y, null).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            return this;
        }

        /** A series drawn as points with vertical error bars ±{@code yErrors}. */
        public Builder points(String name, double[] x, double[] y, double[] yErrors) {
            Objects.requireNonNull(yErrors, "yErrors");
            add(name, x, y, yErrors).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            return this;
        }

        /** A series drawn as a line with markers and vertical error bars ±{@code yErrors}. */
        public Builder lineWithErrors(String name, double[] x, double[] y, double[] yErrors) {
            Objects.requireNonNull(yErrors, "yErrors");
            add(name, x, y, yErrors).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            return this;
        }

        /** Logarithmic x and/or y axis (all values on that axis must be positive). */
        public Builder logarithmic(boolean x, boolean y) {
            chart.getStyler().setXAxisLogarithmic(x).setYAxisLogarithmic(y);
            return this;
        }

        public XYChart chart() {
            return chart;
        }

        private XYSeries add(String name, double[] x, double[] y, double[] yErrors) {
            if (x.length != y.length || (yErrors != null && yErrors.length != x.length)) {
                throw new IllegalArgumentException("series '" + name + "': x, y and errors must have equal lengths, got "
                        + x.length + ", " + y.length + (yErrors == null ? "" : ", " + yErrors.length));
            }
            if (x.length == 0) {
                throw new IllegalArgumentException("series '" + name + "' has no points");
            }
            return yErrors == null ? chart.addSeries(name, x, y) : chart.addSeries(name, x, y, yErrors);
        }
    }
}
