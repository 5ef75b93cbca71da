package dev.coarse.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    static final String GRID = """
            name: cli-grid
            attempts: 1
            study:
              energy: {sampler: sw, sweeps: 200, thermalize: 20, chains: 1}
            grid:
              sizes: [4]
              temperatures: "2.0:3.0:2"
              seeds: [1, 2]
              stages: [energy]
            """;

    @TempDir
    Path dir;

    @Test
    void theLocalEngineRunsTheGridAndARerunSkipsEveryFinishedTask() throws Exception {
        Path spec = Files.writeString(dir.resolve("sweep.yaml"), GRID);
        CliRun first = CliRun.quiet("sweep", spec.toString(), "--out-dir", dir.toString(), "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode json = first.json();
        assertThat(json.get("engine").asText()).isEqualTo("local");
        assertThat(json.get("tasks")).hasSize(4);
        JsonNode task = json.get("tasks").get(3);
        assertThat(task.get("key").asText()).hasSize(64);
        assertThat(task.at("/spec/point/T").asDouble()).isEqualTo(3.0);
        assertThat(task.at("/spec/point/seed").asLong()).isEqualTo(2);
        assertThat(task.at("/result/stages/energy/points/0/L").asInt()).isEqualTo(4);
        Path run = dir.resolve("cli-grid");
        assertThat(run.resolve("sweep.json")).exists();
        assertThat(Files.readString(run.resolve("report.html"))).contains("Energy per site against T");
        assertThat(run.resolve("tasks").resolve(task.get("key").asText() + ".json")).exists();

        CliRun again = CliRun.quiet("sweep", spec.toString(), "--out-dir", dir.toString(), "--json");
        assertThat(again.json().get("skipped").asInt()).isEqualTo(4);
        assertThat(again.json().get("tasks").toString()).isEqualTo(json.get("tasks").toString());
    }

    @Test
    void aBadGridOrAMissingSparkBuildIsOneLineAndExitTwo() throws Exception {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), GRID.replace("sizes: [4]", "sizes: [1]"));
        CliRun bad = CliRun.quiet("sweep", spec.toString(), "--out-dir", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("coarse: error: 'grid.sizes' in ").doesNotContain("\n");

        Path good = Files.writeString(dir.resolve("good.yaml"), GRID);
        String previous = System.getProperty("coarse.spark.dir");
        System.setProperty("coarse.spark.dir", Files.createDirectories(dir.resolve("no-spark")).toString());
        try {
            CliRun spark = CliRun.quiet("sweep", good.toString(), "--engine", "spark", "--out-dir", dir.toString());
            assertThat(spark.code()).isEqualTo(2);
            assertThat(spark.err().strip()).startsWith("coarse: error: engine 'spark' is not built")
                    .contains("./mvnw -B -pl coarse-spark -am package").doesNotContain("\n");
        } finally {
            if (previous == null) {
                System.clearProperty("coarse.spark.dir");
            } else {
                System.setProperty("coarse.spark.dir", previous);
            }
        }
        CliRun master = CliRun.quiet("sweep", good.toString(), "--master", "local[2]");
        assertThat(master.code()).isEqualTo(2);
        assertThat(master.err()).contains("--master is for --engine spark");
    }
}
