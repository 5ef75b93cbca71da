package dev.coarse.mc;

import dev.coarse.model.FieldModel;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Hybrid (Hamiltonian) Monte Carlo (Duane, Kennedy, Pendleton and Roweth 1987) for a {@link FieldModel}: momenta
 * π<sub>k</sub> ~ N(0, 1) for every real component of the field, H = ½Σπ² + S(φ), a leapfrog trajectory of
 * n = ⌈τ/ε⌉ steps of size ε, and a Metropolis test min(1, e<sup>−ΔH</sup>). The leapfrog map is volume-preserving
 * and reversible under π → −π, so the test makes the kernel exact for any ε; ε only sets the acceptance and the cost.
 *
 * <p>The trajectory length τ is fixed (1 by default); ε is tuned towards a target acceptance while
 * tuning is on ({@link AdaptiveStep}), so n = ⌈τ/ε⌉ follows it. A rejected trajectory restores the start
 * exactly (a copy, not the reversed integration). Scratch: three arrays of the field's length.
 */
public final class HybridMonteCarlo implements FieldSampler {

    /** Default trajectory length τ. */
    public static final double DEFAULT_TRAJECTORY_LENGTH = 1.0;
    /** Default target acceptance of the step tuning. */
    public static final double DEFAULT_TARGET_ACCEPTANCE = 0.8;
    /** The step tuning starts from this ε. */
    public static final double INITIAL_STEP = 0.1;

    private final FieldModel model;
    private final double trajectoryLength;
    private final AdaptiveStep step;
    private final double[] momentum;
    private final double[] force;
    private final double[] start;
    private double lastEnergyViolation = Double.NaN;

    /**
     * @param trajectoryLength τ &gt; 0, finite
     * @param targetAcceptance the acceptance the step is tuned to, in (0, 1)
     * @throws IllegalArgumentException on a bad τ or target
     */
    public HybridMonteCarlo(FieldModel model, double trajectoryLength, double targetAcceptance) {
        this.model = Objects.requireNonNull(model, "model");
        if (!(trajectoryLength > 0) || Double.isInfinite(trajectoryLength)) {
            throw new IllegalArgumentException("trajectory length must be finite and > 0, got " + trajectoryLength);
        }
        this.trajectoryLength = trajectoryLength;
        this.step = new AdaptiveStep(Math.min(INITIAL_STEP, trajectoryLength), targetAcceptance);
        int n = model.fieldLength();
        this.momentum = new double[n];
        this.force = new double[n];
        this.start = new double[n];
    }

    /** τ = 1, target acceptance 0.8. */
    public HybridMonteCarlo(FieldModel model) {
        this(model, DEFAULT_TRAJECTORY_LENGTH, DEFAULT_TARGET_ACCEPTANCE);
    }

    @Override
    public FieldModel model() {
        return model;
    }

    @Override
    public SamplerKind kind() {
        return SamplerKind.HMC;
    }

    /** Leapfrog steps per trajectory, ⌈τ/ε⌉. */
    public int leapfrogSteps() {
        return leapfrogSteps(trajectoryLength, step.size());
    }

    /** ⌈τ/ε⌉, at least 1 (a step within 1e-9 of τ/n counts as n steps). */
    static int leapfrogSteps(double trajectoryLength, double step) {
        return (int) Math.max(1, Math.ceil(trajectoryLength / step - 1e-9));
    }

    @Override
    public void update(double[] field, RandomGenerator rng) {
        int n = field.length;
        for (int k = 0; k < n; k++) {
            momentum[k] = rng.nextGaussian();
        }
        System.arraycopy(field, 0, start, 0, n);
        double before = hamiltonian(field, momentum);
        double epsilon = step.size();
        leapfrog(field, momentum, epsilon, leapfrogSteps(trajectoryLength, epsilon));
        double violation = hamiltonian(field, momentum) - before;
        lastEnergyViolation = violation;
        double probability = violation <= 0 ? 1.0 : Math.exp(-violation); // NaN (a blown-up trajectory) rejects
        boolean accept = rng.nextDouble() < probability;
        if (!accept) {
            System.arraycopy(start, 0, field, 0, n);
        }
        step.record(probability, accept);
    }

    /** ΔH of the last trajectory (before the accept test); NaN before the first. */
    public double lastEnergyViolation() {
        return lastEnergyViolation;
    }

    /** H = ½Σπ² + S(φ). Not modified: either array. */
    public double hamiltonian(double[] field, double[] momentum) {
        double kinetic = 0;
        for (double p : momentum) {
            kinetic += p * p;
        }
        return 0.5 * kinetic + model.action(field);
    }

    /**
     * {@code steps} leapfrog steps of size {@code step}: π −= ε/2 ∇S, then (φ += ε π, π −= ε ∇S) with the last
     * momentum kick halved. Reversible: flipping π and integrating again returns the start (to rounding).
     *
     * <p>Modified: {@code field} and {@code momentum}.
     */
    public void leapfrog(double[] field, double[] momentum, double step, int steps) {
        int n = field.length;
        model.gradient(field, force);
        for (int k = 0; k < n; k++) {
            momentum[k] -= 0.5 * step * force[k];
        }
        for (int s = 0; s < steps; s++) {
            for (int k = 0; k < n; k++) {
                field[k] += step * momentum[k];
            }
            model.gradient(field, force);
            double kick = s == steps - 1 ? 0.5 * step : step;
            for (int k = 0; k < n; k++) {
                momentum[k] -= kick * force[k];
            }
        }
    }

    @Override
    public AdaptiveStep step() {
        return step;
    }
}
