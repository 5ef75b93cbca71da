package dev.coarse.cli.rsmi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RsmiFlowCommandTest {

    @TempDir
    static Path dir;
    static Path ising;
    static Path dimers;

    @BeforeAll
    static void sample() {
        ising = dir.resolve("ising.h5");
        dimers = dir.resolve("dimers.h5");
        CliRun a = CliRun.quiet("sample", "--model", "ising2d", "--L", "16", "--T", "2.269", "--sampler", "wolff",
                "--sweeps", "4000", "--thermalize", "200", "--thin", "10", "--chains", "2", "--seed", "3", "--out",
                ising.toString());
        assertThat(a.code()).as(a.err()).isZero();
        CliRun b = CliRun.quiet("sample", "--model", "dimer2d", "--L", "8", "--T", "1", "--sweeps", "50", "--chains",
                "1", "--out", dimers.toString());
        assertThat(b.code()).as(b.err()).isZero();
    }

    @Test
    void jsonHasEveryLevelWithInformationCouplingsAndExponents() throws Exception {
        CliRun r = CliRun.quiet("rsmi", "flow", ising.toString(), "--levels", "2", "--json", "--bins", "10");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("rule").asText()).isEqualTo("majority b=2 ties=coin");
        assertThat(json.get("levels")).hasSize(3);
        JsonNode one = json.get("levels").get(1);
        for (String key : List.of("mi", "mi_visible", "kept_fraction", "loss", "y_t", "y_h", "couplings")) {
            assertThat(one.has(key)).as("key %s in %s", key, one).isTrue();
        }
        assertThat(one.get("kept_fraction").get("mean").asDouble()).isBetween(0.5, 1.0);
        assertThat(one.get("couplings").has("nnn")).isTrue();
        assertThat(json.get("levels").get(0).has("mi")).isFalse();
        assertThat(json.get("exact").get("y_h").asDouble()).isEqualTo(1.875);
        CliRun again = CliRun.quiet("rsmi", "flow", ising.toString(), "--levels", "2", "--json", "--bins", "10");
        assertThat(again.json().get("levels")).isEqualTo(json.get("levels"));
    }

    @Test
    void aUniformLinearFilterFileIsTheMajorityRuleWithFixedTies() throws Exception {
        Path filter = dir.resolve("uniform.json");
        Files.writeString(filter, "{\"rule\": \"linear-filter\", \"b\": 2, \"weights\": [1, 1, 1, 1], \"ties\": \"fixed\"}");
        String[] common = {"rsmi", "flow", ising.toString(), "--levels", "2", "--json", "--couplings", "none",
            "--operators", "0"};
        JsonNode file = CliRun.quiet(concat(common, "--rule", filter.toString())).json();
        JsonNode majority = CliRun.quiet(concat(common, "--rule", "majority", "--ties", "fixed")).json();
        for (int n = 1; n <= 2; n++) {
            assertThat(file.get("levels").get(n).get("mi")).isEqualTo(majority.get("levels").get(n).get("mi"));
            assertThat(file.get("levels").get(n).get("loss")).isEqualTo(majority.get("levels").get(n).get("loss"));
            assertThat(file.get("levels").get(n).has("couplings")).isFalse();
        }
        assertThat(file.get("rule").asText()).startsWith("linear-filter b=2");
    }

    @Test
    void textShowsOneLinePerLevel() {
        CliRun r = CliRun.quiet("rsmi", "flow", ising.toString(), "--levels", "1", "--rule", "decimation",
                "--environment-code", "staggered", "--positions", "blocks", "--bins", "10");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("decimation b=2", "level 0 (L = 16)", "level 1 (L = 8)", "I(H:E) = ",
                "y_h = ", "exact (2D Ising)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "missing.h5",
        "ISING --levels 4",
        "ISING --levels 0",
        "ISING --rule plaquette",
        "ISING --rule nofile.json",
        "ISING --rule BADRULE",
        "ISING --env 4 --levels 2",
        "ISING --environment-code shells",
        "ISING --positions some",
        "ISING --ties heads",
        "ISING --bins 1",
        "ISING --operators 9",
        "DIMERS --rule majority",
    })
    void badInputGivesOneLineAndExitTwo(String args) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"rule\": \"rsmi-dream\"}");
        String[] parts = args.replace("ISING", ising.toString()).replace("DIMERS", dimers.toString())
                .replace("BADRULE", bad.toString()).split(" ");
        CliRun r = CliRun.quiet(concat(new String[] {"rsmi", "flow"}, parts));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
