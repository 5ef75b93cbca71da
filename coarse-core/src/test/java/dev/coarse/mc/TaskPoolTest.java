package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskPoolTest {

    /** Long enough for a test that waits on a latch; reached only when the pool is broken. */
    private static final long WAIT_SECONDS = 30;

    @Test
    void everyIndexRunsOnceWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 5, 40}) {
            int[] hits = new int[17];
            TaskPool.run("test", hits.length, threads, i -> hits[i]++);
            assertThat(hits).as("%d threads", threads).containsOnly(1);
        }
        TaskPool.run("test", 0, 3, i -> {
            throw new AssertionError("no task to run");
        });
    }

    @Test
    void tasksRunOnDaemonThreadsNamedForTheWork() {
        AtomicReference<Thread> worker = new AtomicReference<>();
        TaskPool.run("sampling", 1, 1, i -> worker.set(Thread.currentThread()));
        assertThat(worker.get()).isNotSameAs(Thread.currentThread());
        assertThat(worker.get().isDaemon()).isTrue();
        assertThat(worker.get().getName()).startsWith("coarse-sampling-");
    }

    @Test
    void anOpenPoolServesSeveralRounds() {
        long[] sums = new long[3];
        try (TaskPool pool = TaskPool.open("test", 2)) {
            for (int round = 0; round < 3; round++) {
                long[] parts = new long[10];
                int r = round;
                pool.run(parts.length, i -> parts[i] = (long) i * (r + 1));
                for (long p : parts) {
                    sums[round] += p;
                }
            }
        }
        assertThat(sums).containsExactly(45, 90, 135);
    }

    @Test
    void aFailingTaskIsRethrownAsItIsAndInterruptsTheOthers() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        IllegalArgumentException failure = new IllegalArgumentException("bad point");
        assertThatThrownBy(() -> TaskPool.run("test", 2, 2, i -> {
            if (i == 0) {
                started.countDown();
                waitUntilInterrupted(stopped);
            } else {
                await(started);
                throw failure;
            }
        })).isSameAs(failure);
        assertThat(stopped.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the other task was interrupted").isTrue();
    }

    @Test
    void anInterruptedCallerGetsAnIllegalStateExceptionAndTheTasksAreInterrupted() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                TaskPool.run("sampling", 1, 1, i -> {
                    started.countDown();
                    waitUntilInterrupted(stopped);
                });
            } catch (RuntimeException e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        await(started);
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessage("sampling interrupted");
        assertThat(flagKept).isTrue();
        assertThat(stopped.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the task was interrupted").isTrue();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> TaskPool.run("test", 3, 0, i -> { })).hasMessageContaining("threads must be >= 1");
        assertThatThrownBy(() -> TaskPool.run("test", -1, 1, i -> { })).hasMessageContaining("count must be >= 0");
        assertThatThrownBy(() -> TaskPool.open("test", 0)).hasMessageContaining("threads must be >= 1");
    }

    /** Sleeps until the thread is interrupted, then counts down {@code stopped}. */
    private static void waitUntilInterrupted(CountDownLatch stopped) {
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            stopped.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
