/**
 * Real-space mutual information (RSMI) coarse-graining: the filter Λ of H = Λ(V) that keeps the most information
 * about a block's distant environment (Koch-Janusz &amp; Ringel 2018; RSMI-NE, Gökmen et al. 2021).
 * {@link dev.coarse.learn.rsmi.RsmiGeometry} cuts (V, E) pairs out of configurations (spins, spins with extra
 * components, dimer occupations on bonds) with the geometry of {@code coarse info block};
 * {@link dev.coarse.learn.rsmi.RsmiTrainer} trains Λ with a critic from {@code learn.mi} to maximise an MI bound,
 * H relaxed by Gumbel-softmax ({@link dev.coarse.learn.rsmi.HiddenKind}) at an annealed temperature;
 * {@link dev.coarse.learn.rsmi.RsmiFilter}, the trained filter read off hard, is an rg {@code CoarseGraining},
 * saved by {@link dev.coarse.learn.rsmi.RsmiFilterFile}; {@link dev.coarse.learn.rsmi.FilterMeasures} says what a
 * filter is (block-spin alignment, electric-field overlap, weight on decoys). Depends on core's configurations,
 * lattices, info geometry and rg interface, and on learn.mi and learn.engine; not on the CLI or the samplers.
 */
package dev.coarse.learn.rsmi;
