package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import java.util.random.RandomGenerator;

/**
 * A map from a spin configuration on a fine lattice to one on a coarser lattice: one real-space RG step.
 * Fixed rules (majority, decimation) and learned ones (RSMI filters, RBMs, flows) implement the same
 * interface, so every analysis works on every rule.
 */
public interface CoarseGraining {

    /** The rule's CLI name, e.g. "majority" or "decimation". */
    String name();

    /** Linear scale factor b: one coarse lattice spacing is b fine spacings (√2 for corner-sharing plaquettes). */
    double scaleFactor();

    /**
     * The coarse lattice this rule produces from {@code fine}.
     *
     * @throws IllegalArgumentException if the rule cannot be applied to {@code fine} (e.g. b does not divide L)
     */
    Lattice coarseLattice(Lattice fine);

    /**
     * Coarse-grains one ±1 configuration.
     *
     * <p>Modified: {@code coarse}. Not modified: {@code fine}. {@code rng} is used only by rules that need
     * randomness (e.g. breaking majority ties) and must be given even if unused.
     */
    void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng);
}
