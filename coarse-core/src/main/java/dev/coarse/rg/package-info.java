/**
 * Real-space renormalization group (SCIENCE.md §4). Rules: {@link dev.coarse.rg.CoarseGraining}, which says what
 * degrees of freedom it reads and writes ({@link dev.coarse.rg.MajorityRule}, {@link dev.coarse.rg.Decimation},
 * {@link dev.coarse.rg.LinearFilterRule}, the block average {@link dev.coarse.rg.BlockAverage} to real values), and the
 * corner-sharing {@link dev.coarse.rg.PlaquetteRule} and the tunable {@link dev.coarse.rg.ProbabilisticBlockRule},
 * applied to ensembles by {@link dev.coarse.rg.Coarsener}, iterated with a rule that may change per level
 * ({@link dev.coarse.rg.RuleFlow}; {@link dev.coarse.rg.RuleLearner} is the hook a learned rule implements), and
 * tabulated over one block's patterns by
 * {@link dev.coarse.rg.BlockPatternRule} for the information measures. Couplings: {@link dev.coarse.rg.OperatorSet},
 * {@link dev.coarse.rg.PseudoLikelihood} → {@link dev.coarse.rg.Couplings}, {@link dev.coarse.rg.CouplingFlow};
 * Swendsen's {@link dev.coarse.rg.Mcrg}; exact {@link dev.coarse.rg.Recursions} and
 * {@link dev.coarse.rg.FixedPoints}; finite-size scaling ({@link dev.coarse.rg.BinderCrossing},
 * {@link dev.coarse.rg.PowerLawFit}); and the lecture seed's scale transforms
 * ({@link dev.coarse.rg.FractionalBrownianMotion} with its {@link dev.coarse.rg.Fft},
 * {@link dev.coarse.rg.SmoothedSums}). It analyses configurations and measured curves it is given; the drivers
 * that sample their own data (the Binder scan and the coupling flow diagram) are in {@code dev.coarse.study}.
 * Depends on {@code lattice}, {@code naming}, {@code model}, {@code stats} and {@code data} (and EJML); never on {@code mc},
 * {@code study} or the CLI.
 */
package dev.coarse.rg;
