/**
 * Data on disk: {@link dev.coarse.data.Ensemble}s and their {@link dev.coarse.data.EnsembleMeta}, HDF5
 * ensemble files, run directories ({@link dev.coarse.data.RunDirectory}: a run's results, report and JSON
 * checkpoints), checkpoints of sampling runs ({@link dev.coarse.data.ChainCheckpoint},
 * kept on disk by {@link dev.coarse.data.CheckpointDirectory} as {@link dev.coarse.data.ChainBlock}s, with the
 * {@link dev.coarse.data.ChainProgress} of unfinished chains and a SHA-256 on every file), and
 * atomic writes ({@link dev.coarse.data.AtomicFiles}). Sample files read as numeric columns for the estimators
 * ({@link dev.coarse.data.SampleSource}: {@link dev.coarse.data.CsvSampleSource},
 * {@link dev.coarse.data.EnsembleSampleSource}) and text files of two-state configurations
 * ({@link dev.coarse.data.ConfigurationCsv}), and configurations users bring as NumPy {@code .npy} arrays
 * ({@link dev.coarse.data.NpyFile}, including RSMI-NE's dimer grid); how much data any of these files holds, from its
 * header alone, for memory checks ({@link dev.coarse.data.DataShape}). An ensemble holds {@code configuration}s of any degrees of freedom;
 * its file says which (format version 2).
 * Also the JSON forms of results, specs, checkpoints and command output ({@link dev.coarse.data.Json}), the strict
 * reading of model files' values ({@link dev.coarse.data.JsonValues}), and the version of Coarse that wrote a file
 * ({@link dev.coarse.data.CoarseVersion}, with the build's git commit).
 * Depends on {@code lattice}, {@code configuration}, {@code model} and {@code stats} (and jhdf, Jackson).
 */
package dev.coarse.data;
