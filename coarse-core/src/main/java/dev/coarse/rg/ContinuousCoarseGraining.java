package dev.coarse.rg;

import dev.coarse.lattice.Lattice;

/**
 * A coarse-graining whose output is real-valued (e.g. the block average), kept separate from
 * {@link CoarseGraining} whose output is ±1 spins. Deterministic: no randomness.
 */
public interface ContinuousCoarseGraining {

    String name();

    double scaleFactor();

    /** @throws IllegalArgumentException if the rule cannot be applied to {@code fine} */
    Lattice coarseLattice(Lattice fine);

    /** Modified: {@code coarseValues} (length of the coarse lattice). Not modified: {@code fineConfiguration}. */
    void applyContinuous(Lattice fine, byte[] fineConfiguration, double[] coarseValues);
}
