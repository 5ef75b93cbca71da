package dev.coarse.configuration;

import java.util.Objects;

/**
 * Configurations of continuous degrees of freedom (real or complex fields), one {@code double[]} each; complex
 * values interleaved, real part first.
 *
 * @param degreesOfFreedom what the values are; must be continuous
 * @param values           the configurations, all of one length; shared, not copied
 */
public record ContinuousConfigurations(DegreesOfFreedom degreesOfFreedom, double[][] values)
        implements Configurations {

    public ContinuousConfigurations {
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom");
        Objects.requireNonNull(values, "values");
        if (degreesOfFreedom.isDiscrete()) {
            throw new IllegalArgumentException(degreesOfFreedom + " are discrete: use DiscreteConfigurations");
        }
        for (int s = 1; s < values.length; s++) {
            if (values[s].length != values[0].length) {
                throw new IllegalArgumentException("configuration " + s + " has " + values[s].length
                        + " values, configuration 0 has " + values[0].length);
            }
        }
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public int length() {
        return values.length == 0 ? 0 : values[0].length;
    }

    @Override
    public double value(int sample, int index) {
        return values[sample][index];
    }

    @Override
    public void validateValues() {
        for (int s = 0; s < values.length; s++) {
            try {
                degreesOfFreedom.validate(values[s]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("configuration " + s + ": " + e.getMessage(), e);
            }
        }
    }
}
