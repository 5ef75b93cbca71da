/**
 * Data on disk: {@link dev.coarse.data.Ensemble}s and their {@link dev.coarse.data.EnsembleMeta}, HDF5
 * ensemble files, run directories, checkpoints, and atomic writes ({@link dev.coarse.data.AtomicFiles}).
 * Depends on {@code lattice} and {@code model}.
 */
package dev.coarse.data;
