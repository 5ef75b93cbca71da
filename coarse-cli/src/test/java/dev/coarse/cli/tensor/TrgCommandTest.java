package dev.coarse.cli.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.exact.Kaufman;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TrgCommandTest {

    @Test
    void jsonHasTheIssuesKeysAndAgreesWithOnsager() throws Exception {
        CliRun r = CliRun.run("trg", "--model", "ising2d", "--T", "2.269185314213022", "--chi", "12", "--steps",
                "16", "--scheme", "btrg", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = r.json();
        for (String key : List.of("ln_z_per_site", "free_energy_per_site", "relative_error", "central_charge",
                "scaling_dimensions", "per_step")) {
            assertThat(json.has(key)).as("key %s", key).isTrue();
        }
        assertThat(json.get("relative_error").asDouble()).isLessThan(1e-5);
        assertThat(json.get("per_step")).hasSize(16);
        JsonNode step = json.get("per_step").get(5);
        for (String key : List.of("ln_z", "truncation_error", "c", "x")) {
            assertThat(step.has(key)).as("per-step key %s", key).isTrue();
        }
        assertThat(json.get("scaling_dimensions").size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void finiteTorusGivesKaufmansLnZ() throws Exception {
        CliRun r = CliRun.run("trg", "--T", "2.6", "--L", "4", "--chi", "32", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("ln_z").asDouble()).isCloseTo(Kaufman.logPartitionFunction(4, 2.6), within(1e-10));
        assertThat(r.json().get("steps").asInt()).as("2 log2 L − 2 steps, then the 2×2 torus exactly").isEqualTo(2);
    }

    @Test
    void scanGivesPointsAndAPeak() throws Exception {
        CliRun r = CliRun.run("trg", "scan", "--model", "potts2d", "--q", "3", "--T-range", "0.985:1.005:5",
                "--chi", "8", "--steps", "16", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("points")).hasSize(5);
        assertThat(json.get("points").get(0).has("specific_heat")).isTrue();
        assertThat(json.get("points").get(0).has("free_energy_per_site")).isTrue();
        assertThat(json.get("Tc").has("mean")).isTrue();
        assertThat(json.get("Tc").has("error")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--chi 1 --T 2|--chi must be at least 2",
        "--steps 0 --T 2|--steps must be at least 1",
        "--L 6 --T 2|--L must be a power of two",
        "--model potts2d --q 1 --T 1|--q must be at least 2",
        "--T 0|--T must be positive",
        "--T -1|--T must be positive",
        "--scheme ctmrg --T 2|unknown --scheme",
        "--model ising3d --T 2|unknown --model"})
    void badInputIsOneLineAndExitTwo(String args, String message) {
        List<String> argv = new java.util.ArrayList<>(List.of("trg"));
        argv.addAll(List.of(args.split(" ")));
        CliRun r = CliRun.run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("coarse: error: ").contains(message).doesNotContain("\n");
    }

    @Test
    void scanRefusesAnUnknownRange() {
        CliRun r = CliRun.run("trg", "scan", "--T-range", "1:0.5:4");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: --T-range");
    }
}
