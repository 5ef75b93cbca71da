package dev.coarse.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.mc.RunSpec;
import org.junit.jupiter.api.Test;

class MemoryGuardTest {

    private static final long GIB = 1L << 30;

    @Test
    void refusesWhatDoesNotFitAndNamesTheHeapThatWould() {
        assertThatCode(() -> MemoryGuard.require(GIB, 2 * GIB, "x")).doesNotThrowAnyException();
        assertThatThrownBy(() -> MemoryGuard.require(10 * GIB, 8 * GIB, "sample --L 4096"))
                .isInstanceOf(UserError.class)
                .hasMessage("sample --L 4096 needs at least 10.0 GiB of memory, more than this JVM's heap of 8.0 GiB:"
                        + " run with COARSE_JAVA_OPTS=-Xmx12g, or make the run smaller");
    }

    @Test
    void estimateCountsTheKeptConfigurationsAndTheNeighbourTable() {
        // L = 100 in 2D: 10^4 sites; 4 chains × 100 samples of 10^4 bytes + 40 bytes of headers and doubles each,
        // a neighbour table of 4 ints per site, and 2 running chains' configurations.
        long expected = 400L * (10_000 + 40) + 10_000L * 4 * 4 + 2L * 10_000;
        assertThat(RunSpec.estimatedBytes(2, 100, 1, 1, 1000, 10, 4, 2)).isEqualTo(expected);
        assertThat(RunSpec.estimatedBytes(3, 1 << 20, 1, 8, Long.MAX_VALUE, 1, Integer.MAX_VALUE, 1))
                .isEqualTo(Long.MAX_VALUE);
    }
}
