package dev.coarse.learn.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.data.DataShape;
import org.junit.jupiter.api.Test;

/** {@link Reduction#estimatedBytes}: the reader's arrays, the columns, and each method's own copy, by hand. */
class ReductionMemoryTest {

    @Test
    void eachMethodAddsItsCopyOfTheData() {
        DataShape ensemble = new DataShape(DataShape.Kind.ENSEMBLE, 10, 64, 1);
        long read = 10 * (64 + 24);
        long columns = 64 * (10 * 8 + 24);
        assertThat(Reduction.estimatedBytes(ensemble, Reduction.Method.LINEAR_COREX)).isEqualTo(read + columns);
        assertThat(Reduction.estimatedBytes(ensemble, Reduction.Method.COREX)).isEqualTo(read + columns + 640);
        assertThat(Reduction.estimatedBytes(ensemble, Reduction.Method.MAJORITY)).isEqualTo(read + columns + read);
        assertThat(Reduction.estimatedBytes(ensemble, Reduction.Method.RGFLOW)).isEqualTo(read + columns + 640 * 5);
        // a CSV's reader already holds the columns
        DataShape csv = new DataShape(DataShape.Kind.CSV, 10, 3, 8);
        assertThat(Reduction.estimatedBytes(csv, Reduction.Method.LINEAR_COREX)).isEqualTo(csv.readBytes());
    }
}
