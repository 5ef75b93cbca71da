package dev.coarse.mc;

/**
 * When a running unit's next in-chain checkpoint is due under a {@link CheckpointCadence}: at the next multiple of
 * its sweeps, or once its interval has passed since the last save (or since the clock was made). Shared by
 * {@link ChainRunner} and {@link FieldChainRunner}; one per running unit, used by its thread.
 */
final class CheckpointClock {

    private final CheckpointCadence cadence;
    private long nextSweeps = Long.MAX_VALUE;
    private long lastSave = System.nanoTime();

    CheckpointClock(CheckpointCadence cadence) {
        this.cadence = cadence;
    }

    /** Counts from {@code swept} sweeps: the next save by count is at the next multiple of the cadence's sweeps. */
    void start(long swept) {
        nextSweeps = cadence.sweeps() > 0 ? (swept / cadence.sweeps() + 1) * cadence.sweeps() : Long.MAX_VALUE;
    }

    /** Sweeps the unit may make from {@code swept} before the next save by count (huge if it saves by time only). */
    long sweepsUntilDue(long swept) {
        return nextSweeps - swept;
    }

    /** Whether a save is due after {@code swept} sweeps, by count or by time. */
    boolean due(long swept) {
        return swept >= nextSweeps
                || (!cadence.interval().isZero() && System.nanoTime() - lastSave >= cadence.interval().toNanos());
    }

    /** Records a save after {@code swept} sweeps: the count and the time start again from there. */
    void saved(long swept) {
        start(swept);
        lastSave = System.nanoTime();
    }
}
