package dev.coarse.bench;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.CheckerboardMetropolis;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.model.IsingModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether one kernel's speed depends on which kernels ran before it in the same JVM (on JDK 17 it does: the byte
 * checkerboard kernel compiles 2.5× slower after the packed one has run, BENCHMARKS.md). Runs the named kernels in
 * order at L = 128, T<sub>c</sub>, each for {@code seconds} of warm-up and {@code seconds} measured, and prints
 * their flips/ns: {@code multispin} (64 replicas, the sampler's eight-site blocks: one 512-bit vector on a JDK after
 * 17 with AVX-512), {@code packed} (the {@code metropolis} sampler, 16 sweeps per
 * call), {@code bytes} (its byte-per-site kernel, one sweep per call), {@code packedinit} (creates the packed
 * sampler, which runs its vector self-check, and nothing else), {@code narrow} (the multispin kernel with four sites
 * per 256-bit vector, {@code MultispinMetropolis.Width.NARROW}).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp coarse-bench.jar dev.coarse.bench.KernelOrder
 * seconds kernel…}, e.g. {@code 3 packedinit bytes}.
 */
public final class KernelOrder {

    private static final int L = 128;
    private static final double T_C = 2.269185314213022;

    private KernelOrder() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            usage();
        }
        final double seconds;
        try {
            seconds = Double.parseDouble(args[0]);
        } catch (NumberFormatException e) {
            usage();
            return;
        }
        IsingModel model = IsingModel.atTemperature(Lattice.square(L), T_C);
        byte[] spins = new byte[L * L];
        Arrays.fill(spins, (byte) 1);
        SplittableRandom rng = new SplittableRandom(1);
        StringBuilder line = new StringBuilder("RESULT kernel_order");
        for (String kernel : Arrays.copyOfRange(args, 1, args.length)) {
            double rate;
            switch (kernel) {
                case "multispin" -> {
                    MultispinMetropolis group = new MultispinMetropolis(model, 1L);
                    rate = flipsPerNs(group::sweep, 64L * L * L, seconds);
                }
                case "packed" -> {
                    CheckerboardMetropolis m = new CheckerboardMetropolis(model);
                    rate = flipsPerNs(() -> m.sweeps(spins, rng, 16), 16L * L * L, seconds);
                }
                case "bytes" -> {
                    CheckerboardMetropolis m = CheckerboardMetropolis.bytewise(model);
                    rate = flipsPerNs(() -> m.sweep(spins, rng), (long) L * L, seconds);
                }
                case "narrow" -> {
                    MultispinMetropolis group = new MultispinMetropolis(model, MultispinMetropolis.rootGenerator(1L),
                            MultispinMetropolis.Width.NARROW);
                    rate = flipsPerNs(group::sweep, 64L * L * L, seconds);
                }
                case "packedinit" -> {
                    new CheckerboardMetropolis(model);
                    rate = Double.NaN;
                }
                default -> {
                    usage();
                    return;
                }
            }
            line.append(String.format(Locale.ROOT, " %s=%.3f", kernel, rate));
        }
        System.out.println(line);
    }

    private static double flipsPerNs(Runnable call, long flipsPerCall, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            call.run();
        }
        long calls = 0;
        long start = System.nanoTime();
        end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            call.run();
            calls++;
        }
        return calls * (double) flipsPerCall / (System.nanoTime() - start);
    }

    private static void usage() {
        System.err.println("usage: KernelOrder seconds (multispin|packed|bytes|narrow|packedinit)...");
        System.exit(2);
    }
}
