package dev.coarse.bench;

import dev.coarse.emergence.ca.CoarseGrainingTable;
import dev.coarse.emergence.ca.SupercellSearch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full Israeli–Goldenfeld table, N = 2 … 4 for all 256 rules (65,534 projections each at N = 4). Score: seconds
 * per table; the target is 30 s on 2 cores.
 *
 * <p>Run: {@code java -jar coarse-bench/target/coarse-bench.jar SupercellSearchBenchmark -p threads=2}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class SupercellSearchBenchmark {

    @Param({"2"})
    public int threads;

    @Benchmark
    public CoarseGrainingTable fullTable() {
        return SupercellSearch.table(SupercellSearch.MAX_SUPERCELL, threads);
    }
}
