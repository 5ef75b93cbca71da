package dev.coarse.cli.rbm;

import dev.coarse.learn.rbm.RbmRecipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders docs/img/rbm-flow.png, the exact-KL recipe's map J → J′ for blocks 2 and 3 with the diagonal.
 * Not a test: run by hand, {@code java -cp … dev.coarse.cli.rbm.RbmFlowPlot docs/img/rbm-flow.png}.
 */
public final class RbmFlowPlot {

    private RbmFlowPlot() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/img/rbm-flow.png");
        XYChart chart = new XYChartBuilder().width(720).height(540).title("RBM plaquette RG: J -> J' = R(J)")
                .xAxisTitle("J").yAxisTitle("J'").build();
        chart.getStyler().setYAxisMax(1.2).setYAxisMin(0.0);
        for (int block : new int[] {2, 3}) {
            List<double[]> flow = RbmRecipe.flowGrid(0.02, 60, j -> RbmRecipe.exactMap(block, j));
            double[] x = flow.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = flow.stream().mapToDouble(p -> p[1]).toArray();
            double star = RbmRecipe.exact(block).fixedPoint().couplingStar().mean();
            chart.addSeries(String.format("block %d (J* = %.4f)", block, star), x, y).setMarker(SeriesMarkers.NONE);
        }
        chart.addSeries("J' = J", new double[] {0, 1.2}, new double[] {0, 1.2}).setMarker(SeriesMarkers.NONE);
        chart.addSeries("K_c = 0.4407", new double[] {0.4407, 0.4407}, new double[] {0, 1.2})
                .setMarker(SeriesMarkers.NONE);
        double[] steps = RbmRecipe.iterate(j -> RbmRecipe.exactMap(2, j), 0.52, 6);
        double[] cx = new double[2 * steps.length - 1];
        double[] cy = new double[2 * steps.length - 1];
        cx[0] = steps[0];
        cy[0] = steps[0];
        for (int k = 1; k < steps.length; k++) {
            cx[2 * k - 1] = steps[k - 1];
            cy[2 * k - 1] = steps[k];
            cx[2 * k] = steps[k];
            cy[2 * k] = steps[k];
        }
        chart.addSeries("iterates from J = 0.52 (block 2)", cx, cy).setMarker(SeriesMarkers.CIRCLE);
        BitmapEncoder.saveBitmap(chart, out.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
