package dev.coarse.learn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** A refilled buffer gives each batch its own values, the shape asked for, and refuses a batch of the wrong size. */
class BatchBufferTest {

    @Test
    void eachFillHoldsThatBatchsValues() {
        BatchBuffer buffer = new BatchBuffer(new Shape(2, 3));
        try (NDManager manager = TorchEngine.newManager()) {
            for (int batch = 0; batch < 3; batch++) {
                float[] values = new float[6];
                for (int i = 0; i < 6; i++) {
                    values[i] = batch * 10 + i + 0.5f;
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray a = buffer.fill(step, values);
                    assertThat(a.getShape()).isEqualTo(new Shape(2, 3));
                    assertThat(a.toFloatArray()).containsExactly(values);
                    // what a step computes from it is what the same values in a fresh array give
                    assertThat(a.sum(new int[] {1}).toFloatArray())
                            .containsExactly(step.create(values, new Shape(2, 3)).sum(new int[] {1}).toFloatArray());
                }
            }
        }
        try (NDManager manager = TorchEngine.newManager()) {
            assertThatThrownBy(() -> buffer.fill(manager, new float[5])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("5 values for shape (2, 3)");
        }
        assertThatThrownBy(() -> new BatchBuffer(new Shape(0, 3))).isInstanceOf(IllegalArgumentException.class);
    }
}
