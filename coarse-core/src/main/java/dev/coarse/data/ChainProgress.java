package dev.coarse.data;

/**
 * The saved progress of an unfinished unit of a sampling run (an in-chain checkpoint): how far its chains have got,
 * the samples they have kept so far and the opaque state of their group (configurations and generator states, as the
 * sampler wrote it), from which the unit continues bit for bit.
 *
 * @param sweepsDone sweeps (thermalisation included) every chain of the unit has made, ≥ 1
 * @param kept       the samples kept so far: a block of the unit's chains with as many samples each as were kept
 *                   (possibly none)
 * @param groupState the group's state, non-empty
 * @throws IllegalArgumentException if {@code sweepsDone} &lt; 1 or {@code groupState} is empty
 */
public record ChainProgress(long sweepsDone, ChainBlock kept, byte[] groupState) {

    public ChainProgress {
        if (sweepsDone < 1) {
            throw new IllegalArgumentException("saved progress needs at least one sweep done, got " + sweepsDone);
        }
        if (groupState.length == 0) {
            throw new IllegalArgumentException("saved progress needs the group's state");
        }
    }
}
