package dev.coarse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.study.sweep.LocalSweepEngine;
import dev.coarse.study.sweep.Sweep;
import dev.coarse.study.sweep.SweepSpec;
import dev.coarse.study.sweep.SweepTask;
import dev.coarse.study.sweep.TaskStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/** A real Spark job in local mode: the same tasks give the same results as on the local engine. */
@EnabledForJreRange(max = JRE.JAVA_21,
        disabledReason = "Spark 4.0 runs on Java 17 to 21 (its Hadoop libraries fail on 23 and later)")
class SparkSweepEngineTest {

    /** Ising and Potts × two sizes × two temperatures × two seeds of the energy stage, short chains: 16 tasks. */
    static final String GRID = """
            {"name": "engines", "attempts": 1,
             "study": {"q": 3, "energy": {"sweeps": 150, "thermalize": 15, "chains": 1}},
             "grid": {"models": ["ising2d", "potts2d"], "sizes": [4, 6], "temperatures": [1.0, 2.5],
                      "seeds": [1, 2], "stages": [["energy"]]}}""";

    @Test
    void sparkLocalModeGivesTheLocalEnginesResultsTaskForTaskAndWritesThemAsParquet(@TempDir Path dir)
            throws Exception {
        SweepSpec spec = SweepSpec.read(new ObjectMapper().readTree(GRID));
        List<SweepTask> tasks = spec.tasks();
        assertThat(tasks).hasSize(16);
        Sweep.Outcome local = Sweep.run(spec, tasks, new TaskStore(dir.resolve("local")), new LocalSweepEngine(2), 1,
                null);
        Sweep.Outcome spark;
        List<String[]> table;
        try (SparkSweepEngine engine = new SparkSweepEngine("local[2]")) {
            assertThat(engine.master()).isEqualTo("local[2]");
            spark = Sweep.run(spec, tasks, new TaskStore(dir.resolve("spark")), engine, 1, null);
            // as under the coarse launcher, which loads Spark in a class loader of its own: the caller's context
            // class loader does not see Hadoop's file systems; and a second write replaces the first whole
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
            try {
                assertThat(engine.writeParquet(spark.tasks().subList(0, 3), dir.resolve("results.parquet"))).isTrue();
                assertThat(engine.writeParquet(spark.tasks(), dir.resolve("results.parquet"))).isTrue();
            } finally {
                thread.setContextClassLoader(previous);
            }
            table = engine.readParquet(dir.resolve("results.parquet"));
        }
        assertThat(spark.engine()).isEqualTo("spark");
        assertThat(spark.ran()).isEqualTo(16);
        assertThat(spark.failed()).isEmpty();
        assertThat(spark.toJson().get("tasks").toString()).isEqualTo(local.toJson().get("tasks").toString());
        assertThat(table).hasSize(16);
        for (String[] row : table) {
            ObjectNode task = local.tasks().stream().filter(t -> t.get("key").asText().equals(row[0])).findFirst()
                    .orElseThrow();
            assertThat(row[1]).isEqualTo(task.get("result").toString());
        }
    }
}
