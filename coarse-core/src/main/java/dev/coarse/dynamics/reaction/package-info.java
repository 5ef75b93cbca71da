/**
 * Stochastic reaction networks and their coarse-grained (reduced) dynamics (issue 22, SCIENCE.md §7): a validated
 * mass-action network ({@link dev.coarse.dynamics.reaction.ReactionNetwork}, built-ins in
 * {@link dev.coarse.dynamics.reaction.BuiltinNetworks}), exact stochastic simulation (Gillespie's direct method,
 * {@link dev.coarse.dynamics.reaction.Gillespie}) and tau-leaping ({@link dev.coarse.dynamics.reaction.TauLeaping}),
 * deterministic rate equations ({@link dev.coarse.dynamics.reaction.RateEquations}), and two reduced models: the
 * quasi-steady-state rate equations of the slow species ({@link dev.coarse.dynamics.reaction.QuasiSteadyState}) and
 * the stochastic model whose fast reversible reactions are averaged over their own stationary law
 * ({@link dev.coarse.dynamics.reaction.AveragedFastReactions}); {@link dev.coarse.dynamics.reaction.Reduction}
 * compares full and reduced dynamics. Depends on EJML and {@code stats}; nothing here parses files (specs are read
 * at the CLI edge) or prints.
 */
package dev.coarse.dynamics.reaction;
