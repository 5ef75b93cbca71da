/**
 * Information measures with error bars: entropies of discrete symbols ({@link dev.coarse.info.EntropyEstimator}
 * with plug-in, Miller–Madow and NSB implementations) combined by {@link dev.coarse.info.DiscreteInformation}
 * into MI, conditional MI and total correlation with seeded bootstrap errors; exact values from an enumerated
 * distribution ({@link dev.coarse.info.ExactInformation}); the KSG estimator for continuous data
 * ({@link dev.coarse.info.KsgEstimator}) and the Gaussian closed form; and lattice measures
 * ({@link dev.coarse.info.BlockInformation}: RSMI block–environment MI, block–block MI, information kept by a
 * coarse-graining rule). Depends on {@code lattice}, {@code exact}, {@code stats} and EJML; not on samplers,
 * file formats or the CLI.
 */
package dev.coarse.info;
