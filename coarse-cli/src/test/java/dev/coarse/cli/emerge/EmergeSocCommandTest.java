package dev.coarse.cli.emerge;

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

/** {@code coarse emerge sandpile} and {@code coarse emerge deepnet}: the JSON contract and one-line errors. */
class EmergeSocCommandTest {

    @Test
    void sandpileMeanAgreesWithDharAndWritesThePng(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("sandpile.png");
        CliRun r = run("emerge", "sandpile", "--L", "16", "--grains", "40000", "--activity-steps", "65536",
                "--collapse", "8,16", "--seed", "3", "--json", "--png", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        double mean = j.get("mean_topplings").get("mean").asDouble();
        double error = j.get("mean_topplings").get("error").asDouble();
        // Gaussian 4σ: false failure ≈ 6e-5 (fixed seed).
        assertThat(Math.abs(mean - j.get("exact_mean_topplings").asDouble())).isLessThan(4 * error);
        assertThat(j.get("size_exponent").get("error").asDouble()).isPositive();
        assertThat(j.get("spectrum_exponent").get("mean").isNumber()).isTrue();
        // ⟨s⟩ ∝ L² up to corrections: σ(1) near 2
        assertThat(j.get("moment_scaling").get("sigma").get(1).get("mean").asDouble()).isCloseTo(2, within(0.3));
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void deepnetGivesTheCriticalLineAndThePhaseDiagram(@TempDir Path dir) throws IOException {
        CliRun r = run("emerge", "deepnet", "--activation", "tanh", "--sigma-w2", "1", "--sigma-b2", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("critical_sigma_w2").asDouble()).isCloseTo(1, within(1e-6));
        assertThat(j.get("q_star").asDouble()).isZero();
        assertThat(j.get("chi1").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(j.get("xi_c").isNull()).as("ξ_c is infinite on the line: null in JSON").isTrue();
        Path png = dir.resolve("phase.png");
        CliRun p = run("emerge", "deepnet", "--activation", "x*sigmoid(x)", "--sigma-b2", "0.05",
                "--phase-diagram", png.toString(), "--grid", "6", "--json");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.json().get("q_star").asDouble()).isPositive();
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void badValuesAreOneLineErrors() {
        String[][] bad = {
            {"emerge", "sandpile", "--L", "1"},
            {"emerge", "sandpile", "--grains", "10"},
            {"emerge", "deepnet", "--activation", "x +"},
            {"emerge", "deepnet", "--sigma-w2", "-1"},
            {"emerge", "deepnet", "--activation", "relu", "--sigma-w2", "3"},
        };
        for (String[] args : bad) {
            CliRun r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("coarse: error:").doesNotContain("\n");
        }
    }
}
