package dev.coarse.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.coarse.study.sweep.Sweep;
import dev.coarse.study.sweep.SweepSpec;
import dev.coarse.study.sweep.SweepTask;
import dev.coarse.study.sweep.TaskStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry point for {@code spark-submit}: {@code SPEC.yaml OUT_DIR [THREADS]} runs the sweep on the master
 * spark-submit gives, stores each finished task in {@code OUT_DIR/tasks/<key>.json} (a rerun skips those), and writes
 * {@code OUT_DIR/sweep.json} (the {@code coarse sweep --json} document) and {@code OUT_DIR/results.parquet}.
 * Exit 1 when a task failed, 2 on a bad spec.
 */
public final class SparkSweepMain {

    private SparkSweepMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: spark-submit --class dev.coarse.spark.SparkSweepMain coarse-spark-all.jar "
                    + "SPEC.yaml OUT_DIR [THREADS_PER_TASK]");
            System.exit(2);
        }
        List<SweepTask> tasks;
        SweepSpec spec;
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(Path.of(args[0]).toFile());
            spec = SweepSpec.read(tree);
            tasks = spec.tasks();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("coarse: error: " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        int threads = args.length == 3 ? Integer.parseInt(args[2]) : 1;
        Path out = Files.createDirectories(Path.of(args[1]));
        Sweep.Outcome outcome;
        try (SparkSweepEngine engine = new SparkSweepEngine(null)) {
            outcome = Sweep.run(spec, tasks, new TaskStore(out.resolve("tasks")), engine, threads, null);
            engine.writeParquet(outcome.tasks(), out.resolve("results.parquet"));
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("sweep.json").toFile(),
                outcome.toJson());
        System.out.println("coarse sweep: " + outcome.tasks().size() + " tasks done (" + outcome.ran() + " ran, "
                + outcome.skipped() + " already done), " + outcome.failed().size() + " failed; " + out);
        System.exit(outcome.failed().isEmpty() ? 0 : 1);
    }
}
