package dev.coarse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dynamics stage through {@code coarse run}: its results.json entry and its report's charts. */
class DynamicsReportTest {

    static final String SPEC = """
            name: tiny-dynamics
            seed: 3
            model: ising2d
            stages: [dynamics]
            dynamics: {states: 16, max_blocks: 4, substrate: 60, enzyme: 2, t_end: 600, times: 4, runs: 20,
                       cells_per_side: 8, ensemble: 2048, steps: 8}
            """;

    @TempDir
    Path dir;

    @Test
    void theStageRunsAndItsSectionHasTheLossCurveTheTrajectoriesAndTheEntropy() throws Exception {
        ReportRun run = ReportRun.of(dir, SPEC);
        JsonNode stage = run.stages().get("dynamics");
        assertThat(stage.get("lumping").get("curve").get("minimum_loss")).hasSize(4);
        assertThat(stage.get("lumping").get("minimum_loss_partition")).hasSize(16);
        assertThat(stage.get("reaction").get("curves").get("full_mean")).hasSize(4);
        assertThat(stage.get("gibbs").get("entropy").get("cat")).hasSize(9);
        assertThat(run.html()).contains("Loss against the number of blocks", "Product P against time",
                "Coarse-grained entropy", "Minimum-loss against spectral partitions");
        assertThat(run.images()).as("loss curve, trajectories, KL, entropy").isEqualTo(4);
    }

    @Test
    void aBadSettingIsOneLineNamingTheKey() throws Exception {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, SPEC.replace("max_blocks: 4", "max_blocks: 40"));
        CliRun r = CliRun.quiet("run", spec.toString(), "--out-dir", dir.toString(), "--name", "bad");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("max_blocks");
    }
}
