package dev.coarse.cli.sample;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.CoarseMain;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path dir;


    static Ensemble ensemble(Lattice lattice, int n, String sampler, Map<String, String> provenance) {
        EnsembleMeta meta = new EnsembleMeta("ising" + lattice.dimension() + "d", lattice.dimension(),
                lattice.linearSize(), 2.5, 0.0, 2, sampler, 42L, 1000L, 100L, 5L, 2, 1.75, "0.1.0-test", provenance);
        byte[][] configurations = new byte[n][lattice.siteCount()];
        for (byte[] c : configurations) {
            java.util.Arrays.fill(c, (byte) 1);
        }
        return new Ensemble(meta, lattice, configurations);
    }

    @Test
    void printsEveryFieldAsText() throws IOException {
        Path file = dir.resolve("e.h5");
        EnsembleFile.write(file, ensemble(Lattice.square(8), 12, "wolff", Map.of("source", "test")), false);
        CliRun r = run("inspect", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 level", "ising2d", "square 2D, L = 8", "2.5", "wolff", "42",
                "1000 per chain (thermalize 100)", "every 5 sweeps", "1.75 samples", "coarse 0.1.0-test",
                "12, shape [12, 8, 8]", "source = test");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonHasSnakeCaseKeysForEveryLevel() throws IOException {
        Path file = dir.resolve("levels.h5");
        EnsembleFile.writeLevels(file, List.of(ensemble(Lattice.cubic(4), 3, "metropolis", Map.of()),
                ensemble(Lattice.cubic(2), 3, "majority", Map.of("rule", "majority", "level", "1"))), false);
        CliRun r = run("inspect", file.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JsonOutput.MAPPER.readTree(r.out());
        for (String key : List.of("model", "L", "T", "h", "q", "sampler", "seed", "sweeps", "thermalize", "thin",
                "chains", "tau_int", "coarse_version", "n_samples", "shape", "provenance", "levels")) {
            assertThat(json.has(key)).as("key %s in %s", key, r.out()).isTrue();
        }
        assertThat(json.get("L").asInt()).isEqualTo(4);
        assertThat(json.get("shape").toString()).isEqualTo("[3,4,4,4]");
        assertThat(json.get("tau_int").asDouble()).isEqualTo(1.75);
        assertThat(json.get("levels")).hasSize(2);
        JsonNode coarse = json.get("levels").get(1);
        assertThat(coarse.get("level").asInt()).isEqualTo(1);
        assertThat(coarse.get("sampler").asText()).isEqualTo("majority");
        assertThat(coarse.get("shape").toString()).isEqualTo("[3,2,2,2]");
        assertThat(coarse.get("provenance").get("rule").asText()).isEqualTo("majority");
    }

    @Test
    void singleLevelJsonHasNoLevelsArray() throws IOException {
        Path file = dir.resolve("e.h5");
        EnsembleFile.write(file, ensemble(Lattice.chain(5), 2, "wolff", Map.of()), false);
        JsonNode json = JsonOutput.MAPPER.readTree(run("inspect", "--json", file.toString()).out());
        assertThat(json.has("levels")).isFalse();
        assertThat(json.get("n_samples").asLong()).isEqualTo(2);
    }

    @Test
    void missingFileIsAUsageError() {
        CliRun r = run("inspect", dir.resolve("absent.h5").toString());
        assertThat(r.code()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(r.err()).startsWith("coarse: error: no such file").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void nonCoarseFileIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.h5"), "hello");
        CliRun r = run("inspect", file.toString(), "--json");
        assertThat(r.code()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(r.err()).startsWith("coarse: error: ").contains("not an HDF5 file");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }
}
