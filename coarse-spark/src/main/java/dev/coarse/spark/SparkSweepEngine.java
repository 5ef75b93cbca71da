package dev.coarse.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.AtomicFiles;
import dev.coarse.study.sweep.SweepEngine;
import dev.coarse.study.sweep.SweepEngineProvider;
import dev.coarse.study.sweep.SweepTask;
import dev.coarse.study.sweep.TaskOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a sweep's tasks as one Spark job: the tasks' JSON text is parallelised one task per partition, each executor
 * applies {@link TaskOutcome#execute(String, int, int)} (the local engine's function, so results are the same), and
 * the outcomes come back to the driver as JSON text. Spark's own task retries are left at their default; a task's
 * failure is already caught and retried inside the task, so Spark never sees it.
 *
 * <p>The master is the given one, else the one spark-submit set, else {@code local[*]}. On a cluster, executors get
 * the shaded {@code coarse-spark-*-all.jar} (this jar when it is the shaded one, else the one beside it in
 * target/) through {@code spark.jars}, unless that is set already.
 */
public final class SparkSweepEngine implements SweepEngine {

    /** The engine's name. */
    public static final String NAME = "spark";

    private final JavaSparkContext context;
    private SparkSession session;

    /**
     * @param master a Spark master URL ({@code local[2]}, {@code spark://host:7077}); null for spark-submit's or
     *               {@code local[*]}
     */
    public SparkSweepEngine(String master) {
        SparkConf conf = new SparkConf(true);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", "coarse-sweep");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            // one machine: no host name lookup, nothing listening beyond the loopback interface
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            shadedJar().ifPresent(jar -> conf.set("spark.jars", jar.toString()));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SparkSweepEngine.class.getClassLoader());
        try {
            // a plain SparkContext: running the tasks needs no Spark SQL, whose session costs seconds to start
            this.context = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
            this.context.setLogLevel("WARN");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The shaded jar executors need: this class's jar if it is the shaded one, else one beside it. */
    static Optional<Path> shadedJar() {
        try {
            Path own = Path.of(SparkSweepEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (own.getFileName().toString().endsWith("-all.jar")) {
                return Optional.of(own);
            }
            Path dir = own.getParent(); // target/ for both target/classes and target/coarse-spark-*.jar
            try (var files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().matches("coarse-spark-.*-all\\.jar")).findFirst();
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The master this engine runs on. */
    public String master() {
        return context.sc().master();
    }

    @Override
    public void run(List<SweepTask> tasks, int threads, int attempts, Consumer<TaskOutcome> sink) {
        if (tasks.isEmpty()) {
            return;
        }
        List<String> json = new ArrayList<>(tasks.size());
        tasks.forEach(t -> json.add(t.toJson()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SparkSweepEngine.class.getClassLoader());
        try {
            context.setJobDescription("coarse sweep: " + tasks.size() + " tasks");
            List<String> outcomes = context.parallelize(json, json.size())
                    .map(task -> TaskOutcome.execute(task, threads, attempts))
                    .collect();
            outcomes.forEach(o -> sink.accept(TaskOutcome.fromJson(o)));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Writes a sweep's finished tasks ({@code {"key", "spec", "result"}}) as Parquet, one row per task: key, model,
     * L, T, seed, stages (comma-separated), and the study and result as JSON text — a directory holding one
     * Snappy-compressed file, readable by Spark, pandas or pyarrow. The rows are on the driver already, so the driver
     * writes them with Parquet's own writer (parquet-hadoop, which Spark ships) rather than through a Spark SQL job:
     * the SQL planner's first query cost about as much as a small sweep's tasks (BENCHMARKS.md). The file is
     * written into a temporary directory beside {@code dir} and moved into place, so an earlier {@code dir} is
     * replaced whole or not at all; only the driver needs to reach {@code dir}.
     */
    @Override
    public boolean writeParquet(List<ObjectNode> tasks, Path dir) {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("key")
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("model")
                .optional(PrimitiveTypeName.INT32).named("L")
                .optional(PrimitiveTypeName.DOUBLE).named("T")
                .required(PrimitiveTypeName.INT64).named("seed")
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("stages")
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("study")
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("result")
                .named("coarse_sweep");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        Path absolute = dir.toAbsolutePath();
        Path staging = absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Hadoop finds its file systems by ServiceLoader on the context class loader: Spark's own, when the coarse
        // launcher loaded Spark in a class loader of its own
        Thread.currentThread().setContextClassLoader(SparkSweepEngine.class.getClassLoader());
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(
                    staging.resolve("part-00000.snappy.parquet").toUri());
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file)
                    .withConf(context.hadoopConfiguration()).withType(schema)
                    .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .build()) {
                for (ObjectNode t : tasks) {
                    JsonNode point = t.path("spec").path("point");
                    List<String> stages = new ArrayList<>();
                    point.path("stages").forEach(s -> stages.add(s.asText()));
                    Group row = rows.newGroup()
                            .append("key", t.path("key").asText())
                            .append("model", point.path("model").asText());
                    if (point.has("L")) {
                        row.append("L", point.get("L").asInt());
                    }
                    if (point.has("T")) {
                        row.append("T", point.get("T").asDouble());
                    }
                    row.append("seed", point.path("seed").asLong())
                            .append("stages", String.join(",", stages))
                            .append("study", t.path("spec").path("study").toString())
                            .append("result", t.path("result").toString());
                    writer.write(row);
                }
            }
            Files.createFile(staging.resolve("_SUCCESS"));
            deleteTree(absolute);
            AtomicFiles.moveDirectoryIntoPlace(staging, absolute); // fsync of the files, then the rename
        } catch (IOException e) {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // the write failed already; that error is the one to report
            }
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return true;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The Parquet rows of a directory written by {@link #writeParquet}, as (key, result JSON) in key order. */
    public List<String[]> readParquet(Path dir) {
        List<String[]> out = new ArrayList<>();
        session().read().parquet(dir.toAbsolutePath().toString()).collectAsList()
                .forEach(r -> out.add(new String[] {r.getString(0), r.getString(r.fieldIndex("result"))}));
        out.sort(Comparator.comparing(row -> row[0])); // here, not by a Spark sort (a job of its own)
        return out;
    }

    /** A Spark SQL session on this engine's context, made on first use (only reading Parquet back needs one). */
    private synchronized SparkSession session() {
        if (session == null) {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(SparkSweepEngine.class.getClassLoader());
            try {
                session = SparkSession.builder().sparkContext(context.sc()).getOrCreate();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
        return session;
    }

    @Override
    public void close() {
        context.stop();
    }

    /** Registers the engine for {@link java.util.ServiceLoader}. */
    public static final class Provider implements SweepEngineProvider {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public SweepEngine open(String master, int parallel) {
            return new SparkSweepEngine(master);
        }
    }
}
