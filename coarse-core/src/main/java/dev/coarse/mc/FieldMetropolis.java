package dev.coarse.mc;

import dev.coarse.model.FieldModel;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Local Metropolis for a {@link FieldModel}, the simple reference HMC is tested against: a sweep visits the sites in
 * order and proposes φ<sub>x</sub> → φ<sub>x</sub> + δu with u uniform in [−1, 1] (each of re and im for a complex
 * field), accepted with min(1, e<sup>−ΔS</sup>), ΔS from {@link FieldModel#siteAction}. The symmetric proposal makes
 * each site update satisfy detailed balance; a sequential sweep keeps e<sup>−S</sup> invariant.
 *
 * <p>The half-width δ starts at 1 and is tuned towards a target acceptance (default 0.5) while tuning is
 * on. Proposals are counted per site.
 */
public final class FieldMetropolis implements FieldSampler {

    /** Default target acceptance of the width tuning. */
    public static final double DEFAULT_TARGET_ACCEPTANCE = 0.5;

    private final FieldModel model;
    private final AdaptiveStep step;
    private final boolean complex;

    /**
     * @param targetAcceptance the acceptance the width is tuned to, in (0, 1)
     * @throws IllegalArgumentException on a bad target
     */
    public FieldMetropolis(FieldModel model, double targetAcceptance) {
        this.model = Objects.requireNonNull(model, "model");
        this.step = new AdaptiveStep(1.0, targetAcceptance);
        this.complex = model.componentsPerSite() == 2;
    }

    /** Target acceptance 0.5. */
    public FieldMetropolis(FieldModel model) {
        this(model, DEFAULT_TARGET_ACCEPTANCE);
    }

    @Override
    public FieldModel model() {
        return model;
    }

    @Override
    public SamplerKind kind() {
        return SamplerKind.METROPOLIS;
    }

    @Override
    public void update(double[] field, RandomGenerator rng) {
        int n = model.lattice().siteCount();
        int parts = complex ? 2 : 1;
        for (int x = 0; x < n; x++) {
            double delta = step.size();
            double re = field[parts * x];
            double im = complex ? field[2 * x + 1] : 0.0;
            double newRe = re + delta * (2 * rng.nextDouble() - 1);
            double newIm = complex ? im + delta * (2 * rng.nextDouble() - 1) : 0.0;
            double change = model.siteAction(field, x, newRe, newIm) - model.siteAction(field, x, re, im);
            double probability = change <= 0 ? 1.0 : Math.exp(-change);
            boolean accept = rng.nextDouble() < probability;
            if (accept) {
                field[parts * x] = newRe;
                if (complex) {
                    field[2 * x + 1] = newIm;
                }
            }
            step.record(probability, accept);
        }
    }

    @Override
    public AdaptiveStep step() {
        return step;
    }
}
