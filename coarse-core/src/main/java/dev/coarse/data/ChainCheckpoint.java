package dev.coarse.data;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a sampling run keeps the output of each finished unit (a chain, or a 64-replica multispin group) so
 * that an interrupted run can skip it when resumed, and the progress of each unfinished unit so that it continues
 * from there ({@link ChainProgress}, an in-chain checkpoint). Units are numbered 0, 1, … in chain order.
 * {@link CheckpointDirectory} is the on-disk implementation.
 *
 * <p>Implementations must be thread-safe: {@link #save} is called from worker threads, concurrently for
 * different units. A save must be atomic: after a crash a unit (or its progress) is either fully stored or absent.
 * Once a unit is saved, its progress is no longer needed (and {@link #load} takes precedence over it).
 */
public interface ChainCheckpoint {

    /** The stored block of {@code unit}, or empty if the unit has not been saved. */
    Optional<ChainBlock> load(int unit) throws IOException;

    /** Stores the finished block of {@code unit} (replacing a previous one). */
    void save(int unit, ChainBlock block) throws IOException;

    /** The saved progress of the unfinished {@code unit}, or empty (the default: progress is not kept). */
    default Optional<ChainProgress> loadProgress(int unit) throws IOException {
        return Optional.empty();
    }

    /** Stores the progress of the unfinished {@code unit}, replacing an earlier one (the default keeps nothing). */
    default void saveProgress(int unit, ChainProgress progress) throws IOException {
    }
}
