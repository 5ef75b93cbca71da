/**
 * Sweeps: a grid of studies (models × linear sizes L × temperatures T × seeds × stage sets) expanded into
 * {@link dev.coarse.study.sweep.SweepTask}s, each a pure function of its spec (one {@link dev.coarse.study.Study} at
 * one grid point), keyed by the SHA-256 of its canonical spec and the code version
 * ({@link dev.coarse.data.CoarseVersion}). {@link dev.coarse.study.sweep.Sweep} runs the tasks not yet stored in a
 * {@link dev.coarse.study.sweep.TaskStore} on a {@link dev.coarse.study.sweep.SweepEngine}: the local thread pool of
 * {@link dev.coarse.study.sweep.LocalSweepEngine}, or another engine found with {@link java.util.ServiceLoader}
 * through {@link dev.coarse.study.sweep.SweepEngineProvider} (coarse-spark's Spark engine). A task's spec travels as
 * JSON text, so an engine ships nothing but strings; same spec, same result, whichever engine ran it.
 */
package dev.coarse.study.sweep;
