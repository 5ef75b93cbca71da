package dev.coarse.tensor;

import java.util.Arrays;

/**
 * What {@link GuWen} reads from one tensor.
 *
 * @param centralCharge      c from the leading eigenvalues of the width-1 and width-2 transfer matrices (NaN if
 *                           one is not positive)
 * @param scalingDimensions  the lowest x<sub>i</sub> &gt; 0 from the width-2 matrix, ascending (x₀ = 0 omitted)
 * @param logLeadingWidthOne ln λ₀ of the width-1 transfer matrix
 * @param logLeadingWidthTwo ln λ₀ of the width-2 transfer matrix
 */
public record ConformalData(double centralCharge, double[] scalingDimensions, double logLeadingWidthOne,
                            double logLeadingWidthTwo) {

    public ConformalData {
        if (scalingDimensions == null) {
            throw new IllegalArgumentException("scaling dimensions must not be null");
        }
        scalingDimensions = scalingDimensions.clone();
    }

    @Override
    public double[] scalingDimensions() {
        return scalingDimensions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConformalData d && Double.compare(d.centralCharge, centralCharge) == 0
                && Arrays.equals(d.scalingDimensions, scalingDimensions)
                && Double.compare(d.logLeadingWidthOne, logLeadingWidthOne) == 0
                && Double.compare(d.logLeadingWidthTwo, logLeadingWidthTwo) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(centralCharge) * 31 + Arrays.hashCode(scalingDimensions);
    }
}
