/**
 * Benchmarks of Coarse's sampler kernels: JMH benchmarks ({@link dev.coarse.bench.MultispinBenchmark}) and
 * the Java side of the side-by-side comparison with the peers in {@code coarse-bench/peers}
 * ({@link dev.coarse.bench.KernelSpeed}, called by {@code peers/run_all.sh}). Depends on coarse-core and
 * JMH; nothing in the library depends on it.
 */
package dev.coarse.bench;
