package dev.coarse.cli.rg;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coarse rg coarsen|mcrg|couplings} in-process: outputs, the multi-level semantics, and every bad input. */
class RgEnsembleCommandsTest {

    @TempDir
    static Path dir;

    /** 2D Ising, L = 16, T = 2.5 (K = 0.4), 400 Wolff samples. */
    static Path ising16;



    private static Path sample(String name, String... modelArgs) {
        Path file = dir.resolve(name);
        String[] common = {"sample", "--sampler", "wolff", "--sweeps", "2000", "--thermalize", "100", "--thin", "5",
            "--chains", "1", "--threads", "1", "--seed", "3", "--quiet", "--out", file.toString()};
        String[] args = new String[common.length + modelArgs.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(modelArgs, 0, args, common.length, modelArgs.length);
        CliRun r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return file;
    }

    @BeforeAll
    static void ensembles() {
        ising16 = sample("ising16.h5", "--model", "ising2d", "--L", "16", "--T", "2.5");
    }

    private static void assertUserError(CliRun r, String... fragments) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(fragments);
    }

    @Test
    void coarsenWritesEveryLevelWithProvenanceAndInspectShowsThem() throws Exception {
        Path out = dir.resolve("coarse-a.h5");
        CliRun r = run("rg", "coarsen", ising16.toString(), "--rule", "majority", "--b", "2", "--levels", "2",
                "--seed", "5", "--out", out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("levels")).hasSize(3);
        List<Ensemble> levels = EnsembleFile.readLevels(out);
        assertThat(levels).extracting(e -> e.lattice().linearSize()).containsExactly(16, 8, 4);
        assertThat(levels).extracting(Ensemble::size).containsOnly(400);
        Map<String, String> p = levels.get(2).meta().provenance();
        assertThat(p).containsEntry("rule", "majority").containsEntry("level", "2").containsEntry("b", "2")
                .containsEntry("coarse_seed", "5").containsEntry("source", ising16.toString())
                .containsEntry("rule_detail", "majority b=2 ties=coin");
        CliRun inspect = run("inspect", out.toString(), "--json");
        assertThat(inspect.code()).as(inspect.err()).isZero();
        assertThat(inspect.json().get("levels")).hasSize(3);
    }

    @Test
    void coarsenIsDeterministicForASeedAndTheTieRuleMatters() throws Exception {
        Path a = dir.resolve("det-a.h5");
        Path b = dir.resolve("det-b.h5");
        Path fixed = dir.resolve("det-fixed.h5");
        assertThat(run("rg", "coarsen", ising16.toString(), "--levels", "1", "--seed", "9", "--out", a.toString()).code()).isZero();
        assertThat(run("rg", "coarsen", ising16.toString(), "--levels", "1", "--seed", "9", "--out", b.toString()).code()).isZero();
        assertThat(run("rg", "coarsen", ising16.toString(), "--levels", "1", "--ties", "fixed", "--out",
                fixed.toString()).code()).isZero();
        byte[][] ca = EnsembleFile.readLevel(a, 1).configurations();
        assertThat(EnsembleFile.readLevel(b, 1).configurations()).isDeepEqualTo(ca);
        assertThat(Arrays.deepEquals(EnsembleFile.readLevel(fixed, 1).configurations(), ca)).isFalse();
    }

    @Test
    void mcrgJsonHasTheDocumentedShapeAndExactValues() throws Exception {
        CliRun r = run("rg", "mcrg", ising16.toString(), "--rule", "majority", "--b", "2", "--levels", "2",
                "--operators", "4", "--odd-operators", "2", "--bins", "10", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("levels")).hasSize(2);
        JsonNode l1 = j.get("levels").get(0);
        assertThat(l1.get("level").asInt()).isEqualTo(1);
        assertThat(l1.get("y_t").get("mean").isNumber()).isTrue();
        assertThat(l1.get("y_t").get("error").asDouble()).isPositive();
        assertThat(l1.get("y_h").get("mean").isNumber()).isTrue();
        assertThat(l1.get("eigenvalues_even")).hasSize(4);
        assertThat(l1.get("eigenvalues_odd")).hasSize(2);
        assertThat(j.get("exact").get("y_t").asDouble()).isEqualTo(1.0);
        assertThat(j.get("exact").get("y_h").asDouble()).isEqualTo(1.875);
        assertThat(j.get("samples").asInt()).isEqualTo(400);
    }

    @Test
    void mcrgOnACoarsenedFileEqualsMcrgOnThePlainFileWithTheSameRuleAndSeed() throws Exception {
        Path coarse = dir.resolve("coarse-mcrg.h5");
        assertThat(run("rg", "coarsen", ising16.toString(), "--levels", "2", "--seed", "11", "--out",
                coarse.toString()).code()).isZero();
        CliRun plain = run("rg", "mcrg", ising16.toString(), "--levels", "2", "--seed", "11", "--operators", "3",
                "--bins", "10", "--json");
        CliRun stored = run("rg", "mcrg", coarse.toString(), "--operators", "3", "--bins", "10", "--json");
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(stored.code()).as(stored.err()).isZero();
        assertThat(stored.json().get("levels")).isEqualTo(plain.json().get("levels"));
        CliRun firstLevelOnly = run("rg", "mcrg", coarse.toString(), "--levels", "1", "--operators", "3", "--bins", "10",
                "--json");
        assertThat(firstLevelOnly.json().get("levels")).hasSize(1);
        assertThat(firstLevelOnly.json().get("levels").get(0)).isEqualTo(plain.json().get("levels").get(0));
    }

    @Test
    void couplingsPerLevelWithErrors() throws Exception {
        CliRun r = run("rg", "couplings", ising16.toString(), "--rule", "majority", "--levels", "1", "--operators",
                "nn,nnn", "--samples", "200", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode levels = r.json().get("levels");
        assertThat(levels).hasSize(2);
        assertThat(levels.get(0).get("samples").asInt()).isEqualTo(200);
        assertThat(levels.get(1).get("L").asInt()).isEqualTo(8);
        JsonNode nn = levels.get(0).get("couplings").get("nn");
        // level 0 is the sampled model itself: K_nn = 1/T = 0.4 (pseudo-likelihood is consistent); loose bound
        // because 400 Wolff samples are correlated and the jackknife error is then an underestimate
        assertThat(nn.get("mean").asDouble()).isBetween(0.35, 0.45);
        assertThat(nn.get("error").asDouble()).isPositive();
        assertThat(levels.get(1).get("couplings").get("nnn").get("error").asDouble()).isPositive();
    }

    @Test
    void oddLatticeForB2() {
        Path odd = sample("ising15.h5", "--model", "ising2d", "--L", "15", "--T", "2.5");
        assertUserError(run("rg", "mcrg", odd.toString(), "--b", "2", "--levels", "1"), "b = 2 does not divide L = 15",
                "odd lattice");
        assertUserError(run("rg", "coarsen", odd.toString(), "--levels", "1", "--out", dir.resolve("x.h5").toString()),
                "does not divide");
        assertUserError(run("rg", "couplings", ising16.toString(), "--b", "3", "--levels", "1"),
                "b = 3 does not divide L = 16");
    }

    @Test
    void moreLevelsThanTheLatticeAllowsNamesTheMaximum() {
        assertUserError(run("rg", "mcrg", ising16.toString(), "--levels", "4"), "--levels 4", "at most 3");
        assertUserError(run("rg", "coarsen", ising16.toString(), "--levels", "5", "--out",
                dir.resolve("y.h5").toString()), "at most 3");
    }

    @Test
    void moreLevelsThanAMultiLevelFileStores() throws Exception {
        Path coarse = dir.resolve("coarse-two.h5");
        assertThat(run("rg", "coarsen", ising16.toString(), "--levels", "2", "--out", coarse.toString()).code()).isZero();
        assertUserError(run("rg", "mcrg", coarse.toString(), "--levels", "3"), "stores coarse levels 1..2", "at most 2");
        assertUserError(run("rg", "mcrg", coarse.toString(), "--rule", "decimation"), "coarse-grained with majority");
    }

    @Test
    void emptyEnsemble() {
        // EnsembleFile refuses to write an empty ensemble, so an empty file can only come from elsewhere: the check
        // the commands run right after reading is exercised directly
        EnsembleMeta meta = new EnsembleMeta("ising2d", 2, 4, 2.5, 0, 2, "wolff", 1, 1, 0, 1, 1, Double.NaN, "test",
                Map.of());
        Ensemble empty = new Ensemble(meta, Lattice.square(4), new byte[0][]);
        assertThatThrownBy(() -> RgInput.requireNonEmpty(Path.of("e.h5"), empty)).isInstanceOf(UserError.class)
                .hasMessageContaining("empty ensemble");
    }

    @Test
    void unknownRuleOperatorOrTieRule() {
        assertUserError(run("rg", "mcrg", ising16.toString(), "--rule", "median"), "unknown coarse-graining rule 'median'");
        assertUserError(run("rg", "couplings", ising16.toString(), "--operators", "nn,hexagon"), "unknown operator 'hexagon'");
        assertUserError(run("rg", "mcrg", ising16.toString(), "--operators", "9"), "--operators must be 1..6");
        assertUserError(run("rg", "couplings", ising16.toString(), "--samples", "401"), "--samples must be in 2..400");
        assertUserError(run("rg", "mcrg", ising16.toString(), "--odd-operators", "0"), "--odd-operators must be 1..3");
        assertUserError(run("rg", "coarsen", ising16.toString(), "--levels", "1", "--ties", "maybe", "--out",
                dir.resolve("z.h5").toString()), "unknown --ties 'maybe'");
    }

    @Test
    void pottsEnsembleIsRejected() {
        Path potts = sample("potts8.h5", "--model", "potts2d", "--q", "3", "--L", "8", "--K", "0.9");
        assertUserError(run("rg", "mcrg", potts.toString(), "--levels", "1"), "MCRG needs an Ising ensemble", "potts2d");
        assertUserError(run("rg", "coarsen", potts.toString(), "--levels", "1", "--out", dir.resolve("p.h5").toString()),
                "needs an Ising ensemble");
        assertUserError(run("rg", "couplings", potts.toString()), "needs an Ising ensemble");
    }

    @Test
    void missingFile() {
        assertUserError(run("rg", "mcrg", dir.resolve("nope.h5").toString()), "nope.h5 does not exist");
        assertUserError(run("rg", "couplings", dir.resolve("nope.h5").toString()), "does not exist");
        assertUserError(run("rg", "coarsen", dir.resolve("nope.h5").toString(), "--levels", "1", "--out",
                dir.resolve("w.h5").toString()), "does not exist");
    }

    @Test
    void outputExistsWithoutForce() throws Exception {
        Path out = dir.resolve("exists.h5");
        Files.writeString(out, "keep me");
        assertUserError(run("rg", "coarsen", ising16.toString(), "--levels", "1", "--out", out.toString()),
                "already exists", "--force");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        CliRun forced = run("rg", "coarsen", ising16.toString(), "--levels", "1", "--out", out.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(EnsembleFile.levels(out)).hasSize(2);
    }
}
