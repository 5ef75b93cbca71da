package dev.coarse.learn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link FlowSettings#estimatedBytes} and {@link FlowFile#estimatedBytes}, counted by hand. */
class FlowMemoryTest {

    private static final FlowSettings SETTINGS = new FlowSettings(1, 1, 2, 16, 1, 1, 0.01, 100, true, 1);

    @Test
    void batchesDrawsAndWeightsAreCountedOnTheJavaHeap() {
        // L = 4, one channel: 16 variables. Three batches of 16 float fields, 36 bytes for each of 100 draws, and
        // the weights four times: 2 levels × 2 blocks × 1 coupling of (4 weights 2→2 + 2 biases, 8 weights 2→4 + 4
        // biases, 2 scales) = 4 × 20 = 80 floats
        long expected = 3L * 16 * 16 * 4 + 36L * 100 + 4L * 80 * 4;
        assertThat(SETTINGS.estimatedBytes(4, 1)).isEqualTo(expected);
    }

    @Test
    void theIsingTargetAddsItsDenseInverseCoupling() {
        long phi4 = FlowFile.estimatedBytes("phi4", 8, SETTINGS);
        assertThat(phi4).isEqualTo(SETTINGS.estimatedBytes(8, 1));
        assertThat(FlowFile.estimatedBytes("ising2d", 8, SETTINGS) - phi4).isEqualTo(8L * 8 * 8 * 8 * 8);
        assertThat(FlowFile.estimatedBytes("phi4c", 8, SETTINGS)).isEqualTo(SETTINGS.estimatedBytes(8, 2));
        assertThat(FlowFile.estimatedBytes("ising2d", 1 << 20, SETTINGS)).isEqualTo(Long.MAX_VALUE);
    }
}
