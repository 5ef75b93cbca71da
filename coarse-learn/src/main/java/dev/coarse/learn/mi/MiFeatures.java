package dev.coarse.learn.mi;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.DegreesOfFreedom;
import java.util.BitSet;

/**
 * What a critic reads of configurations: the chosen values of each configuration as one row of numbers, as
 * {@link dev.coarse.info.KsgEstimator#mutualInformation(Configurations, int[], int[])} chooses them (value indices
 * in the flat layout of {@link DegreesOfFreedom}), so that ensembles of spins, labels, occupations and fields all
 * work. Spins (±1), occupations (0/1) and real or complex components are one number each; a q-state label is q
 * numbers, one-hot, because read as one number it would tell the network of an order between the states that the
 * model does not have.
 */
public final class MiFeatures {

    private MiFeatures() {
    }

    /**
     * One row per configuration: the features of values {@code indices}, in order. Not modified.
     *
     * @throws IllegalArgumentException for an empty selection, an index outside the configurations, a repeated
     *                                  index, or no configurations
     */
    public static double[][] of(Configurations configurations, int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a variable needs at least one value index");
        }
        if (configurations.size() == 0) {
            throw new IllegalArgumentException("there are no configurations");
        }
        BitSet seen = new BitSet();
        for (int index : indices) {
            if (index < 0 || index >= configurations.length()) {
                throw new IllegalArgumentException("value index " + index + " outside the configurations' 0.."
                        + (configurations.length() - 1));
            }
            if (seen.get(index)) {
                throw new IllegalArgumentException("value index " + index + " is chosen twice");
            }
            seen.set(index);
        }
        DegreesOfFreedom dof = configurations.degreesOfFreedom();
        int width = dof.values() == DegreesOfFreedom.Values.STATE ? dof.states() : 1;
        double[][] rows = new double[configurations.size()][indices.length * width];
        for (int s = 0; s < rows.length; s++) {
            for (int j = 0; j < indices.length; j++) {
                double v = configurations.value(s, indices[j]);
                if (width == 1) {
                    rows[s][j] = v;
                } else {
                    int label = (int) v;
                    if (label != v || label < 0 || label >= width) {
                        throw new IllegalArgumentException("configuration " + s + " has label " + v + " at index "
                                + indices[j] + ", outside 0.." + (width - 1));
                    }
                    rows[s][j * width + label] = 1;
                }
            }
        }
        return rows;
    }
}
