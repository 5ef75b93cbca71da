package dev.coarse.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Series styling for the study's charts: one colour per lattice size, reference values as dashed grey lines. */
final class Charts {

    private static final Color REFERENCE = new Color(90, 90, 90);
    private static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {7f, 5f}, 0f);
    private static final BasicStroke DOTTED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {2f, 4f}, 0f);

    private Charts() {
    }

    /** Moves the legend (to a corner the data leave free, or below the plot). */
    static void legend(XYChart chart, Styler.LegendPosition position) {
        chart.getStyler().setLegendPosition(position);
    }

    /** Gives the named series palette colour {@code index}. */
    static void colour(XYChart chart, String series, int index) {
        XYSeries s = chart.getSeriesMap().get(series);
        Color c = Plots.colour(index);
        s.setMarkerColor(c);
        s.setLineColor(c);
    }

    /** Draws the named series as a dashed grey reference line (exact values, T_c markers). */
    static void reference(XYChart chart, String series) {
        XYSeries s = chart.getSeriesMap().get(series);
        s.setLineColor(REFERENCE);
        s.setLineStyle(DASHED);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Draws the named series as a dotted line of palette colour {@code index} (secondary references). */
    static void dotted(XYChart chart, String series, int index) {
        XYSeries s = chart.getSeriesMap().get(series);
        s.setLineColor(Plots.colour(index));
        s.setLineStyle(DOTTED);
        s.setMarker(SeriesMarkers.NONE);
    }
}
