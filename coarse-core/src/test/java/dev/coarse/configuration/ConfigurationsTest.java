package dev.coarse.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigurationsTest {

    @Test
    void discreteValuesReadAsNumbers() {
        Configurations c = new DiscreteConfigurations(DegreesOfFreedom.isingSpins(),
                new byte[][] {{1, -1, 1}, {-1, -1, 1}});
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.length()).isEqualTo(3);
        assertThat(c.value(1, 0)).isEqualTo(-1.0);
        assertThat(c.column(1)).containsExactly(-1.0, -1.0);
        c.validateValues();
    }

    @Test
    void continuousValuesReadAsTheyAre() {
        Configurations c = new ContinuousConfigurations(DegreesOfFreedom.complexField(),
                new double[][] {{0.5, -0.25}, {1.5, 2.0}});
        assertThat(c.length()).isEqualTo(2);
        assertThat(c.column(1)).containsExactly(-0.25, 2.0);
        c.validateValues();
    }

    @Test
    void theFormMatchesTheValues() {
        assertThatThrownBy(() -> new DiscreteConfigurations(DegreesOfFreedom.realField(), new byte[0][]))
                .hasMessageContaining("use ContinuousConfigurations");
        assertThatThrownBy(() -> new ContinuousConfigurations(DegreesOfFreedom.isingSpins(), new double[0][]))
                .hasMessageContaining("use DiscreteConfigurations");
    }

    @Test
    void everyConfigurationHasOneLength() {
        assertThatThrownBy(() -> new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), new byte[][] {{1}, {1, 1}}))
                .hasMessage("configuration 1 has 2 values, configuration 0 has 1");
        assertThatThrownBy(() -> new ContinuousConfigurations(DegreesOfFreedom.realField(), new double[][] {{1}, {}}))
                .hasMessage("configuration 1 has 0 values, configuration 0 has 1");
    }

    @Test
    void validationNamesTheConfiguration() {
        Configurations spins = new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), new byte[][] {{1}, {0}});
        assertThatThrownBy(spins::validateValues).hasMessage("configuration 1: value 0 at index 0 is not a spin (−1 or +1)");
        Configurations field = new ContinuousConfigurations(DegreesOfFreedom.realField(),
                new double[][] {{Double.POSITIVE_INFINITY}});
        assertThatThrownBy(field::validateValues).hasMessage("configuration 0: value Infinity at index 0 is not finite");
    }

    @Test
    void anEmptySetHasLengthZero() {
        assertThat(new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), new byte[0][]).length()).isZero();
    }
}
