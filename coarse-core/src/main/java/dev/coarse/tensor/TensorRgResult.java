package dev.coarse.tensor;

import java.util.List;

/**
 * What a tensor RG run computed.
 *
 * @param settings   how it ran
 * @param lnZPerSite ln Z / N: for the infinite lattice the normalisations of all steps plus ln Tr(T)/2<sup>steps</sup>;
 *                   for a torus exactly (up to truncation) ln Z / L²
 * @param steps      one record per step, in order
 */
public record TensorRgResult(TensorRgSettings settings, double lnZPerSite, List<RgStep> steps) {

    public TensorRgResult {
        if (settings == null || steps == null) {
            throw new IllegalArgumentException("settings and steps are needed");
        }
        steps = List.copyOf(steps);
    }

    /** ln Z of the whole torus (L² ln Z per site); for the infinite lattice, NaN. */
    public double lnZ() {
        return settings.isInfinite() ? Double.NaN : lnZPerSite * settings.torusSize() * (double) settings.torusSize();
    }

    /** The free energy per site f = −T ln Z / N at temperature T. */
    public double freeEnergyPerSite(double temperature) {
        return -temperature * lnZPerSite;
    }

    /** The largest truncation error of any step. */
    public double maxTruncationError() {
        return steps.stream().mapToDouble(RgStep::truncationError).max().orElse(0);
    }

    /**
     * The step whose conformal data changed least from the step before: the plateau between the approach to the
     * fixed point and the drift that truncation causes later. The change is |Δc| + |Δx₁| + |Δx₂|; steps without
     * two scaling dimensions or with a central charge below {@link #TRIVIAL_CHARGE} (the trivial fixed points
     * of an off-critical or truncated flow, also stationary) are skipped. Null when no step qualifies.
     */
    public RgStep bestConformalStep() {
        RgStep best = null;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < steps.size(); i++) {
            ConformalData a = steps.get(i - 1).conformal();
            ConformalData b = steps.get(i).conformal();
            if (!usable(a) || !usable(b)) {
                continue;
            }
            double[] xa = a.scalingDimensions();
            double[] xb = b.scalingDimensions();
            double change = Math.abs(b.centralCharge() - a.centralCharge()) + Math.abs(xb[0] - xa[0])
                    + Math.abs(xb[1] - xa[1]);
            if (change < smallest) {
                smallest = change;
                best = steps.get(i);
            }
        }
        return best;
    }

    /** A central charge below this marks a trivial (non-critical) fixed point. */
    public static final double TRIVIAL_CHARGE = 0.1;

    private static boolean usable(ConformalData c) {
        return c != null && Double.isFinite(c.centralCharge()) && c.centralCharge() > TRIVIAL_CHARGE
                && c.scalingDimensions().length >= 2;
    }
}
