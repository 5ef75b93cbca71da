package dev.coarse.mc.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Wall-clock throughput of sampler kernels, in spin-flip attempts per nanosecond: the measurement core of
 * {@code coarse bench} (JMH lives in the coarse-bench module, which the CLI cannot depend on).
 *
 * <p>Each task is called repeatedly for a warm-up period (so the JIT compiles it), then in short slices
 * until a slice passes in which the JIT compiled nothing (at most {@value #MAX_SETTLE_FACTOR}× the warm-up
 * more; a kernel still running in the interpreter or in C1 code when the warm-up ends would be timed at a
 * fraction of its speed: JDK 17 compiles the vectorised multi-spin kernel after about 2 s, and before that it
 * runs 100× slower), then for the measured period; throughput = calls × flipsPerCall /
 * elapsed nanoseconds. With several tasks, each runs on its
 * own thread, all start the measured period together, and the flips of all threads are added.
 */
public final class ThroughputMeter {

    /**
     * One measurement.
     *
     * @param flipsPerNs spin-flip attempts per nanosecond, summed over threads
     * @param calls      task calls in the measured period, summed over threads
     * @param seconds    wall-clock length of the measured period
     * @param threads    number of tasks run concurrently
     * @param cpuSeconds CPU time the measuring threads used in the measured period, summed (NaN when the
     *                   JVM cannot measure thread CPU time); on a busy machine cpuSeconds &lt; threads·seconds
     */
    public record Throughput(double flipsPerNs, long calls, double seconds, int threads, double cpuSeconds) {

        /** Flips per nanosecond of CPU time used, summed over threads: the per-core speed, robust to load. */
        public double flipsPerCpuNs() {
            return flipsPerNs * seconds / cpuSeconds;
        }
    }

    /** The settling slices last at most this many times the warm-up. */
    static final int MAX_SETTLE_FACTOR = 4;
    /** Settling slices: warm-up / SLICES_PER_WARMUP, within [MIN_SLICE_NS, MAX_SLICE_NS]. */
    private static final int SLICES_PER_WARMUP = 20;
    private static final long MIN_SLICE_NS = 10_000_000L;
    private static final long MAX_SLICE_NS = 250_000_000L;

    private ThroughputMeter() {
    }

    /** Throughput of one task (e.g. {@code group::sweep} with flipsPerCall = 64·N) on the calling thread. */
    public static Throughput measure(Runnable task, long flipsPerCall, Duration warmup, Duration duration) {
        return measureParallel(List.of(task), flipsPerCall, warmup, duration);
    }

    /**
     * Throughput of several tasks run concurrently, one thread each; every task must own its state (e.g.
     * one replica group per task).
     */
    public static Throughput measureParallel(List<Runnable> tasks, long flipsPerCall, Duration warmup,
            Duration duration) {
        if (flipsPerCall <= 0) {
            throw new IllegalArgumentException("need flipsPerCall > 0, got " + flipsPerCall);
        }
        List<LongSupplier> counted = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            counted.add(() -> {
                task.run();
                return flipsPerCall;
            });
        }
        return measureCounted(counted, warmup, duration);
    }

    /**
     * Throughput of tasks that report their own work: each call returns the spin flips it made (e.g. a Wolff
     * step returns its cluster size), and flipsPerNs is the sum of the returns in the measured period over
     * its length. Tasks run concurrently, one thread each, and must own their state.
     */
    public static Throughput measureCounted(List<LongSupplier> tasks, Duration warmup, Duration duration) {
        if (tasks.isEmpty() || duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("need tasks, a positive duration and warm-up >= 0");
        }
        int threads = tasks.size();
        long[] calls = new long[threads];
        long[] flips = new long[threads];
        long[] start = new long[threads];
        long[] end = new long[threads];
        long[] cpu = new long[threads];
        ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = cpuClock.isCurrentThreadCpuTimeSupported();
        CyclicBarrier barrier = new CyclicBarrier(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            LongSupplier task = tasks.get(t);
            workers[t] = new Thread(() -> {
                try {
                    warmUp(task, warmup.toNanos());
                    barrier.await();
                    long cpuBegin = cpuTimed ? cpuClock.getCurrentThreadCpuTime() : 0;
                    long begin = System.nanoTime();
                    long stop = begin + duration.toNanos();
                    long n = 0;
                    long work = 0;
                    long now;
                    do {
                        work += task.getAsLong();
                        n++;
                        now = System.nanoTime();
                    } while (now < stop);
                    cpu[id] = cpuTimed ? cpuClock.getCurrentThreadCpuTime() - cpuBegin : 0;
                    start[id] = begin;
                    end[id] = now;
                    calls[id] = n;
                    flips[id] = work;
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    barrier.reset();
                }
            }, "throughput-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("benchmark task failed", failure.get());
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long total = 0;
        double work = 0;
        long cpuTotal = 0;
        for (int t = 0; t < threads; t++) {
            cpuTotal += cpu[t];
            first = Math.min(first, start[t]);
            last = Math.max(last, end[t]);
            total += calls[t];
            work += flips[t];
        }
        double elapsed = last - first;
        return new Throughput(work / elapsed, total, elapsed * 1e-9, threads,
                cpuTimed ? cpuTotal * 1e-9 : Double.NaN);
    }

    /** Fixed warm-up, then slices until one passes without JIT compilation (see the class comment). */
    private static void warmUp(LongSupplier task, long warmupNs) {
        long warmupEnd = System.nanoTime() + warmupNs;
        while (System.nanoTime() < warmupEnd) {
            task.getAsLong();
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (warmupNs == 0 || jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long slice = Math.max(MIN_SLICE_NS, Math.min(MAX_SLICE_NS, warmupNs / SLICES_PER_WARMUP));
        long settleEnd = System.nanoTime() + MAX_SETTLE_FACTOR * warmupNs;
        long now = System.nanoTime();
        while (now < settleEnd) {
            long compiled = jit.getTotalCompilationTime();
            long begin = now;
            do {
                task.getAsLong();
                now = System.nanoTime();
            } while (now - begin < slice);
            if (jit.getTotalCompilationTime() == compiled) {
                return;
            }
        }
    }
}
