package dev.coarse.bench;

import dev.coarse.exact.Onsager;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.CheckerboardMetropolis;
import dev.coarse.mc.SwendsenWang;
import dev.coarse.mc.Wolff;
import dev.coarse.model.IsingModel;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-configuration kernels, 2D Ising at T_c, one thread.
 *
 * <ul>
 *   <li>{@code checkerboardMetropolis} (the packed kernel, one sweep per call), {@code checkerboardMetropolis16}
 *       (16 sweeps per call), {@code checkerboardMetropolisBytes} (the byte-per-site kernel), {@code swendsenWang}:
 *       one operation = one spin update (N per sweep), so the score in ops/ns is flips/ns;</li>
 *   <li>{@code wolff}: the score is steps (cluster flips) per ns; the secondary metric {@code flips} counts
 *       the actual cluster sizes, i.e. flips/ns;</li>
 *   <li>{@code wolffStep64}, {@code swendsenWangSweep64} at L = 64: steps (sweeps) per second, the numerator of the
 *       independent-sample rate steps/s / (2 τ<sub>int</sub> of |m|); τ comes from
 *       the tau field of {@code KernelSpeed wolff 64 …} / {@code KernelSpeed sw 64 …}.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar coarse-bench/target/coarse-bench.jar ScalarBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector") // the checkerboard kernel runs on vectors
@Threads(1)
public class ScalarBenchmark {

    static final double T_C = Onsager.CRITICAL_TEMPERATURE;
    private static final int N128 = 128 * 128;

    /** A chain of each kernel on the L×L torus at T_c, thermalised by 200 SW sweeps. */
    abstract static class Kernels {
        byte[] spins;
        RandomGenerator rng;
        CheckerboardMetropolis metropolis;
        Wolff wolff;
        SwendsenWang sw;

        void init(int size) {
            IsingModel model = IsingModel.atTemperature(Lattice.square(size), T_C);
            rng = ChainRunner.chainStreams(7L, 1).get(0);
            spins = ChainRunner.randomConfiguration(model, rng);
            metropolis = new CheckerboardMetropolis(model);
            wolff = new Wolff(model);
            sw = new SwendsenWang(model);
            for (int t = 0; t < 200; t++) {
                sw.sweep(spins, rng);
            }
        }
    }

    /** L = 128. */
    @State(Scope.Thread)
    public static class Chain extends Kernels {
        @Setup
        public void setUp() {
            init(128);
        }
    }

    /** L = 64, for the independent-sample rates. */
    @State(Scope.Thread)
    public static class Chain64 extends Kernels {
        @Setup
        public void setUp() {
            init(64);
        }
    }

    /** Secondary metric: spins flipped by Wolff steps (reported per ns like the primary score). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flips {
        public long flips;

        @Setup(Level.Iteration)
        public void reset() {
            flips = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(N128)
    public byte checkerboardMetropolis(Chain c) {
        c.metropolis.sweep(c.spins, c.rng);
        return c.spins[0];
    }

    /** The packed kernel in calls of 16 sweeps (one conversion from and to bytes per call). */
    @Benchmark
    @OperationsPerInvocation(16 * N128)
    public byte checkerboardMetropolis16(Chain c) {
        c.metropolis.sweeps(c.spins, c.rng, 16);
        return c.spins[0];
    }

    /**
     * The byte-per-site kernel ({@code CheckerboardMetropolis.bytewise}), in a fork that never creates the packed
     * kernel: on JDK 17 the byte kernel compiled to code 2.5× slower in a JVM where the packed kernel had run, even
     * only its self-check (1.18 against 2.6 flips/ns; BENCHMARKS.md).
     */
    @Benchmark
    @OperationsPerInvocation(N128)
    public byte checkerboardMetropolisBytes(BytesChain c) {
        c.bytewise.sweep(c.spins, c.rng);
        return c.spins[0];
    }

    /** L = 128 with the byte-per-site kernel only. */
    @State(Scope.Thread)
    public static class BytesChain {
        byte[] spins;
        RandomGenerator rng;
        CheckerboardMetropolis bytewise;

        @Setup
        public void setUp() {
            IsingModel model = IsingModel.atTemperature(Lattice.square(128), T_C);
            rng = ChainRunner.chainStreams(7L, 1).get(0);
            spins = ChainRunner.randomConfiguration(model, rng);
            bytewise = CheckerboardMetropolis.bytewise(model);
            for (int t = 0; t < 200; t++) {
                bytewise.sweep(spins, rng);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(N128)
    public byte swendsenWang(Chain c) {
        c.sw.sweep(c.spins, c.rng);
        return c.spins[0];
    }

    @Benchmark
    public int wolff(Chain c, Flips f) {
        int size = c.wolff.clusterFlip(c.spins, c.rng);
        f.flips += size;
        return size;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int wolffStep64(Chain64 c) {
        return c.wolff.clusterFlip(c.spins, c.rng);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte swendsenWangSweep64(Chain64 c) {
        c.sw.sweep(c.spins, c.rng);
        return c.spins[0];
    }
}
