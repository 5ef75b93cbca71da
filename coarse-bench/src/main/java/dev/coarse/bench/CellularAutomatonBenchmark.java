package dev.coarse.bench;

import dev.coarse.emergence.ca.ElementaryAutomaton;
import dev.coarse.emergence.ca.ElementaryRule;
import dev.coarse.emergence.ca.LifeAutomaton;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bit-packed cellular-automaton updates, one thread. Score: cells updated per nanosecond (each invocation is
 * {@value #STEPS} steps of {@value #CELLS} cells, counted as that many operations). The numpy peer is
 * {@code coarse-bench/peers/eca_numpy.py}; the target is 10 cells/ns per core.
 *
 * <p>Run: {@code java -jar coarse-bench/target/coarse-bench.jar CellularAutomatonBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CellularAutomatonBenchmark {

    /** Cells of the row (and of the Life grid, 256 × 256): 2^16, a 8 kB state that stays in L1. */
    static final int CELLS = 1 << 16;
    static final int STEPS = 100;

    @Param({"110", "30"})
    public int rule;

    private ElementaryAutomaton elementary;
    private LifeAutomaton life;

    @Setup
    public void setUp() {
        elementary = ElementaryAutomaton.random(new ElementaryRule(rule), CELLS, 0.5, new SplittableRandom(1));
        life = LifeAutomaton.random(256, 256, 0.5, new SplittableRandom(1));
    }

    @Benchmark
    @OperationsPerInvocation(CELLS * STEPS)
    public long elementaryStep() {
        elementary.step(STEPS);
        return elementary.time();
    }

    @Benchmark
    @OperationsPerInvocation(CELLS * STEPS)
    public long lifeStep() {
        life.step(STEPS);
        return life.time();
    }
}
