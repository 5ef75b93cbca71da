/**
 * {@code coarse dynamics}: Markov chains and their lumping by minimum information loss
 * ({@link dev.coarse.cli.dynamics.DynamicsMarkovCommand}, {@link dev.coarse.cli.dynamics.DynamicsLumpCommand}); the
 * chain is a file or a built-in example ({@link dev.coarse.cli.dynamics.ChainInput}). Everything is computed by
 * {@code dev.coarse.dynamics}; these commands parse and render.
 */
package dev.coarse.cli.dynamics;
