package dev.coarse.bench;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.CheckerboardMetropolis;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.mc.Sampler;
import dev.coarse.mc.SamplerKind;
import dev.coarse.mc.Wolff;
import dev.coarse.mc.bench.IndependentSamples;
import dev.coarse.mc.bench.ThroughputMeter;
import dev.coarse.model.IsingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The Java side of {@code peers/run_all.sh}: thermalises 64-replica multi-spin groups of the 2D Ising model,
 * measures the energy per site (mean over the run, error from the spread across replicas), then times pure
 * sweeps with {@link ThroughputMeter} on {@code threads} threads (one group each).
 *
 * <p>Usage: {@code java -cp coarse-bench.jar dev.coarse.bench.KernelSpeed [kernel] L T seconds threads}, kernel
 * multispin (the default: sampler {@code multispin}, eight sites per block, one 512-bit vector on a JDK after 17
 * with AVX-512), narrow (sampler {@code multispin-narrow}: four sites per 256-bit vector), scalar (the {@code metropolis} sampler, one sweep per call: on the square lattice its
 * packed kernel, which packs and unpacks the configuration at every call), scalar16 (the same, 16 sweeps per call,
 * as a chain sampled every 16 sweeps runs it), bytes (its byte-per-site kernel, {@code CheckerboardMetropolis.bytewise}),
 * wolff, sw (one thread each), or
 * tau_checkerboard (τ<sub>int</sub> of |m| of Coarse's multispin Metropolis, pooled over its 64 replicas;
 * "seconds" = thousands of sweeps; the numpy peer's τ comes from {@link TauOfSeries} instead, since Coarse's
 * kernels accept ΔE = 0 with a probability below 1 and the peer always).
 * Prints one line in the peers' format: {@code RESULT peer=coarse_<kernel>_<threads>t L=… T=…
 * flips_per_ns=… cpu_flips_per_ns=… e=… e_err=…} (cpu_flips_per_ns: per CPU-nanosecond used, robust to a
 * busy machine); wolff and sw add steps_per_s, tau (of |m|, in steps) and independent_per_s.
 */
public final class KernelSpeed {

    private KernelSpeed() {
    }

    public static void main(String[] args) {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: KernelSpeed [multispin|narrow|scalar|scalar16|bytes|wolff|sw|tau_checkerboard] L T seconds "
                    + "threads");
            System.exit(2);
        }
        String kernel = args.length == 5 ? args[0] : "multispin";
        int o = args.length - 4;
        int size = Integer.parseInt(args[o]);
        double temperature = Double.parseDouble(args[o + 1]);
        double seconds = Double.parseDouble(args[o + 2]);
        int threads = Integer.parseInt(args[o + 3]);
        switch (kernel) {
            case "multispin" -> multispin(size, temperature, seconds, threads, MultispinMetropolis.Width.WIDE);
            case "narrow" -> multispin(size, temperature, seconds, threads, MultispinMetropolis.Width.NARROW);
            case "scalar", "scalar16", "bytes", "wolff", "sw" -> scalar(kernel, size, temperature, seconds);
            case "tau_checkerboard" -> tauCheckerboard(size, temperature, seconds);
            default -> {
                System.err.println("unknown kernel " + kernel);
                System.exit(2);
            }
        }
    }

    private static void multispin(int size, double temperature, double seconds, int threads,
            MultispinMetropolis.Width width) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(size), temperature);
        List<MultispinMetropolis> groups = MultispinMetropolis.groups(model, threads, 1L, width);
        Duration third = Duration.ofNanos((long) (seconds / 3 * 1e9));
        Duration full = Duration.ofNanos((long) (seconds * 1e9));

        // thermalise, then accumulate energies every 16 sweeps (as the C peer does)
        MultispinMetropolis first = groups.get(0);
        long end = System.nanoTime() + third.toNanos();
        while (System.nanoTime() < end) {
            first.sweep();
        }
        int n = MultispinMetropolis.REPLICAS;
        double[] sum = new double[n];
        double[] e = new double[n];
        long samples = 0;
        end = System.nanoTime() + full.toNanos();
        while (System.nanoTime() < end) {
            first.sweep(16);
            first.energies(e);
            for (int r = 0; r < n; r++) {
                sum[r] += e[r] / model.lattice().siteCount();
            }
            samples++;
        }
        double mean = 0;
        for (int r = 0; r < n; r++) {
            mean += sum[r] / samples / n;
        }
        double var = 0;
        for (int r = 0; r < n; r++) {
            double d = sum[r] / samples - mean;
            var += d * d / (n - 1);
        }

        List<Runnable> tasks = new ArrayList<>();
        for (MultispinMetropolis g : groups) {
            tasks.add(g::sweep);
        }
        ThroughputMeter.Throughput t = ThroughputMeter.measureParallel(tasks, first.flipAttemptsPerSweep(), third,
                full);
        System.out.println(String.format(Locale.ROOT,
                "RESULT peer=coarse_%s_%dt L=%d T=%.6f flips_per_ns=%.4f cpu_flips_per_ns=%.4f e=%.6f e_err=%.6f",
                width == MultispinMetropolis.Width.NARROW ? "multispin_narrow" : "multispin", threads, size, temperature, t.flipsPerNs(), t.flipsPerCpuNs(), mean, Math.sqrt(var / n)));
    }

    /** Sweeps of the τ run of {@code tau_checkerboard} per second of its budget, at least this many. */
    private static final int TAU_MIN_SWEEPS = 2000;

    /**
     * One thread of a per-configuration kernel: energy per site by 20 block means over {@code seconds}, then
     * flips/ns over {@code seconds}; for wolff and sw also steps/s, τ<sub>int</sub> of |m| (in steps) and the
     * independent-sample rate at this L. Wolff flips are the actual cluster sizes, SW and Metropolis N per sweep.
     */
    private static void scalar(String kernel, int size, double temperature, double seconds) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(size), temperature);
        Sampler sampler = kernel.equals("bytes") ? CheckerboardMetropolis.bytewise(model)
                : SamplerKind.forId(kernel.startsWith("scalar") ? "metropolis" : kernel, model).create(model);
        // sweeps per call: 16 for scalar16 (the packed kernel converts the configuration once per call)
        int perCall = kernel.equals("scalar16") ? 16 : 1;
        RandomGenerator rng = ChainRunner.chainStreams(1L, 1).get(0);
        byte[] spins = ChainRunner.randomConfiguration(model, rng);
        int n = spins.length;
        Wolff wolff = sampler instanceof Wolff w ? w : null;
        Duration third = Duration.ofNanos((long) (seconds / 3 * 1e9));
        Duration full = Duration.ofNanos((long) (seconds * 1e9));
        long end = System.nanoTime() + third.toNanos();
        while (System.nanoTime() < end) {
            sampler.sweep(spins, rng);
        }
        List<Double> energies = new ArrayList<>();
        end = System.nanoTime() + full.toNanos();
        while (System.nanoTime() < end) {
            sampler.sweep(spins, rng);
            energies.add(model.energy(spins) / n);
        }
        double[] block = blockMeanAndError(energies);
        LongSupplier task = wolff != null ? () -> wolff.clusterFlip(spins, rng) : () -> {
            sampler.sweeps(spins, rng, perCall);
            return (long) n * perCall;
        };
        ThroughputMeter.Throughput t = ThroughputMeter.measureCounted(List.of(task), third, full);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "RESULT peer=coarse_%s_1t L=%d T=%.6f flips_per_ns=%.4f cpu_flips_per_ns=%.4f e=%.6f e_err=%.6f",
                kernel, size, temperature, t.flipsPerNs(), t.flipsPerCpuNs(), block[0], block[1]));
        if (kernel.equals("wolff") || kernel.equals("sw")) {
            double stepsPerS = t.calls() / t.seconds();
            double cpuStepsPerS = t.calls() / t.cpuSeconds();
            int steps = (int) Math.min(200_000, Math.max(TAU_MIN_SWEEPS, stepsPerS * seconds));
            // the chain is thermalised by now: continue it
            double tau = IndependentSamples.tauAbsMagnetization(sampler, spins, rng, steps / 10, steps);
            line.append(String.format(Locale.ROOT,
                    " steps_per_s=%.6g cpu_steps_per_s=%.6g tau=%.4f tau_steps=%d independent_per_s=%.6g"
                            + " cpu_independent_per_s=%.6g",
                    stepsPerS, cpuStepsPerS, tau, steps, IndependentSamples.perSecond(stepsPerS, tau),
                    IndependentSamples.perSecond(cpuStepsPerS, tau)));
        }
        System.out.println(line);
    }

    /**
     * τ<sub>int</sub> of |m| in sweeps of the 2D multi-spin kernel's dynamics (checkerboard Metropolis with
     * ΔE = 0 accepted with 7/8, {@link MultispinMetropolis}), pooled over 64 replicas: {@code seconds} is used
     * as the number of thousands of measured sweeps. The numpy and plain C peers accept ΔE = 0 always, whose
     * τ is shorter (about 187 against 259 sweeps at L = 64, T<sub>c</sub>; BENCHMARKS.md), so this τ is not
     * theirs: run_all.sh takes theirs from {@link TauOfSeries}.
     */
    private static void tauCheckerboard(int size, double temperature, double kiloSweeps) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(size), temperature);
        MultispinMetropolis group = new MultispinMetropolis(model, 3L);
        int sweeps = (int) Math.max(TAU_MIN_SWEEPS, kiloSweeps * 1000);
        double tau = IndependentSamples.tauAbsMagnetization(group, Math.max(1000, sweeps / 10), sweeps);
        System.out.println(String.format(Locale.ROOT, "RESULT peer=tau_checkerboard L=%d T=%.6f sweeps=%d replicas=%d tau=%.4f",
                size, temperature, sweeps, MultispinMetropolis.REPLICAS, tau));
    }

    /** Mean of 20 consecutive block means and its standard error. */
    private static double[] blockMeanAndError(List<Double> series) {
        int blocks = 20;
        int per = Math.max(1, series.size() / blocks);
        double[] means = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double sum = 0;
            int count = 0;
            for (int i = b * per; i < Math.min(series.size(), (b + 1) * per); i++) {
                sum += series.get(i);
                count++;
            }
            means[b] = sum / Math.max(1, count);
        }
        double mean = 0;
        for (double m : means) {
            mean += m / blocks;
        }
        double var = 0;
        for (double m : means) {
            var += (m - mean) * (m - mean) / (blocks - 1);
        }
        return new double[] {mean, Math.sqrt(var / blocks)};
    }
}
