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
        ConfigurationArrays.requireOneLength(values.length, s -> values[s].length);
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
        ConfigurationArrays.validateEach(values.length, s -> degreesOfFreedom.validate(values[s]));
    }
}
