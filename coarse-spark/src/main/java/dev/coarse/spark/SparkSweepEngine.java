package dev.coarse.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.study.sweep.SweepEngine;
import dev.coarse.study.sweep.SweepEngineProvider;
import dev.coarse.study.sweep.SweepTask;
import dev.coarse.study.sweep.TaskOutcome;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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

    private final SparkSession spark;
    private final JavaSparkContext context;

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
            this.spark = SparkSession.builder().config(conf).getOrCreate();
            this.spark.sparkContext().setLogLevel("WARN");
            this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
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
        } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The master this engine runs on. */
    public String master() {
        return spark.sparkContext().master();
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
     * Writes a sweep's finished tasks ({@code {"key", "spec", "result"}}) as Parquet with Spark's writer, one row per
     * task: key, model, L, T, seed, stages (comma-separated), and the study and result as JSON text. On a cluster
     * the directory must be one every executor reaches (a shared or distributed file system).
     */
    @Override
    public boolean writeParquet(List<ObjectNode> tasks, Path dir) {
        StructType schema = new StructType()
                .add("key", DataTypes.StringType, false)
                .add("model", DataTypes.StringType, false)
                .add("L", DataTypes.IntegerType, true)
                .add("T", DataTypes.DoubleType, true)
                .add("seed", DataTypes.LongType, false)
                .add("stages", DataTypes.StringType, false)
                .add("study", DataTypes.StringType, false)
                .add("result", DataTypes.StringType, false);
        List<Row> rows = new ArrayList<>();
        for (ObjectNode t : tasks) {
            JsonNode point = t.path("spec").path("point");
            List<String> stages = new ArrayList<>();
            point.path("stages").forEach(s -> stages.add(s.asText()));
            rows.add(RowFactory.create(t.path("key").asText(), point.path("model").asText(),
                    point.has("L") ? point.get("L").asInt() : null, point.has("T") ? point.get("T").asDouble() : null,
                    point.path("seed").asLong(), String.join(",", stages), t.path("spec").path("study").toString(),
                    t.path("result").toString()));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SparkSweepEngine.class.getClassLoader());
        try {
            spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite)
                    .parquet(dir.toAbsolutePath().toString());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return true;
    }

    /** The Parquet rows of a directory written by {@link #writeParquet}, as (key, result JSON) in key order. */
    public List<String[]> readParquet(Path dir) {
        List<String[]> out = new ArrayList<>();
        spark.read().parquet(dir.toAbsolutePath().toString()).collectAsList()
                .forEach(r -> out.add(new String[] {r.getString(0), r.getString(r.fieldIndex("result"))}));
        out.sort(Comparator.comparing(row -> row[0])); // here, not by a Spark sort (a job of its own)
        return out;
    }

    @Override
    public void close() {
        spark.stop();
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
