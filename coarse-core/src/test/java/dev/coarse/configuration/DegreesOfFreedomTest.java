package dev.coarse.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import org.junit.jupiter.api.Test;

class DegreesOfFreedomTest {

    @Test
    void lengthCountsElementsComponentsAndParts() {
        Lattice square = Lattice.square(6);
        assertThat(DegreesOfFreedom.isingSpins().length(square)).isEqualTo(36);
        assertThat(DegreesOfFreedom.pottsStates(3).length(square)).isEqualTo(36);
        assertThat(DegreesOfFreedom.bondOccupations().length(square)).isEqualTo(72);
        assertThat(DegreesOfFreedom.bondOccupations().length(Lattice.cubic(4))).isEqualTo(3 * 64);
        assertThat(DegreesOfFreedom.realField().withComponents(3).length(square)).isEqualTo(108);
        assertThat(DegreesOfFreedom.complexField().length(square)).isEqualTo(72);
        assertThat(DegreesOfFreedom.complexField().withComponents(2).length(square)).isEqualTo(144);
    }

    @Test
    void statesMustFitTheKind() {
        assertThatThrownBy(() -> new DegreesOfFreedom(DegreesOfFreedom.Values.SPIN, 3, DegreesOfFreedom.Support.SITES, 1))
                .hasMessageContaining("spin values have 2 states, got 3");
        assertThatThrownBy(() -> DegreesOfFreedom.pottsStates(1)).hasMessageContaining("2 ≤ q ≤ 127");
        assertThatThrownBy(() -> DegreesOfFreedom.pottsStates(128)).hasMessageContaining("2 ≤ q ≤ 127");
        assertThatThrownBy(() -> new DegreesOfFreedom(DegreesOfFreedom.Values.REAL, 2, DegreesOfFreedom.Support.SITES, 1))
                .hasMessageContaining("continuous");
        assertThatThrownBy(() -> DegreesOfFreedom.realField().withComponents(0)).hasMessageContaining("at least 1");
    }

    @Test
    void validationNamesTheFirstBadValue() {
        DegreesOfFreedom.isingSpins().validate(new byte[] {1, -1, 1});
        assertThatThrownBy(() -> DegreesOfFreedom.isingSpins().validate(new byte[] {1, 0, 1}))
                .hasMessage("value 0 at index 1 is not a spin (−1 or +1)");
        assertThatThrownBy(() -> DegreesOfFreedom.pottsStates(3).validate(new byte[] {0, 2, 3}))
                .hasMessage("value 3 at index 2 is not a state label 0..2");
        assertThatThrownBy(() -> DegreesOfFreedom.bondOccupations().validate(new byte[] {0, -1}))
                .hasMessage("value -1 at index 1 is not an occupation (0 or 1)");
        assertThatThrownBy(() -> DegreesOfFreedom.realField().validate(new double[] {0.5, Double.NaN}))
                .hasMessage("value NaN at index 1 is not finite");
        assertThatThrownBy(() -> DegreesOfFreedom.realField().validate(new byte[] {1}))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DegreesOfFreedom.isingSpins().validate(new double[] {1}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fileNamesRoundTrip() {
        for (DegreesOfFreedom.Values v : DegreesOfFreedom.Values.values()) {
            assertThat(DegreesOfFreedom.Values.ofId(v.id())).isEqualTo(v);
        }
        for (DegreesOfFreedom.Support s : DegreesOfFreedom.Support.values()) {
            assertThat(DegreesOfFreedom.Support.ofId(s.id())).isEqualTo(s);
        }
        assertThatThrownBy(() -> DegreesOfFreedom.Values.ofId("vector")).hasMessageContaining("known: spin, state");
        assertThatThrownBy(() -> DegreesOfFreedom.Support.ofId("plaquettes")).hasMessageContaining("known: sites, bonds");
    }

    @Test
    void describesItselfForMessages() {
        assertThat(DegreesOfFreedom.isingSpins()).hasToString("±1 spins on sites");
        assertThat(DegreesOfFreedom.pottsStates(3).withComponents(2)).hasToString("3-state labels on sites ×2");
        assertThat(DegreesOfFreedom.bondOccupations()).hasToString("0/1 occupations on bonds");
    }
}
