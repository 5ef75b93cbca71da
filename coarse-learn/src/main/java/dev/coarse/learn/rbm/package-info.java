/**
 * Restricted Boltzmann machines and the RBM renormalization group. {@link dev.coarse.learn.rbm.Rbm} (energy,
 * free energy, conditional sampling), {@link dev.coarse.learn.rbm.RbmTrainer} (CD-k / persistent CD on data),
 * {@link dev.coarse.learn.rbm.ExactFit} and {@link dev.coarse.learn.rbm.RbmExact} (exact KL, ln Z and
 * likelihood by enumeration for small models), {@link dev.coarse.learn.rbm.Ais} (annealed importance
 * sampling for ln Z), {@link dev.coarse.learn.rbm.RbmFile} (JSON save/load), {@link dev.coarse.learn.rbm.RbmRecipe}
 * (the lecture's plaquette recipe for the 2D Ising RG and its 3×3-block extension),
 * {@link dev.coarse.learn.rbm.RbmCoarseGraining} (the learned plaquette map as a
 * {@link dev.coarse.rg.CoarseGraining}) and {@link dev.coarse.learn.rbm.RbmStack} (greedy deep stacks) with
 * {@link dev.coarse.learn.rbm.StackComparison} (correlation length of stack reconstructions vs majority-rule
 * block spins, using the samplers' observables and the RG coarsener).
 * Plain Java on primitive arrays; depends on coarse-core only (no DJL, no CLI).
 */
package dev.coarse.learn.rbm;
