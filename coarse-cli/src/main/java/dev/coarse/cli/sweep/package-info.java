/**
 * {@code coarse sweep}: reads a sweep spec (YAML), opens the chosen engine (the local pool, or the Spark engine
 * loaded from coarse-spark's build on demand, never on the CLI's own class path) and renders the outcome: JSON,
 * Parquet when the engine writes it, and an HTML report with the grid's table and plots. The sweep itself lives in
 * {@code dev.coarse.study.sweep}.
 */
package dev.coarse.cli.sweep;
