package dev.coarse.bench;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.mc.ThroughputMeter;
import dev.coarse.model.IsingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Java side of {@code peers/run_all.sh}: thermalises 64-replica multi-spin groups of the 2D Ising model,
 * measures the energy per site (mean over the run, error from the spread across replicas), then times pure
 * sweeps with {@link ThroughputMeter} on {@code threads} threads (one group each).
 *
 * <p>Usage: {@code java -cp coarse-bench.jar dev.coarse.bench.KernelSpeed L T seconds threads}. Prints one
 * line in the peers' format: {@code RESULT peer=coarse_multispin_<threads>t L=… T=… flips_per_ns=…
 * cpu_flips_per_ns=… e=… e_err=…} (cpu_flips_per_ns: per CPU-nanosecond used, robust to a busy machine).
 */
public final class KernelSpeed {

    private KernelSpeed() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: KernelSpeed L T seconds threads");
            System.exit(2);
        }
        int size = Integer.parseInt(args[0]);
        double temperature = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int threads = Integer.parseInt(args[3]);
        IsingModel model = IsingModel.atTemperature(Lattice.square(size), temperature);
        List<MultispinMetropolis> groups = MultispinMetropolis.groups(model, threads, 1L);
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
                "RESULT peer=coarse_multispin_%dt L=%d T=%.6f flips_per_ns=%.4f cpu_flips_per_ns=%.4f e=%.6f e_err=%.6f",
                threads, size, temperature, t.flipsPerNs(), t.flipsPerCpuNs(), mean, Math.sqrt(var / n)));
    }
}
