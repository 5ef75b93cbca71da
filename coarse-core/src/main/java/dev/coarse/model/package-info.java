/**
 * Hamiltonians as validated immutable records ({@link dev.coarse.model.Model}): the Ising model
 * ({@link dev.coarse.model.IsingModel}) on chains, square and cubic lattices, and the q-state Potts model
 * ({@link dev.coarse.model.PottsModel}). Constructors reject bad parameters with
 * {@link java.lang.IllegalArgumentException}. Depends only on {@code lattice}.
 */
package dev.coarse.model;
