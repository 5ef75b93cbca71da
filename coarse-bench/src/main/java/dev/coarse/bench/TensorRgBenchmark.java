package dev.coarse.bench;

import dev.coarse.tensor.LocalTensors;
import dev.coarse.tensor.Scheme;
import dev.coarse.tensor.Tensor4;
import dev.coarse.tensor.TensorRg;
import dev.coarse.tensor.TensorRgSettings;
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
 * One whole tensor-RG run of the 2D Ising model at T_c, ln Z per site only (no Gu–Wen): the reference case is
 * bond-weighted TRG at χ = 16 for 25 steps (TNRKit: 3e-7 in about 0.3 s); {@code scheme}, {@code chi} and
 * {@code steps} vary it for the χ-scaling table of BENCHMARKS.md. Score: seconds per run.
 *
 * <p>Run: {@code java -jar coarse-bench/target/coarse-bench.jar TensorRgBenchmark -p scheme=BTRG -p chi=16 -p steps=25}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TensorRgBenchmark {

    @Param({"BTRG"})
    public Scheme scheme;

    @Param({"16"})
    public int chi;

    @Param({"25"})
    public int steps;

    private final Tensor4 ising = LocalTensors.ising(2 / Math.log(1 + Math.sqrt(2)), 0);

    @Benchmark
    public double lnZPerSite() {
        return TensorRg.run(ising, TensorRgSettings.infinite(scheme, chi, steps, false)).lnZPerSite();
    }
}
