package dev.coarse.cli.dynamics;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamicsReactionCommandTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "reactions");

    @Test
    void ssaOfTheBirthDeathSpecHasThePoissonMean() throws IOException {
        CliRun r = run("dynamics", "ssa", EXAMPLES.resolve("birth-death.yaml").toString(), "--t-end", "10",
                "--runs", "400", "--points", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        double mean = j.get("mean").get("X").get(2).asDouble();
        double error = j.get("error").get("X").get(2).asDouble();
        // exact mean 20(1 − e^{−10}); five standard errors (fails ~6e-7 of the time for a correct sampler)
        assertThat(mean).isCloseTo(20 * (1 - Math.exp(-10)), within(5 * error));
        assertThat(j.get("reactions").asLong()).isPositive();
        assertThat(j.get("final_histogram").get("X").size()).isPositive();
    }

    @Test
    void reduceSaysWhereMeanFieldFailsForSchloegl() throws IOException {
        CliRun r = run("dynamics", "reduce", "--example", "schloegl", "--t-end", "10", "--points", "3", "--runs",
                "100", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode x = r.json().get("observed").get(0);
        assertThat(x.get("bimodal").asBoolean()).isTrue();
        assertThat(x.get("mean_field_fails").asBoolean()).isTrue();
        assertThat(r.json().get("verdicts").get(0).asText()).contains("mean field FAILS").contains("bimodal");
    }

    @Test
    void gibbsCatMapJsonAndPng(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("cat.png");
        CliRun r = run("dynamics", "gibbs", "--map", "cat", "--delta", "0.03125", "--points", "65536", "--steps",
                "12", "--png", png.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("plateau_ln_1_over_delta_squared").asDouble()).isCloseTo(2 * Math.log(32), within(1e-12));
        assertThat(j.get("coarse_entropy").size()).isEqualTo(13);
        assertThat(png).isRegularFile();
    }

    @Test
    void badSpecsAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "species: {X: 1}\nreactions:\n  - {reactants: {Y: 1}, products: {}, rate: 1}\n");
        CliRun r = run("dynamics", "ssa", spec.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("coarse: error:").contains("reactions[0].reactants.Y").contains("unknown species");
        Files.writeString(spec, "species: {X: 1}\nreactions: []\nrates: 3\n");
        assertThat(run("dynamics", "ssa", spec.toString()).err()).contains("unknown key 'rates'");
        assertThat(run("dynamics", "gibbs", "--delta", "0.3").err()).contains("--delta must be 1/m");
    }

    @Test
    void refineFindsAPlantedLumpablePartitionOfAnEdgeListWalk(@TempDir Path dir) throws IOException {
        // a 4-cycle: its walk is lumpable into {0, 2} and {1, 3} (each vertex sends everything to the other pair)
        Path edges = dir.resolve("cycle.txt");
        Files.writeString(edges, "0 1\n1 2\n2 3\n3 0\n");
        Path labels = dir.resolve("labels.txt");
        Files.writeString(labels, "0 1 0 1\n");
        CliRun r = run("dynamics", "refine", edges.toString(), "--edges", "--initial", labels.toString(), "--json",
                "--print-partition");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("blocks").asInt()).isEqualTo(2);
        assertThat(r.json().get("partition").toString()).isEqualTo("[0,1,0,1]");
    }
}
