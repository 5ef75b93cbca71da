package dev.coarse.configuration;

import java.util.Objects;

/**
 * Configurations of discrete degrees of freedom (spins, states, occupations), one {@code byte[]} each.
 *
 * @param degreesOfFreedom what the values are; must be discrete
 * @param values           the configurations, all of one length; shared, not copied
 */
public record DiscreteConfigurations(DegreesOfFreedom degreesOfFreedom, byte[][] values) implements Configurations {

    public DiscreteConfigurations {
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom");
        Objects.requireNonNull(values, "values");
        if (!degreesOfFreedom.isDiscrete()) {
            throw new IllegalArgumentException(degreesOfFreedom + " are continuous: use ContinuousConfigurations");
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
