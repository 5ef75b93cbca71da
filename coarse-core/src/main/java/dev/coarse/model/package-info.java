/**
 * Hamiltonians as validated immutable records ({@link dev.coarse.model.Model}): the Ising model
 * ({@link dev.coarse.model.IsingModel}) on chains, square and cubic lattices, the q-state Potts model
 * ({@link dev.coarse.model.PottsModel}), and close-packed dimers with the aligned-plaquette interaction
 * ({@link dev.coarse.model.DimerModel}, bond occupations; its javadoc fixes the dimer geometry every other package
 * uses); and lattice field theories with an action S(φ) and its gradient ({@link dev.coarse.model.FieldModel}: the real
 * φ⁴ theory in the hopping form, {@link dev.coarse.model.Phi4Model}, and complex φ⁴,
 * {@link dev.coarse.model.ComplexPhi4Model}), whose configurations are {@code double[]}. Constructors reject bad parameters with {@link java.lang.IllegalArgumentException}. A model says what its
 * configurations hold ({@link dev.coarse.model.Model#degreesOfFreedom()}). Depends only on {@code lattice} and {@code configuration}.
 */
package dev.coarse.model;
