/**
 * Lattice geometry: periodic chains, square and simple cubic lattices ({@link dev.coarse.lattice.Lattice}),
 * their neighbour tables and checkerboard sublattices, and block partitions for block-spin RG
 * ({@link dev.coarse.lattice.BlockPartition}). Pure geometry: depends on nothing else in Coarse.
 */
package dev.coarse.lattice;
