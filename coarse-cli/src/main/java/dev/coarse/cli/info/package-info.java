/**
 * {@code coarse info}: entropy, MI, conditional MI and total correlation of a sample file
 * ({@link dev.coarse.cli.info.InfoCommand}), neural lower bounds on MI ({@link dev.coarse.cli.info.InfoNeuralMiCommand},
 * trained by {@code dev.coarse.learn.mi}) and the block–environment profile of lattice configurations
 * ({@link dev.coarse.cli.info.InfoBlockCommand}). The estimators are {@code dev.coarse.info}, the files are read by
 * {@code dev.coarse.data.SampleSource}, the rules are tabulated by {@code dev.coarse.rg.BlockPatternRule}.
 */
package dev.coarse.cli.info;
