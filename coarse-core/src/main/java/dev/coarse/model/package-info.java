/**
 * Hamiltonians as validated immutable records ({@link dev.coarse.model.Model}): the Ising model
 * ({@link dev.coarse.model.IsingModel}) on chains, square and cubic lattices, and the q-state Potts model
 * ({@link dev.coarse.model.PottsModel}). Constructors reject bad parameters with
 * {@link java.lang.IllegalArgumentException}. A model says what its configurations hold
 * ({@link dev.coarse.model.Model#degreesOfFreedom()}). Depends only on {@code lattice} and {@code configuration}.
 */
package dev.coarse.model;
