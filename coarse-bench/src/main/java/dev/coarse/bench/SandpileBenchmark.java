package dev.coarse.bench;

import dev.coarse.emergence.sandpile.Sandpile;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Topplings per second of the BTW sandpile kernel ({@link Sandpile#addGrain}) in its stationary state, one thread:
 * the pile is driven 4·L² grains past the all-3 start before timing; sites come from a pre-drawn table, so the
 * random generator is not timed. The score that matters is the auxiliary counter {@code topplings} (per second);
 * the primary score counts grains.
 *
 * <p>Run: {@code java -jar coarse-bench/target/coarse-bench.jar SandpileBenchmark -p linearSize=128}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SandpileBenchmark {

    private static final int SITE_TABLE = 1 << 20;

    @Param({"64", "128", "256"})
    public int linearSize;

    private Sandpile pile;
    private int[] sites;
    private int next;

    /** The toppling count JMH reports per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Topplings {
        public long topplings;

        @Setup(Level.Iteration)
        public void reset() {
            topplings = 0;
        }
    }

    @Setup(Level.Trial)
    public void drive() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
        int n = linearSize * linearSize;
        sites = random.ints(SITE_TABLE, 0, n).toArray();
        pile = Sandpile.maximal(linearSize);
        for (int g = 0; g < 4 * n; g++) {
            pile.addGrain(sites[g & (SITE_TABLE - 1)]);
        }
    }

    @Benchmark
    public long addGrain(Topplings counter) {
        long s = pile.addGrain(sites[next]);
        next = (next + 1) & (SITE_TABLE - 1);
        counter.topplings += s;
        return s;
    }
}
