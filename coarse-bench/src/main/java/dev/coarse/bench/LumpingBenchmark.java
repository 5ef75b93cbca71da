package dev.coarse.bench;

import dev.coarse.dynamics.ChainAnalysis;
import dev.coarse.dynamics.GreedyLumping;
import dev.coarse.dynamics.LumpabilityRefinement;
import dev.coarse.dynamics.MarkovChain;
import dev.coarse.dynamics.Partition;
import dev.coarse.dynamics.SparseMarkovChain;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 22's lumping targets, seconds per call: {@code greedy} — {@link GreedyLumping#descend} of a dense n-state
 * chain ({@link LumpingChains#dense}, every entry nonzero) to 10 blocks (target ≤ 10 s at n = 2,000; above
 * {@link GreedyLumping#EXACT_STATES} states it pre-clusters first); {@code refine} — the coarsest strongly lumpable
 * refinement ({@link LumpabilityRefinement#coarsest}) of a sparse chain of {@code sparseStates} states, ≤ 8 nonzeros
 * per row, 1,000 planted blocks, from a 2-valued observable (target ≤ 5 s at 10⁵ states). The chains are built in
 * the setup (not timed). The greedy descent uses the common fork-join pool (all cores).
 *
 * <p>Run: {@code java -jar coarse-bench/target/coarse-bench.jar LumpingBenchmark -p states=2000}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Benchmark)
public class LumpingBenchmark {

    @Param({"500", "2000"})
    public int states;

    @Param({"100000"})
    public int sparseStates;

    private MarkovChain dense;
    private double[] pi;
    private SparseMarkovChain sparse;
    private Partition observable;

    @Setup
    public void build() {
        dense = LumpingChains.dense(states, 10, 1);
        pi = ChainAnalysis.stationary(dense);
        int[] labels = new int[sparseStates];
        sparse = LumpingChains.sparse(sparseStates, 1000, 1, labels);
        observable = Partition.ofLabels(labels);
    }

    @Benchmark
    public Partition greedy() {
        return GreedyLumping.descend(dense, pi, 10).partition();
    }

    @Benchmark
    public Partition refine() {
        return LumpabilityRefinement.coarsest(sparse, observable).partition();
    }
}
