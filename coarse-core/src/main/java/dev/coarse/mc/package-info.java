/**
 * Markov-chain Monte Carlo. {@link dev.coarse.mc.Sampler} kernels for the Ising model
 * ({@link dev.coarse.mc.CheckerboardMetropolis}, {@link dev.coarse.mc.HeatBath}, {@link dev.coarse.mc.Wolff},
 * {@link dev.coarse.mc.SwendsenWang}) and the Potts model ({@link dev.coarse.mc.PottsMetropolis},
 * {@link dev.coarse.mc.PottsWolff}), the 64-replica {@link dev.coarse.mc.MultispinMetropolis} and the worm sampler
 * for close-packed dimers ({@link dev.coarse.mc.DimerWorm}) with their observables
 * ({@link dev.coarse.mc.DimerObservables}: aligned plaquettes, columnar order, a block's electric field); the kinds of
 * sampler as an enum, {@link dev.coarse.mc.SamplerKind}, whose ids are what files record. The
 * {@link dev.coarse.mc.ChainRunner} runs a {@link dev.coarse.mc.RunSpec}'s chains as
 * {@link dev.coarse.mc.ChainGroup}s (one chain of a sampler, or a multispin group) with split random streams into a
 * {@link dev.coarse.mc.ChainResult}, on a {@link dev.coarse.mc.TaskPool}, the executor every parallel loop of
 * Coarse uses; {@link dev.coarse.mc.Observables} are the thermodynamic measurements with errors. Field theories
 * ({@link dev.coarse.model.FieldModel}) have their own {@link dev.coarse.mc.FieldSampler}s, Hybrid Monte Carlo
 * ({@link dev.coarse.mc.HybridMonteCarlo}) and local Metropolis ({@link dev.coarse.mc.FieldMetropolis}), each with an
 * {@link dev.coarse.mc.AdaptiveStep} tuned during thermalisation only, run by {@link dev.coarse.mc.FieldChainRunner}
 * (the same split streams and pool) and measured by {@link dev.coarse.mc.FieldObservables}. A run can skip and
 * save finished groups through a {@link dev.coarse.data.ChainCheckpoint} (the only use of {@code data}), and save
 * unfinished ones as a {@link dev.coarse.mc.CheckpointCadence} says ({@link dev.coarse.mc.ChainGroup#saveState}; the
 * streams are {@link dev.coarse.mc.ResumableStream}s, whose state can be saved and restored exactly); field runs do
 * the same, a field chain's saved state holding its step's tuning and acceptance counts as well. The vector
 * kernels live below in {@code mc.kernel}, the speed meters of {@code coarse bench} in {@code mc.bench}. Depends on
 * {@code lattice}, {@code naming}, {@code model}, {@code stats}, {@code mc.kernel} and that interface; not on {@code exact} (only its
 * tests do) or on files.
 */
package dev.coarse.mc;
