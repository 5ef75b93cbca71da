package dev.coarse.cli.rg;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.MajorityRule;
import dev.coarse.rg.MatchedMcrg;
import dev.coarse.rg.Mcrg;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.TieBreak;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coarse rg mcrg --matched}: the same numbers as {@link MatchedMcrg} on the files, JSON keys, bad inputs. */
class RgMcrgMatchedCommandTest {

    @TempDir
    static Path dir;

    static Path ising16;
    static Path ising8;
    static Path ising8Hotter;

    private static Path sample(String name, String l, String t) {
        Path file = dir.resolve(name);
        CliRun r = run("sample", "--sampler", "wolff", "--sweeps", "2000", "--thermalize", "100", "--thin", "5",
                "--chains", "1", "--threads", "1", "--seed", "3", "--quiet", "--out", file.toString(), "--model",
                "ising2d", "--L", l, "--T", t);
        assertThat(r.code()).as(r.err()).isZero();
        return file;
    }

    @BeforeAll
    static void ensembles() {
        ising16 = sample("m16.h5", "16", "2.5");
        ising8 = sample("m8.h5", "8", "2.5");
        ising8Hotter = sample("m8hot.h5", "8", "2.6");
    }

    @Test
    void matchedJsonEqualsTheLibraryOnTheSameFiles() throws Exception {
        CliRun r = run("rg", "mcrg", ising16.toString(), "--matched", ising8.toString(), "--levels", "2",
                "--operators", "2", "--odd-operators", "2", "--bins", "10", "--seed", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("method").asText()).isEqualTo("matched");
        assertThat(j.get("matched_form").asText()).isEqualTo("couplings");
        assertThat(j.get("matched_samples").asInt()).isEqualTo(400);
        assertThat(j.get("matched_L").toString()).isEqualTo("[8,4]");
        assertThat(j.get("levels")).hasSize(2);

        MajorityRule rule = new MajorityRule(2, TieBreak.COIN);
        List<Ensemble> large = Coarsener.iterate(EnsembleFile.readLevels(ising16).get(0), rule, 2, 4);
        List<Ensemble> small = Coarsener.iterate(EnsembleFile.readLevels(ising8).get(0), rule, 1, 5);
        List<Mcrg.Level> expected = MatchedMcrg.analyse(configs(large), lattices(large), configs(small),
                lattices(small), OperatorSet.standardEven(2).truncate(2), OperatorSet.standardOdd(2).truncate(2), 10,
                MatchedMcrg.Form.COUPLINGS);
        for (int n = 0; n < 2; n++) {
            JsonNode level = j.get("levels").get(n);
            assertThat(level.get("y_t").get("mean").asDouble()).isEqualTo(expected.get(n).yT().mean());
            assertThat(level.get("y_h").get("mean").asDouble()).isEqualTo(expected.get(n).yH().mean());
            assertThat(level.get("y_h").get("error").asDouble()).isEqualTo(expected.get(n).yH().error());
        }

        CliRun responses = run("rg", "mcrg", ising16.toString(), "--matched", ising8.toString(), "--levels", "2",
                "--operators", "2", "--bins", "10", "--seed", "4", "--matched-form", "responses", "--json");
        assertThat(responses.code()).as(responses.err()).isZero();
        assertThat(responses.json().get("matched_form").asText()).isEqualTo("responses");

        CliRun text = run("rg", "mcrg", ising16.toString(), "--matched", ising8.toString(), "--levels", "2",
                "--operators", "2", "--bins", "10");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("matched with", "level 2 (L 16 → 4 vs 8 → 4)");
    }

    @Test
    void badMatchedInputsAreOneLineErrors() {
        assertUserError(run("rg", "mcrg", ising16.toString(), "--matched", ising8Hotter.toString(), "--levels", "2"),
                "same model, temperature and field");
        assertUserError(run("rg", "mcrg", ising16.toString(), "--matched", ising16.toString(), "--levels", "2"),
                "same size");
        assertUserError(run("rg", "mcrg", ising16.toString(), "--matched", ising8.toString(), "--matched-form",
                "ratio"), "unknown --matched-form 'ratio'");
        assertUserError(run("rg", "mcrg", ising16.toString(), "--matched", dir.resolve("none.h5").toString()),
                "none.h5 does not exist");
    }

    private static void assertUserError(CliRun r, String... fragments) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(fragments);
    }

    private static List<byte[][]> configs(List<Ensemble> levels) {
        List<byte[][]> out = new ArrayList<>();
        levels.forEach(e -> out.add(e.configurations()));
        return out;
    }

    private static List<Lattice> lattices(List<Ensemble> levels) {
        List<Lattice> out = new ArrayList<>();
        levels.forEach(e -> out.add(e.lattice()));
        return out;
    }
}
