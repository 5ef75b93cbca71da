package dev.coarse.mc;

/**
 * The step adaptation of a {@link FieldSampler}: after each proposal with acceptance probability a, while tuning,
 * ln step += g<sub>n</sub> (a − target) with g<sub>n</sub> = 1/(n + 10)<sup>0.6</sup>, a Robbins–Monro iteration
 * whose fixed point is the step with mean acceptance probability equal to the target. Off, the step never changes.
 * Mutable; one per sampler.
 */
final class StepSizeTuner {

    private static final double MIN_STEP = 1e-6;
    private static final double MAX_STEP = 1e3;

    private final double target;
    private double step;
    private boolean on;
    private long updates;

    /**
     * @throws IllegalArgumentException unless 0 &lt; target &lt; 1 and the step is finite and &gt; 0
     */
    StepSizeTuner(double initialStep, double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target acceptance must be in (0, 1), got " + target);
        }
        if (!(initialStep > 0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException("step size must be finite and > 0, got " + initialStep);
        }
        this.target = target;
        this.step = initialStep;
    }

    double step() {
        return step;
    }

    void on(boolean tuning) {
        this.on = tuning;
    }

    /** Records one proposal's acceptance probability min(1, e<sup>−ΔS</sup>) and, while tuning, moves the step. */
    void record(double acceptanceProbability) {
        if (!on) {
            return;
        }
        double gain = Math.pow(updates + 10.0, -0.6);
        updates++;
        step = Math.min(MAX_STEP, Math.max(MIN_STEP, step * Math.exp(gain * (acceptanceProbability - target))));
    }
}
