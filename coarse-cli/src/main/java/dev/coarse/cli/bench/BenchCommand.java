package dev.coarse.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.UserError;
import dev.coarse.exact.CriticalPoint;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.CheckerboardMetropolis;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.mc.SwendsenWang;
import dev.coarse.mc.Wolff;
import dev.coarse.mc.bench.IndependentSamples;
import dev.coarse.mc.bench.ThroughputMeter;
import dev.coarse.mc.bench.ThroughputMeter.Throughput;
import dev.coarse.model.IsingModel;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coarse bench}: the speed of the Ising kernels on this machine, 2D at T<sub>c</sub>.
 *
 * <p>Each kernel runs on {@code threads} threads, each with its own state (chain or 64-replica group), for a
 * warm-up of {@code --warmup} seconds (default 3: JDK 17 compiles the vectorised multi-spin kernel after
 * about 2 s, and before that it runs 100× slower), then until the JIT goes quiet ({@link ThroughputMeter}),
 * then for {@code seconds}; flips/ns are summed over
 * threads ({@link ThroughputMeter}). Checkerboard Metropolis is measured three ways: its packed kernel in calls of
 * {@value #SWEEPS_PER_CALL} sweeps ({@code metropolis_scalar}) and of one sweep, and its byte-per-site kernel
 * ({@code metropolis_bytes}, {@link CheckerboardMetropolis#bytewise}); the multi-spin kernel with the blocks of sampler
 * {@code multispin} (eight sites, {@code metropolis_multispin}) and of {@code multispin-narrow} (four sites,
 * {@code metropolis_multispin_narrow}). Flips: Metropolis N per sweep, multi-spin
 * 64·N per sweep, Wolff
 * the actual cluster size of each step, Swendsen–Wang N per sweep (every spin gets a new value).
 * Independent samples per second ({@link IndependentSamples}) are measured at T<sub>c</sub>, L = 64
 * whatever {@code --L}: steps per second on {@code threads} threads / (2 τ<sub>int</sub> of |m|), τ from one
 * chain of as many steps as one thread makes in {@code seconds} (between {@value #TAU_MIN_STEPS} and
 * {@value #TAU_MAX_STEPS}; τ is a few steps for both cluster algorithms at L = 64).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the speed of the Ising kernels (2D, T_c) on this machine.",
            "Example: ./coarse bench --L 128 --seconds 3 --threads 2 --json"})
public final class BenchCommand implements Callable<Integer> {

    /** The lattice size of the independent-sample figures (issue 3). */
    static final int INDEPENDENT_L = 64;
    /** Bounds of the τ runs (steps); within them a τ run lasts about {@code --seconds}. */
    static final int TAU_MIN_STEPS = 500;
    static final int TAU_MAX_STEPS = 50_000;
    /** Steps discarded from the hot start of a τ run (hundreds of sweeps' worth for both kernels at L = 64). */
    private static final int TAU_THERMALIZE = 1000;
    private static final long SEED = 1L;
    /**
     * Sweeps per call of the {@code metropolis_scalar} figure: its packed kernel converts the configuration from and
     * to bytes once per call, as a chain stored every 16 sweeps does (the figure for one sweep per call is printed
     * beside it).
     */
    static final int SWEEPS_PER_CALL = 16;

    @Option(names = "--L", defaultValue = "128", paramLabel = "N", description = "Linear size, even, ≥ 2 (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seconds", defaultValue = "2", paramLabel = "s", description = "Measured time per kernel (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "s",
            description = "Warm-up per kernel before measuring, while the JIT compiles it (default ${DEFAULT-VALUE}; "
                    + "then on until the JIT is quiet).")
    double warmupSeconds;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "n", description = "Threads per kernel, one chain or replica group each (default ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    /** Kernels measured (nine) plus the two τ_int runs: the steps of the progress bar. */
    private static final int STEPS = 11;

    @Override
    public Integer call() {
        if (size <= 1) {
            throw new UserError("--L must be at least 2, got " + size);
        }
        if (size % 2 != 0) {
            throw new UserError("--L must be even (checkerboard kernels), got " + size);
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new UserError("--seconds must be > 0, got " + seconds);
        }
        if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
            throw new UserError("--warmup must be >= 0, got " + warmupSeconds);
        }
        if (threads < 1) {
            throw new UserError("--threads must be >= 1, got " + threads);
        }
        double t = CriticalPoint.SQUARE_ISING.criticalTemperature();
        IsingModel model = IsingModel.atTemperature(Lattice.square(size), t);
        IsingModel small = IsingModel.atTemperature(Lattice.square(INDEPENDENT_L), t);
        Duration duration = Duration.ofNanos(Math.max(1, (long) (seconds * 1e9)));
        Duration warmup = Duration.ofNanos((long) (warmupSeconds * 1e9));

        ProgressReporter bar = progress.bar("bench");
        // the byte kernel first: on JDK 17 it compiled to code 2.5x slower in a JVM where the packed kernel had
        // already run, even only its self-check (5 of 6 JVMs; the packed kernel is not affected by running second)
        CheckerboardMetropolis bytewise = CheckerboardMetropolis.bytewise(model);
        Throughput bytes = measured(bar, scalarTasks(model, true, 1), warmup, duration);
        CheckerboardMetropolis metropolis = new CheckerboardMetropolis(model);
        Throughput scalar = measured(bar, scalarTasks(model, false, SWEEPS_PER_CALL), warmup,
                duration);
        Throughput scalarSingle = measured(bar, scalarTasks(model, false, 1), warmup, duration);
        int scalarBits = metropolis.vectorBits();
        boolean scalarVectorized = scalarBits > 0;
        Throughput multispinNarrow = measured(bar, 
                multispinTasks(model, MultispinMetropolis.Width.NARROW), warmup, duration);
        // the default multispin (eight-site blocks) after the 256-bit kernels: on JDK 25 a 512-bit kernel run first
        // sometimes made the packed one compile badly
        MultispinMetropolis.Width width = MultispinMetropolis.Width.defaultFor(model.lattice());
        Throughput multispin = measured(bar, multispinTasks(model, width), warmup, duration);
        Throughput wolff = measured(bar, wolffTasks(model, false), warmup, duration);
        Throughput sw = measured(bar, swTasks(model, false), warmup, duration);

        Throughput wolffSteps = measured(bar, wolffTasks(small, true), warmup, duration);
        Throughput swSweeps = measured(bar, swTasks(small, true), warmup, duration);
        RandomGenerator tauRng = ChainRunner.chainStreams(SEED + 1, 1).get(0);
        bar.message("tau_int (wolff)");
        double wolffTau = IndependentSamples.tauAbsMagnetization(new Wolff(small),
                ChainRunner.randomConfiguration(small, tauRng), tauRng, TAU_THERMALIZE, tauSteps(wolffSteps));
        bar.advance(STEPS - 1, STEPS);
        bar.message("tau_int (swendsen_wang)");
        double swTau = IndependentSamples.tauAbsMagnetization(new SwendsenWang(small),
                ChainRunner.randomConfiguration(small, tauRng), tauRng, TAU_THERMALIZE, tauSteps(swSweeps));
        double wolffIndependent = IndependentSamples.perSecond(wolffSteps.flipsPerNs() * 1e9, wolffTau);
        double swIndependent = IndependentSamples.perSecond(swSweeps.flipsPerNs() * 1e9, swTau);

        bar.advance(STEPS, STEPS);
        bar.close();
        PrintWriter out = output.out();
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("L", size);
            root.put("T", t);
            root.put("threads", threads);
            root.put("seconds", seconds);
            root.put("java", Runtime.version().toString());
            ObjectNode kernels = root.putObject("kernels");
            ObjectNode scalarNode = speed(kernels.putObject("metropolis_scalar"), scalar);
            scalarNode.put("sweeps_per_call", SWEEPS_PER_CALL);
            speed(scalarNode.putObject("one_sweep_per_call"), scalarSingle);
            scalarNode.put("kernel", metropolis.kernel()).put("vectorized", scalarVectorized)
                    .put("vector_bits", scalarBits);
            speed(kernels.putObject("metropolis_bytes"), bytes).put("kernel", bytewise.kernel())
                    .put("vectorized", bytewise.vectorBits() > 0).put("vector_bits", bytewise.vectorBits());
            speed(kernels.putObject("metropolis_multispin"), multispin)
                    .put("block_sites", width.sites())
                    .put("vectorized", MultispinMetropolis.wideVectorBits() > 0)
                    .put("vector_bits", MultispinMetropolis.wideVectorBits());
            speed(kernels.putObject("metropolis_multispin_narrow"), multispinNarrow)
                    .put("block_sites", MultispinMetropolis.Width.NARROW.sites())
                    .put("vectorized", MultispinMetropolis.vectorized())
                    .put("vector_bits", MultispinMetropolis.vectorized() ? 256 : 0);
            independent(speed(kernels.putObject("wolff"), wolff), wolffSteps, wolffTau, wolffIndependent);
            independent(speed(kernels.putObject("swendsen_wang"), sw), swSweeps, swTau, swIndependent);
            output.print(root);
        } else {
            out.printf("2D Ising, T = T_c = %.6f, L = %d, %d thread(s), %.3g s per kernel, Java %s%n", t, size,
                    threads, seconds, Runtime.version());
            out.printf("  %-22s %10s %12s%n", "kernel", "flips/ns", "cpu_flips/ns");
            row(out, "metropolis_scalar", scalar);
            out.printf("  (kernel %s, %d sweeps per call)%n", metropolis.kernel(), SWEEPS_PER_CALL);
            row(out, "  one sweep per call", scalarSingle);
            if (!scalarVectorized) {
                out.println("  (scalar ran without 256-bit vectors: start the JVM with --add-modules jdk.incubator.vector)");
            }
            row(out, "metropolis_bytes", bytes);
            out.printf("  (kernel %s: one byte per site, one sweep per call)%n", bytewise.kernel());
            row(out, "metropolis_multispin", multispin);
            out.printf("  (%s)%n", switch (MultispinMetropolis.wideVectorBits()) {
                case 512 -> "eight sites per 512-bit vector";
                case 256 -> "eight sites as two 256-bit halves; one 512-bit vector needs a JDK after 17 and AVX-512";
                default -> "plain Java: start the JVM with --add-modules jdk.incubator.vector";
            });
            row(out, "metropolis_multispin_narrow", multispinNarrow);
            out.printf("  (%s)%n", MultispinMetropolis.vectorized() ? "four sites per 256-bit vector"
                    : "plain Java: start the JVM with --add-modules jdk.incubator.vector");
            row(out, "wolff", wolff);
            row(out, "swendsen_wang", sw);
            out.printf("independent samples per second at L = %d (steps/s / 2 tau_int of |m|):%n", INDEPENDENT_L);
            out.printf("  wolff          %12.4g   (tau_int %.3g steps)%n", wolffIndependent, wolffTau);
            out.printf("  swendsen_wang  %12.4g   (tau_int %.3g sweeps)%n", swIndependent, swTau);
        }
        return 0;
    }

    private int measuredSteps;

    /** Measures one kernel and moves the progress bar on by one of {@link #STEPS}. */
    private Throughput measured(ProgressReporter bar, List<LongSupplier> tasks, Duration warmup, Duration duration) {
        Throughput t = ThroughputMeter.measureCounted(tasks, warmup, duration);
        bar.advance(++measuredSteps, STEPS);
        return t;
    }

    private int tauSteps(Throughput steps) {
        double perThread = steps.flipsPerNs() * 1e9 * seconds / threads;
        return (int) Math.max(TAU_MIN_STEPS, Math.min(TAU_MAX_STEPS, perThread));
    }

    /** One step of a kernel on its own chain; returns the spins it counts as flipped. */
    private interface Step {
        long run(byte[] spins, RandomGenerator rng);
    }

    /** One task per thread, each with its own kernel (from {@code kernel}), hot start and stream. */
    private List<LongSupplier> tasks(IsingModel model, Function<IsingModel, Step> kernel) {
        List<LongSupplier> tasks = new ArrayList<>();
        for (RandomGenerator rng : ChainRunner.chainStreams(SEED, threads)) {
            Step step = kernel.apply(model);
            byte[] spins = ChainRunner.randomConfiguration(model, rng);
            tasks.add(() -> step.run(spins, rng));
        }
        return tasks;
    }

    /** Checkerboard Metropolis, {@code perCall} sweeps per call: the packed kernel, or the byte-per-site one. */
    private List<LongSupplier> scalarTasks(IsingModel model, boolean bytes, int perCall) {
        long n = model.lattice().siteCount();
        return tasks(model, m -> {
            CheckerboardMetropolis k = bytes ? CheckerboardMetropolis.bytewise(m) : new CheckerboardMetropolis(m);
            return (spins, rng) -> {
                k.sweeps(spins, rng, perCall);
                return n * perCall;
            };
        });
    }

    /** One Wolff step per call; returns its cluster size, or 1 when counting steps. */
    /** One 64-replica group per thread, one sweep per call. */
    private List<LongSupplier> multispinTasks(IsingModel model, MultispinMetropolis.Width width) {
        List<LongSupplier> tasks = new ArrayList<>();
        for (MultispinMetropolis g : MultispinMetropolis.groups(model, threads, SEED, width)) {
            long flips = g.flipAttemptsPerSweep();
            tasks.add(() -> {
                g.sweep();
                return flips;
            });
        }
        return tasks;
    }

    private List<LongSupplier> wolffTasks(IsingModel model, boolean countSteps) {
        return tasks(model, m -> {
            Wolff k = new Wolff(m);
            return (spins, rng) -> {
                int flipped = k.clusterFlip(spins, rng);
                return countSteps ? 1 : flipped;
            };
        });
    }

    /** One Swendsen–Wang sweep per call; returns N, or 1 when counting sweeps. */
    private List<LongSupplier> swTasks(IsingModel model, boolean countSteps) {
        long n = countSteps ? 1 : model.lattice().siteCount();
        return tasks(model, m -> {
            SwendsenWang k = new SwendsenWang(m);
            return (spins, rng) -> {
                k.sweep(spins, rng);
                return n;
            };
        });
    }

    private static ObjectNode speed(ObjectNode node, Throughput t) {
        node.put("flips_per_ns", t.flipsPerNs());
        if (Double.isFinite(t.flipsPerCpuNs())) {
            node.put("flips_per_cpu_ns", t.flipsPerCpuNs()); // absent where the JVM cannot time thread CPU
        }
        return node;
    }

    private static void independent(ObjectNode node, Throughput steps, double tau, double perSecond) {
        node.put("independent_samples_per_s", perSecond);
        node.put("samples_per_s", steps.flipsPerNs() * 1e9);
        node.put("tau_int_abs_m", tau);
        node.put("independent_L", INDEPENDENT_L);
    }

    private static void row(PrintWriter out, String name, Throughput t) {
        out.printf("  %-22s %10.4f %12.4f%n", name, t.flipsPerNs(), t.flipsPerCpuNs());
    }
}
