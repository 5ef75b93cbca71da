package dev.coarse.bench;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.model.IsingModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Multi-spin-coded Metropolis, 2D Ising at T_c, L = 128: one operation is one spin-flip attempt, so the
 * reported score in ops/ns is flips/ns (64 replicas × N sites per sweep). With two threads each thread
 * sweeps its own 64-replica group and JMH adds the throughputs. {@code width} is the square kernel's block: WIDE (eight
 * sites, sampler {@code multispin}) or NARROW (four, {@code multispin-narrow}); JMH runs each in forks of its own, so
 * no JVM runs both widths (docs/performance.md says why that matters).
 *
 * <p>Run: {@code java -jar coarse-bench/target/coarse-bench.jar MultispinBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MultispinBenchmark {

    static final int L = 128;
    static final double CRITICAL_TEMPERATURE = 2 / Math.log(1 + Math.sqrt(2));
    private static final int FLIPS_PER_SWEEP = MultispinMetropolis.REPLICAS * L * L;

    /** One replica group per benchmark thread, seeded by the thread's index. */
    @State(Scope.Thread)
    public static class Group {
        @Param({"WIDE", "NARROW"})
        public MultispinMetropolis.Width width;

        MultispinMetropolis group;

        @Setup
        public void setUp(ThreadParams thread) {
            IsingModel model = IsingModel.atTemperature(Lattice.square(L), CRITICAL_TEMPERATURE);
            group = new MultispinMetropolis(model, MultispinMetropolis.rootGenerator(1000L + thread.getThreadIndex()),
                    width);
            group.sweep(200);
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(FLIPS_PER_SWEEP)
    public long square128OneThread(Group state) {
        state.group.sweep();
        return state.group.sweepCount();
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(FLIPS_PER_SWEEP)
    public long square128TwoThreads(Group state) {
        state.group.sweep();
        return state.group.sweepCount();
    }
}
