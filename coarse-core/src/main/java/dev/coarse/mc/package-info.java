/**
 * Markov-chain Monte Carlo: {@link dev.coarse.mc.Sampler} kernels for the Ising model
 * ({@link dev.coarse.mc.CheckerboardMetropolis}, {@link dev.coarse.mc.HeatBath}, {@link dev.coarse.mc.Wolff},
 * {@link dev.coarse.mc.SwendsenWang}) and the Potts model ({@link dev.coarse.mc.PottsMetropolis},
 * {@link dev.coarse.mc.PottsWolff}), created by name with {@link dev.coarse.mc.Samplers}, and the worm sampler for
 * close-packed dimers ({@link dev.coarse.mc.DimerWorm}) with their observables
 * ({@link dev.coarse.mc.DimerObservables}: aligned plaquettes, columnar order, a block's electric field); the
 * {@link dev.coarse.mc.ChainRunner} that runs a {@link dev.coarse.mc.RunSpec}'s independent chains on a
 * thread pool with split random streams into a {@link dev.coarse.mc.ChainResult}; and
 * {@link dev.coarse.mc.Observables}, the thermodynamic measurements with errors. A run can skip and save
 * finished chains through a {@link dev.coarse.data.ChainCheckpoint} (the only use of {@code data}). Depends on
 * {@code lattice}, {@code model}, {@code stats} and that interface; not on {@code exact} (only its tests do) or
 * on files.
 */
package dev.coarse.mc;
