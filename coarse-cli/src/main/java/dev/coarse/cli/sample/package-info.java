/**
 * {@code coarse sample} (Monte Carlo sampling, observables, ensemble files, checkpoints and resume) with the model
 * options it parses ({@link dev.coarse.cli.sample.ModelOptions}), and {@code coarse inspect}, which shows what an
 * ensemble file holds. Sampling itself is {@code dev.coarse.mc}; files are {@code dev.coarse.data}.
 */
package dev.coarse.cli.sample;
