/**
 * The Spark engine of a sweep ({@link dev.coarse.spark.SparkSweepEngine}): the tasks of
 * {@link dev.coarse.study.sweep} as one Spark job, each task's JSON text a partition of its own, run on the executors
 * by the same {@link dev.coarse.study.sweep.TaskOutcome#execute(String, int, int)} the local engine calls, the outcomes
 * collected to the driver as JSON text. Registered for {@link java.util.ServiceLoader} as engine {@code spark};
 * {@link dev.coarse.spark.SparkSweepMain} is the entry point for {@code spark-submit} (docs/scale-out.md).
 */
package dev.coarse.spark;
