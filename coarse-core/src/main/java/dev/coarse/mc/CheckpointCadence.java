package dev.coarse.mc;

import java.time.Duration;

/**
 * How often {@link ChainRunner} saves the progress of an unfinished chain group (an in-chain checkpoint): after every
 * {@code sweeps} sweeps of the group, and whenever {@code interval} has passed since its last save (or since it
 * started), whichever comes first. The saves do not change the chains: a run resumed from any of them is
 * bit-identical to an uninterrupted one.
 *
 * @param sweeps   sweeps between saves; 0 saves by time only
 * @param interval wall time between saves; zero saves by count only
 * @throws IllegalArgumentException if {@code sweeps} or {@code interval} is negative
 */
public record CheckpointCadence(long sweeps, Duration interval) {

    /** The default: every five minutes of a group's wall time, whatever the sweeps. */
    public static final CheckpointCadence DEFAULT = new CheckpointCadence(0, Duration.ofMinutes(5));
    /** Never save unfinished groups (finished ones are still saved). */
    public static final CheckpointCadence NEVER = new CheckpointCadence(0, Duration.ZERO);

    public CheckpointCadence {
        if (sweeps < 0) {
            throw new IllegalArgumentException("sweeps between checkpoints must be >= 0 (0: by time only), got " + sweeps);
        }
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("the time between checkpoints must be >= 0 (0: by sweeps only), got "
                    + interval);
        }
    }

    /** Whether unfinished groups are saved at all. */
    public boolean saves() {
        return sweeps > 0 || !interval.isZero();
    }
}
