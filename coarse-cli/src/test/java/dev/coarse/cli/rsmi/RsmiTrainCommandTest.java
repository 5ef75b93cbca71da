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

class RsmiTrainCommandTest {

    @TempDir
    static Path dir;
    static Path ising;
    static Path potts;

    @BeforeAll
    static void sample() {
        ising = dir.resolve("ising.h5");
        potts = dir.resolve("potts.h5");
        CliRun a = CliRun.quiet("sample", "--model", "ising2d", "--L", "16", "--T", "2.269", "--sampler", "wolff",
                "--sweeps", "4000", "--thermalize", "200", "--thin", "10", "--chains", "2", "--seed", "3", "--out",
                ising.toString());
        assertThat(a.code()).as(a.err()).isZero();
        CliRun b = CliRun.quiet("sample", "--model", "potts2d", "--q", "3", "--L", "16", "--K", "0.9", "--sweeps",
                "200", "--chains", "1", "--out", potts.toString());
        assertThat(b.code()).as(b.err()).isZero();
    }

    @Test
    void jsonHasTheBoundTheFilterAndItsAlignmentAndTheFileDrivesAFlow() throws Exception {
        Path filter = dir.resolve("learned.json");
        CliRun r = CliRun.quiet("rsmi", "train", ising.toString(), "--block", "2", "--hidden", "1", "--buffer", "2",
                "--env", "4", "--bound", "infonce", "--epochs", "2", "--batch", "200", "--pairs", "16", "--json",
                "--out", filter.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = r.json();
        for (String key : List.of("mi", "ceiling", "ceiling_hit", "filter", "cosine_block_sum")) {
            assertThat(json.has(key)).as("key %s in %s", key, json).isTrue();
        }
        assertThat(json.get("mi").get("mean").asDouble()).isGreaterThan(0);
        assertThat(json.get("ceiling").asDouble()).isEqualTo(Math.log(200));
        assertThat(json.get("filter")).hasSize(1);
        assertThat(json.get("filter").get(0)).hasSize(4);
        assertThat(json.get("cosine_block_sum").asDouble()).isBetween(0.0, 1.0);
        assertThat(Files.readString(filter)).contains("coarse-rsmi-filter");

        CliRun flow = CliRun.quiet("rsmi", "flow", ising.toString(), "--rule", filter.toString(), "--levels", "2",
                "--json", "--bins", "10");
        assertThat(flow.code()).as(flow.err()).isZero();
        assertThat(flow.json().get("rule").asText()).startsWith("rsmi b=2");
        assertThat(flow.json().get("levels")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "missing.h5",
        "ISING --block 20",
        "ISING --buffer 4 --env 4",
        "POTTS",
        "ISING --bound mine",
        "ISING --kind ternary",
        "ISING --epochs 0",
        "ISING --lr -1",
        "ISING --hidden 0",
        "ISING --batch 5000",
    })
    void badInputGivesOneLineAndExitTwo(String args) {
        String[] parts = args.replace("ISING", ising.toString()).replace("POTTS", potts.toString()).split(" ");
        CliRun r = CliRun.quiet(RsmiFlowCommandTest.concat(new String[] {"rsmi", "train"}, parts));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }
}
