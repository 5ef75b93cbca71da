package dev.coarse.configuration;

/**
 * N configurations of one kind of degrees of freedom, each a flat array of {@link #length()} values in the layout
 * {@link DegreesOfFreedom} describes. The arrays are shared, not copied: treat them as immutable.
 *
 * <p>Two forms, by what the values are: {@link DiscreteConfigurations} ({@code byte[]}: spins, states,
 * occupations) and {@link ContinuousConfigurations} ({@code double[]}: real and complex fields). Code that works
 * on either (estimators reading columns, writers) uses {@link #value} and {@link #column}; hot loops take the
 * arrays of the form they need.
 */
public sealed interface Configurations permits DiscreteConfigurations, ContinuousConfigurations {

    /** What each configuration holds. */
    DegreesOfFreedom degreesOfFreedom();

    /** Number of configurations N. */
    int size();

    /** Values per configuration (the same for all; 0 when there are none). */
    int length();

    /** Value {@code index} of configuration {@code sample}, as a double. */
    double value(int sample, int index);

    /** Value {@code index} of every configuration, in sample order, as a fresh array. */
    default double[] column(int index) {
        double[] out = new double[size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = value(s, index);
        }
        return out;
    }

    /**
     * Checks every value against {@link #degreesOfFreedom()} (±1 spins, labels below q, 0/1 occupations, finite
     * reals): what a reader of data made elsewhere calls before trusting it.
     *
     * @throws IllegalArgumentException naming the first bad value, its configuration and index
     */
    void validateValues();
}
