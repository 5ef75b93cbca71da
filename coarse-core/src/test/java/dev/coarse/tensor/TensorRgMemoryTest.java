package dev.coarse.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link TensorRgSettings#estimatedBytes}: the arrays of one step at the bond dimension the run reaches, by hand. */
class TensorRgMemoryTest {

    @Test
    void trgHoldsFourTensorsAndHotrgTwoContractionsOfChiToTheFifth() {
        // the Ising bond 2 squares to 4, 16, then χ = 24 within the 30 steps
        assertThat(TensorRgSettings.infinite(Scheme.BTRG, 24, 30, false).estimatedBytes(2))
                .isEqualTo(4L * 24 * 24 * 24 * 24 * 8);
        assertThat(TensorRgSettings.infinite(Scheme.TRG, 24, 30, false).estimatedBytes(2))
                .isEqualTo(4L * 24 * 24 * 24 * 24 * 8);
        assertThat(TensorRgSettings.infinite(Scheme.HOTRG, 24, 30, false).estimatedBytes(2))
                .isEqualTo((24L * 24 * 24 * 24 + 2L * 24 * 24 * 24 * 24 * 24) * 8);
    }

    @Test
    void aRunTooShortToReachChiIsEstimatedAtTheBondItReaches() {
        // an L = 4 torus takes 2 steps: bond 2 → 4 → 16 < χ = 64
        assertThat(TensorRgSettings.torus(Scheme.BTRG, 64, 4, false).estimatedBytes(2))
                .isEqualTo(4L * 16 * 16 * 16 * 16 * 8);
        // a local bond above χ: at most χ
        assertThat(TensorRgSettings.infinite(Scheme.TRG, 4, 1, false).estimatedBytes(9))
                .isEqualTo(4L * 4 * 4 * 4 * 4 * 8);
    }
}
