/**
 * Information measures with error bars: entropies of discrete symbols ({@link dev.coarse.info.EntropyEstimator}
 * with plug-in, Miller–Madow and NSB implementations) combined by {@link dev.coarse.info.DiscreteInformation}
 * into MI, conditional MI and total correlation with seeded bootstrap errors; exact values from an enumerated
 * distribution ({@link dev.coarse.info.ExactInformation}); the KSG estimator for continuous data
 * ({@link dev.coarse.info.KsgEstimator}) and the Gaussian closed form; and lattice measures
 * ({@link dev.coarse.info.BlockInformation}: RSMI block–environment MI, block–block MI, information kept by a
 * coarse-graining rule tabulated over spin patterns; {@link dev.coarse.info.RuleInformation}: the information any block
 * rule keeps, run on data of any discrete degrees of freedom, with a hook for sample-based estimators such as neural
 * bounds). Samples come as arrays or as {@code configuration}s of any degrees of freedom
 * ({@link dev.coarse.info.SymbolTable#ofValues}, {@link dev.coarse.info.KsgEstimator#mutualInformation(dev.coarse.configuration.Configurations, int[], int[])}).
 * Depends on {@code lattice}, {@code configuration}, {@code exact}, {@code stats}, EJML and {@code rg}'s
 * {@code CoarseGraining} (the rules it measures; {@code rg} never imports {@code info}); not on samplers, file formats
 * or the CLI.
 */
package dev.coarse.info;
