package dev.coarse.mc;

import java.nio.ByteBuffer;

/**
 * The one tunable step of a {@link FieldSampler} (HMC's leapfrog ε, a Metropolis proposal's half-width) with the
 * sampler's acceptance counts. After each proposal with acceptance probability a, while tuning is on,
 * ln step += g<sub>n</sub>(a − target) with g<sub>n</sub> = 1/(n + 10)<sup>0.6</sup>: a Robbins–Monro iteration
 * whose fixed point is the step with mean acceptance probability equal to the target. Off, the step never
 * changes, so the chain is a fixed, exactly invariant kernel. Mutable; one per sampler, used by one thread.
 */
public final class AdaptiveStep {

    /** Bytes of {@link #writeState}: the step, the tuning switch and three counts. */
    static final int STATE_BYTES = Double.BYTES + 1 + 3 * Long.BYTES;
    private static final double MIN_STEP = 1e-6;
    private static final double MAX_STEP = 1e3;

    private final double target;
    private double size;
    private boolean tuning;
    private long adjustments;
    private long proposals;
    private long accepted;

    /**
     * @throws IllegalArgumentException unless 0 &lt; target &lt; 1 and the step is finite and &gt; 0
     */
    AdaptiveStep(double initialStep, double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target acceptance must be in (0, 1), got " + target);
        }
        if (!(initialStep > 0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException("step size must be finite and > 0, got " + initialStep);
        }
        this.target = target;
        this.size = initialStep;
    }

    /** The current step. */
    public double size() {
        return size;
    }

    /** The acceptance the step is tuned to. */
    public double target() {
        return target;
    }

    /** Turns adaptation on (thermalisation) or off (production). */
    public void tuning(boolean on) {
        this.tuning = on;
    }

    /** Proposals made since the last {@link #resetCounts()}. */
    public long proposals() {
        return proposals;
    }

    /** Proposals accepted since the last {@link #resetCounts()}. */
    public long accepted() {
        return accepted;
    }

    /** accepted/proposals since the last reset (NaN before any proposal). */
    public double acceptance() {
        return (double) accepted / proposals;
    }

    /** Sets the counts to zero (the step is kept). */
    public void resetCounts() {
        proposals = 0;
        accepted = 0;
    }

    /**
     * Records one proposal: its acceptance probability min(1, e<sup>−ΔS</sup>) (NaN counts as 0) and whether it was
     * accepted; while tuning, moves the step.
     */
    void record(double acceptanceProbability, boolean wasAccepted) {
        proposals++;
        if (wasAccepted) {
            accepted++;
        }
        if (!tuning) {
            return;
        }
        double a = Double.isNaN(acceptanceProbability) ? 0.0 : acceptanceProbability;
        double gain = Math.pow(adjustments + 10.0, -0.6);
        adjustments++;
        size = Math.min(MAX_STEP, Math.max(MIN_STEP, size * Math.exp(gain * (a - target))));
    }

    /**
     * Writes everything later updates and the reported acceptance depend on ({@link #STATE_BYTES} bytes): the step's
     * raw bits, the tuning switch, the tuning iterations and the proposal counts (an in-chain checkpoint).
     *
     * <p>Modified: {@code out}'s position.
     */
    void writeState(ByteBuffer out) {
        out.putLong(Double.doubleToRawLongBits(size));
        out.put(tuning ? (byte) 1 : (byte) 0);
        out.putLong(adjustments);
        out.putLong(proposals);
        out.putLong(accepted);
    }

    /**
     * Replaces this step's state by one {@link #writeState} wrote (the target is the sampler's, not part of it).
     *
     * <p>Modified: this step, {@code in}'s position.
     *
     * @throws IllegalArgumentException if the bytes are not such a state (a step that is not finite and &gt; 0, negative
     *                                  counts, more accepted than proposed)
     */
    void readState(ByteBuffer in) {
        double savedSize = Double.longBitsToDouble(in.getLong());
        byte savedTuning = in.get();
        long savedAdjustments = in.getLong();
        long savedProposals = in.getLong();
        long savedAccepted = in.getLong();
        if (!(savedSize > 0) || Double.isInfinite(savedSize) || (savedTuning != 0 && savedTuning != 1)
                || savedAdjustments < 0 || savedProposals < 0 || savedAccepted < 0 || savedAccepted > savedProposals) {
            throw new IllegalArgumentException("not a saved step: size " + savedSize + ", tuning " + savedTuning
                    + ", " + savedAccepted + " of " + savedProposals + " accepted");
        }
        size = savedSize;
        tuning = savedTuning == 1;
        adjustments = savedAdjustments;
        proposals = savedProposals;
        accepted = savedAccepted;
    }
}
