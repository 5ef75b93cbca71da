package dev.coarse.mc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.model.IsingModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThroughputMeterTest {

    @Test
    void countsCallsAndConvertsToFlipsPerNanosecond() {
        AtomicLong calls = new AtomicLong();
        ThroughputMeter.Throughput t = ThroughputMeter.measure(() -> {
            calls.incrementAndGet();
            busyWaitNanos(100_000);
        }, 1_000, Duration.ofMillis(20), Duration.ofMillis(100));
        assertThat(t.threads()).isEqualTo(1);
        assertThat(t.seconds()).isGreaterThanOrEqualTo(0.1);
        assertThat(t.calls()).isPositive().isLessThanOrEqualTo(calls.get());
        // each call takes at least 100 µs of wall time, so at most 1000 flips per 100 µs = 0.01 flips/ns
        assertThat(t.flipsPerNs()).isEqualTo(t.calls() * 1_000 / (t.seconds() * 1e9), within(1e-12))
                .isLessThanOrEqualTo(0.01);
    }

    @Test
    void parallelTasksRunOnTheirOwnThreadsAndAddUp() {
        AtomicLong a = new AtomicLong();
        AtomicLong b = new AtomicLong();
        ThroughputMeter.Throughput t = ThroughputMeter.measureParallel(
                List.of(a::incrementAndGet, b::incrementAndGet), 64, Duration.ZERO, Duration.ofMillis(50));
        assertThat(t.threads()).isEqualTo(2);
        assertThat(t.calls()).isLessThanOrEqualTo(a.get() + b.get());
        assertThat(a.get()).isPositive();
        assertThat(b.get()).isPositive();
    }

    @Test
    void measuresTheMultispinKernel() {
        MultispinMetropolis group = new MultispinMetropolis(
                IsingModel.atTemperature(Lattice.square(16), 2.27), 1L);
        ThroughputMeter.Throughput t = ThroughputMeter.measure(group::sweep, group.flipAttemptsPerSweep(),
                Duration.ofMillis(10), Duration.ofMillis(50));
        assertThat(group.sweepCount()).isGreaterThanOrEqualTo(t.calls());
        assertThat(t.flipsPerNs()).isPositive();
    }

    @Test
    void countedTasksReportTheirOwnFlips() {
        // calls alternate between 1 and 5 flips: the total is the sum of the returns, not calls × a constant
        long[] next = {0};
        ThroughputMeter.Throughput t = ThroughputMeter.measureCounted(List.of(() -> {
            busyWaitNanos(20_000);
            return (next[0]++ & 1) == 0 ? 1 : 5;
        }), Duration.ZERO, Duration.ofMillis(50));
        double flips = t.flipsPerNs() * t.seconds() * 1e9;
        // between 3·calls − 2 and 3·calls + 2 whichever call the warm-up-free period starts and ends on
        assertThat(flips).isBetween(3.0 * t.calls() - 2.5, 3.0 * t.calls() + 2.5);
        assertThat(t.calls()).isPositive();
    }

    @Test
    void independentSampleRateIsRateOverTwoTau() {
        assertThat(IndependentSamples.perSecond(1000, 0.5)).isEqualTo(1000.0);
        assertThat(IndependentSamples.perSecond(1000, 5.0)).isEqualTo(100.0);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> ThroughputMeter.measure(() -> { }, 0, Duration.ZERO, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThroughputMeter.measureParallel(List.of(), 1, Duration.ZERO, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThroughputMeter.measure(() -> {
            throw new IllegalStateException("boom");
        }, 1, Duration.ZERO, Duration.ofMillis(1))).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("boom");
    }

    private static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }

    private static void busyWaitNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
