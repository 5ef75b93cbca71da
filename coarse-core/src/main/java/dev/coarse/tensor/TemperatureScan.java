package dev.coarse.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Free energy and specific heat on a grid of temperatures ({@link Thermodynamics} at each), and T<sub>c</sub> from
 * the specific-heat peak: the vertex of the parabola through the largest C and its two neighbours. Its error is the
 * distance to the vertex of the parabola through the largest C and the grid points two away — how much the
 * interpolation depends on the grid (plus, unstated, the finite-χ shift of the peak, which the scan cannot see).
 *
 * @param points            one per temperature, ascending
 * @param criticalTemperature the interpolated peak, NaN if the largest C is at an end of the grid
 * @param criticalError     the interpolation error above (NaN when it cannot be formed)
 */
public record TemperatureScan(List<Thermodynamics> points, double criticalTemperature, double criticalError) {

    public TemperatureScan {
        points = List.copyOf(points);
    }

    /**
     * @param temperatures at least 3, ascending and evenly spaced
     */
    public static TemperatureScan run(TensorModel model, TensorRgSettings settings, double[] temperatures) {
        if (temperatures.length < 3) {
            throw new IllegalArgumentException("a scan needs at least 3 temperatures, got " + temperatures.length);
        }
        List<Thermodynamics> points = new ArrayList<>();
        for (double t : temperatures) {
            points.add(Thermodynamics.of(model.atTemperature(t), settings));
        }
        int top = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).specificHeat() > points.get(top).specificHeat()) {
                top = i;
            }
        }
        if (top == 0 || top == points.size() - 1) {
            return new TemperatureScan(points, Double.NaN, Double.NaN);
        }
        double vertex = vertex(points, top, 1);
        double wide = top >= 2 && top + 2 < points.size() ? vertex(points, top, 2) : Double.NaN;
        double spacing = temperatures[1] - temperatures[0];
        double error = Double.isNaN(wide) ? spacing / 2 : Math.abs(vertex - wide);
        return new TemperatureScan(points, vertex, error);
    }

    /** The vertex of the parabola through points top − s, top, top + s. */
    private static double vertex(List<Thermodynamics> p, int top, int s) {
        double t0 = p.get(top - s).temperature();
        double t1 = p.get(top).temperature();
        double t2 = p.get(top + s).temperature();
        double c0 = p.get(top - s).specificHeat();
        double c1 = p.get(top).specificHeat();
        double c2 = p.get(top + s).specificHeat();
        double num = (t1 - t0) * (t1 - t0) * (c1 - c2) - (t1 - t2) * (t1 - t2) * (c1 - c0);
        double den = (t1 - t0) * (c1 - c2) - (t1 - t2) * (c1 - c0);
        return t1 - 0.5 * num / den;
    }
}
