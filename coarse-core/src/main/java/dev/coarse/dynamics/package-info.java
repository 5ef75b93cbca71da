/**
 * Coarse-graining of stochastic dynamics by minimum information loss (issue 22, SCIENCE.md §7): finite Markov chains
 * ({@link dev.coarse.dynamics.MarkovChain}, discrete time, or a continuous-time chain through its uniformised chain),
 * read from CSV or JSON ({@link dev.coarse.dynamics.MarkovChainFile}) or built in
 * ({@link dev.coarse.dynamics.BuiltinChains}: a metastable double well, Glauber dynamics of a small Ising torus);
 * their stationary law, entropy rate, spectrum and predictive information ({@link dev.coarse.dynamics.ChainAnalysis});
 * and lumping a chain's states into blocks ({@link dev.coarse.dynamics.Partition},
 * {@link dev.coarse.dynamics.Lumping}): the lumped Markov approximation, the information lost, exactly lumpable
 * partitions, greedy minimum-loss and spectral searches ({@link dev.coarse.dynamics.LumpingSearch}).
 * Depends on {@code lattice}, {@code model}, EJML and Jackson; not on samplers, the study layer or the CLI.
 */
package dev.coarse.dynamics;
