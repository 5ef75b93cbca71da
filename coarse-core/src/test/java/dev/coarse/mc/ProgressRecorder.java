package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Progress} for tests: checks that every report names the expected total and keeps the largest sweeps-done
 * count seen (reports from different threads need not be monotone), so that a test can check the run reached it.
 */
public final class ProgressRecorder implements Progress {

    private final long expectedTotal;
    private final AtomicLong largestDone = new AtomicLong();

    public ProgressRecorder(long expectedTotal) {
        this.expectedTotal = expectedTotal;
    }

    @Override
    public void advance(long sweepsDone, long sweepsTotal) {
        assertThat(sweepsTotal).isEqualTo(expectedTotal);
        largestDone.accumulateAndGet(sweepsDone, Math::max);
    }

    /** Asserts that some report said the whole total was done. */
    public void assertReachedTheTotal() {
        assertThat(largestDone.get()).isEqualTo(expectedTotal);
    }
}
