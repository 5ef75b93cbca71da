package dev.coarse.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The one way Coarse runs work in parallel: independent tasks with indices 0 … count − 1 on at most
 * {@code threads} daemon threads. Chains ({@link ChainRunner}), multispin groups, the points of a coupling or
 * temperature sweep, RBM training chunks and AIS runs all go through it, so they share one failure and
 * interruption policy.
 *
 * <p>Why results never depend on the thread count: a task receives only its index, and every caller splits its
 * random streams per index before the pool runs anything; a task must write only outputs that belong to its
 * index. The order in which tasks run is then invisible in the result.
 *
 * <p>Failure: when a task throws, the tasks still running are interrupted (they stop at their next check of
 * {@link Thread#isInterrupted()}), those not started never start, and the exception is rethrown as it is (a
 * {@link RuntimeException} or {@link Error}; the first one to happen when several fail). When the caller is
 * interrupted while it waits, the tasks are interrupted in the same way and the caller gets an
 * {@link IllegalStateException} "<i>work</i> interrupted", with its interrupt flag set again. In both cases the
 * call returns without waiting for the interrupted tasks to notice.
 *
 * <p>Tasks always run on the pool's threads, also with one thread, so the policy above holds for every thread
 * count. {@link #run(String, int, int, IntConsumer)} makes and ends a pool per call; a caller with many small
 * rounds (RBM training: one per mini-batch) keeps one open with {@link #open} and closes it when done.
 */
public final class TaskPool implements AutoCloseable {

    private final String work;
    private final ExecutorService executor;

    private TaskPool(String work, int threads) {
        this.work = work;
        AtomicInteger index = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "coarse-" + work + "-" + index.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A pool of {@code threads} daemon threads for several rounds of {@link #run(int, IntConsumer)}; close it.
     * {@code work} names the threads ("coarse-<i>work</i>-k") and the interruption message.
     *
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public static TaskPool open(String work, int threads) {
        return new TaskPool(work, requireThreads(threads));
    }

    /**
     * Runs {@code task.accept(i)} for i = 0 … count − 1 on min(threads, count) new daemon threads and waits for
     * all (see the class comment for failures and interruption).
     *
     * @throws IllegalArgumentException if count &lt; 0 or threads &lt; 1
     * @throws IllegalStateException    if the caller is interrupted
     */
    public static void run(String work, int count, int threads, IntConsumer task) {
        requireThreads(threads);
        requireCount(count);
        if (count == 0) {
            return;
        }
        try (TaskPool pool = new TaskPool(work, Math.min(threads, count))) {
            pool.run(count, task);
        }
    }

    /**
     * Runs {@code task.accept(i)} for i = 0 … count − 1 on this pool's threads and waits for all (see the class
     * comment for failures and interruption); the pool stays open for the next round.
     *
     * @throws IllegalArgumentException if count &lt; 0
     * @throws IllegalStateException    if the caller is interrupted
     */
    public void run(int count, IntConsumer task) {
        requireCount(count);
        CompletionService<Void> completion = new ExecutorCompletionService<>(executor);
        List<Future<Void>> futures = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(completion.submit(() -> task.accept(index), null));
            }
            for (int done = 0; done < count; done++) {
                completion.take().get();
            }
        } catch (InterruptedException e) {
            cancel(futures);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(work + " interrupted", e);
        } catch (ExecutionException e) {
            cancel(futures);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(work + " failed: " + cause, cause);
        }
    }

    /** Interrupts the running tasks and drops the queued ones. */
    private static void cancel(List<Future<Void>> futures) {
        for (Future<Void> f : futures) {
            f.cancel(true);
        }
    }

    /** Ends the threads, interrupting any task still running (there is none after a round that returned normally). */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static int requireThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return threads;
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("task count must be >= 0, got " + count);
        }
    }
}
