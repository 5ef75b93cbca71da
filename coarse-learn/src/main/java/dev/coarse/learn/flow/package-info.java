/**
 * Normalizing flows trained on the energy, no data (Neural RG, Li &amp; Wang 2018; holographic geometry, Hu, Li,
 * Wang &amp; You 2019): {@link dev.coarse.learn.flow.HierarchicalFlow} (a MERA of RealNVP couplings on 2×2 plaquettes,
 * disentanglers and decimators, exact log-determinant) maps Gaussian latents to fields;
 * {@link dev.coarse.learn.flow.FlowTrainer} minimises E<sub>q</sub>[ln q + S] with DJL's autograd and Adam on a
 * {@link dev.coarse.learn.flow.FlowTarget} — the 2D Ising model through its Hubbard–Stratonovich field
 * ({@link dev.coarse.learn.flow.IsingHsTarget}) or φ⁴ ({@link dev.coarse.learn.flow.FieldTarget}); draws give the
 * variational bound on ln Z, importance weights, ESS and reweighted observables
 * ({@link dev.coarse.learn.flow.FlowSamples}), an exact sampler ({@link dev.coarse.learn.flow.IndependenceMetropolis},
 * {@link dev.coarse.learn.flow.FlowEnsembles}) and the latents' geometry
 * ({@link dev.coarse.learn.flow.LatentGeometry}). Depends on core (models, exact results, stats, ensembles) and the
 * engine package; never on the CLI.
 */
package dev.coarse.learn.flow;
