/**
 * {@code coarse trg} and {@code coarse trg scan}: tensor-network RG from the command line — parsing and rendering
 * only; the RG, the Gu–Wen analysis and the finite differences are {@code dev.coarse.tensor}. The options both share
 * are {@link dev.coarse.cli.tensor.TensorOptions}.
 */
package dev.coarse.cli.tensor;
