package dev.coarse.study.sweep;

/**
 * Makes the engines of one name; found with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/dev.coarse.study.sweep.SweepEngineProvider}). Core registers {@code local}; coarse-spark
 * registers {@code spark}, so core never sees Spark.
 */
public interface SweepEngineProvider {

    /** The engine's name ({@link SweepEngine#name()}). */
    String name();

    /**
     * Opens an engine.
     *
     * @param master   where to run (the engine's own syntax, e.g. Spark's {@code local[*]}); null for the default
     * @param parallel tasks at a time on this machine (the local engine's pool; a hint elsewhere)
     */
    SweepEngine open(String master, int parallel);
}
