/**
 * Data on disk: {@link dev.coarse.data.Ensemble}s and their {@link dev.coarse.data.EnsembleMeta}, HDF5
 * ensemble files, run directories ({@link dev.coarse.data.RunDirectory}: a run's results, report and JSON
 * checkpoints), checkpoints of sampling runs ({@link dev.coarse.data.ChainCheckpoint},
 * kept on disk by {@link dev.coarse.data.CheckpointDirectory} as {@link dev.coarse.data.ChainBlock}s), and
 * atomic writes ({@link dev.coarse.data.AtomicFiles}).
 * Depends on {@code lattice} and {@code model} (and jhdf, Jackson).
 */
package dev.coarse.data;
