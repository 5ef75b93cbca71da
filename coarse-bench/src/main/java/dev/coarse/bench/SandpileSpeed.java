package dev.coarse.bench;

import dev.coarse.emergence.sandpile.Sandpile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Topplings per second of the sandpile kernel per wall-clock second and per CPU second of the driving thread (the
 * latter robust to a busy machine), after 4·L² grains of burn-in and a warm-up of the same length.
 *
 * <p>Usage: {@code java -cp coarse-bench.jar dev.coarse.bench.SandpileSpeed L seconds}; prints
 * {@code RESULT sandpile L=… topplings=… wall_per_s=… cpu_per_s=…}.
 */
public final class SandpileSpeed {

    private SandpileSpeed() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SandpileSpeed L seconds");
            System.exit(2);
        }
        int size = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
        int n = size * size;
        int[] sites = random.ints(1 << 20, 0, n).toArray();
        Sandpile pile = Sandpile.maximal(size);
        int next = 0;
        for (int g = 0; g < 8 * n; g++) {
            pile.addGrain(sites[next]);
            next = (next + 1) & ((1 << 20) - 1);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long end = wall0 + (long) (seconds * 1e9);
        long topplings = 0;
        while (System.nanoTime() < end) {
            for (int g = 0; g < 1000; g++) {
                topplings += pile.addGrain(sites[next]);
                next = (next + 1) & ((1 << 20) - 1);
            }
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT sandpile L=%d topplings=%d wall_s=%.3f cpu_s=%.3f wall_per_s=%.4g "
                + "cpu_per_s=%.4g%n", size, topplings, wall, cpu, topplings / wall, topplings / cpu);
    }
}
