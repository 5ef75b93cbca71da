/**
 * Markov-chain Monte Carlo: {@link dev.coarse.mc.Sampler} kernels for the Ising and Potts models and the
 * chain runner that runs independent chains on all cores with split random streams. Depends on
 * {@code lattice}, {@code model} and {@code stats}.
 */
package dev.coarse.mc;
