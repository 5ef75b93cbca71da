package dev.coarse.mc;

/**
 * Receives progress of a {@link ChainRunner} run. Implementations must be thread-safe: chains on different
 * threads report concurrently. {@code sweepsDone} is monotone across calls only per reporting thread;
 * a progress bar should keep the maximum seen.
 */
@FunctionalInterface
public interface Progress {

    /** {@code sweepsDone} of {@code sweepsTotal} sweeps (all chains, thermalisation included) are done. */
    void advance(long sweepsDone, long sweepsTotal);
}
