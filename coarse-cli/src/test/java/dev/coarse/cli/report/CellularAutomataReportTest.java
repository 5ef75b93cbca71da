package dev.coarse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cellular-automata stage through {@code coarse run}: its diagrams, table counts and entropy charts. */
class CellularAutomataReportTest {

    static final String SPEC = """
            name: tiny-ca
            seed: 3
            model: ising2d
            stages: [cellular-automata]
            cellular-automata: {rules: [90, 110], length: 64, steps: 32, max_n: 2, life_size: 32, life_steps: 40,
                                collatz_population: 500, collatz_steps: 50}
            """;

    @TempDir
    Path dir;

    @Test
    void theStageRunsAndItsSectionHasDiagramsCountsAndCharts() throws Exception {
        ReportRun run = ReportRun.of(dir, SPEC);
        JsonNode stage = run.stages().get("cellular-automata");
        assertThat(stage.get("diagrams")).hasSize(2);
        assertThat(stage.get("counts").get(0).get("pairs").asLong()).isPositive();
        assertThat(run.html()).contains("Israeli–Goldenfeld", "Counts per supercell size N",
                "Rule 110, 64 cells, 32 steps");
        assertThat(run.images()).as("two diagrams, Life, 3x+1").isEqualTo(4);
    }
}
