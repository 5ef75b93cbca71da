package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CriticalPointTest {

    @Test
    void squareIsingExponentsAreTheExactOnes() {
        CriticalPoint p = CriticalPoint.ising(2);
        assertThat(p.thermalExponent()).isEqualTo(1.0);
        assertThat(p.magneticExponent()).isEqualTo(15.0 / 8.0);
        assertThat(p.gammaOverNu()).isEqualTo(2 - p.eta());
        assertThat(p.criticalTemperature() * p.criticalCoupling()).isCloseTo(1.0, within(1e-15));
        assertThat(p.criticalTemperature()).isEqualTo(2.269185314213022);
    }

    @Test
    void cubicIsingUsesTheBootstrapExponents() {
        CriticalPoint p = CriticalPoint.ising(3);
        assertThat(p.exact()).isFalse();
        assertThat(p.criticalCoupling()).isCloseTo(0.221654626, within(1e-7));
        assertThat(p.thermalExponent()).isCloseTo(1.587375, within(1e-6));
        assertThat(p.magneticExponent()).isCloseTo(2.481851, within(1e-6));
        assertThat(p.gammaOverNu()).isCloseTo(2 - p.eta(), within(1e-15));
    }

    @Test
    void pottsTwoIsIsingAtHalfTheCoupling() {
        // δ(s,s') = (1 + ss')/2: the q = 2 Potts model is Ising with K_Ising = K_Potts / 2
        CriticalPoint potts = CriticalPoint.squarePotts(2);
        assertThat(potts.criticalCoupling() / 2).isCloseTo(CriticalPoint.SQUARE_ISING.criticalCoupling(), within(1e-15));
        assertThat(CriticalPoint.squarePotts(3).gammaOverNu()).isCloseTo(2 - 4.0 / 15.0, within(1e-15));
        assertThat(CriticalPoint.squarePotts(5).nu()).isNaN();
        assertThat(CriticalPoint.squarePotts(3).criticalTemperature())
                .isCloseTo(1 / CriticalPoint.squarePotts(3).criticalCoupling(), within(1e-15));
    }

    @Test
    void noCriticalPointWhereThereIsNone() {
        assertThatThrownBy(() -> CriticalPoint.ising(1)).hasMessageContaining("2D and 3D only");
        assertThatThrownBy(() -> CriticalPoint.squarePotts(1)).hasMessageContaining("at least 2");
    }
}
