package dev.coarse.cli.info;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.info.BlockGeometry;
import dev.coarse.info.ExactInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.BlockPatternRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coarse info} on Coarse ensemble files, end to end: {@code coarse sample --out f.h5} on the 4×4 torus
 * at K = 0.4 (Swendsen–Wang, thinned), then {@code info mi} and {@code info block --rule majority} on the
 * file, compared with exact enumeration; and every bad-input path as a one-line error with exit code 2.
 */
class InfoEnsembleFileTest {

    /** 4σ per check: a false failure about once in 10⁴ runs per check (fixed seeds, so in practice never). */
    private static final double STAT_SIGMAS = 4.0;
    private static final Lattice TORUS = Lattice.square(4);
    private static final double K = 0.4;

    @TempDir
    static Path dir;
    private static Path sampled;
    private static ExactDistribution exact;


    @BeforeAll
    static void sample() {
        exact = Enumeration.boltzmann(IsingModel.atCoupling(TORUS, K));
        sampled = dir.resolve("f.h5");
        // SW on the 4x4 torus at K = 0.4 decorrelates in a few sweeps; thin 4 keeps tau_int of the stored
        // energy near 1/2 (checked in the core tests), so the bootstrap error is the right error
        CliRun r = run("sample", "--model", "ising2d", "--L", "4", "--K", String.valueOf(K), "--sampler", "sw",
                "--sweeps", "20000", "--thin", "4", "--thermalize", "200", "--chains", "2", "--threads", "1",
                "--seed", "11", "--quiet", "--out", sampled.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private static void assertWithin(JsonNode value, double exactValue, String what) {
        double mean = value.get("mean").asDouble();
        double error = value.get("error").asDouble();
        assertThat(error).as(what + " error").isPositive();
        assertThat(Math.abs(mean - exactValue)).as("%s: %s ± %s vs exact %s", what, mean, error, exactValue)
                .isLessThanOrEqualTo(STAT_SIGMAS * error);
    }

    @Test
    void mutualInformationOfSampledFileMatchesEnumeration() throws IOException {
        CliRun r = run("info", "mi", sampled.toString(), "--x", "0", "--y", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = JsonOutput.MAPPER.readTree(r.out());
        assertThat(root.get("n_samples").asInt()).isEqualTo(10_000);
        assertThat(root.get("unit").asText()).isEqualTo("nats");
        assertWithin(root.get("value"), ExactInformation.mutualInformation(exact, new int[] {0}, new int[] {1}),
                "I(s0;s1)");
        // site order is row-major: site 5 = (1, 1), the diagonal neighbour of site 0
        CliRun entropy = run("info", "entropy", sampled.toString(), "--x", "0,1,4,5", "--estimator", "plugin", "--json");
        assertThat(entropy.code()).as(entropy.err()).isZero();
        int[] block = {TORUS.site(0, 0), TORUS.site(0, 1), TORUS.site(1, 0), TORUS.site(1, 1)};
        assertWithin(JsonOutput.MAPPER.readTree(entropy.out()).get("value"), ExactInformation.entropy(exact, block),
                "H(2x2 block)");
    }

    @Test
    void majorityBlockOnSampledFileMatchesEnumeration() throws IOException {
        // E is summed (12 sites, 13 symbols: well sampled); the exact I(V : ΣE) is computed below
        CliRun r = run("info", "block", sampled.toString(), "--block", "2", "--buffer", "0..0", "--env", "1",
                "--rule", "majority", "--corner-only", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = JsonOutput.MAPPER.readTree(r.out());
        assertThat(root.get("rule").asText()).isEqualTo("majority");
        assertThat(root.get("level").asInt()).isZero();
        JsonNode row = root.get("profile").get(0);
        BlockGeometry g = new BlockGeometry(TORUS, 2, 0, 1);
        int[] v = g.visibleSites(0);
        int[] e = g.environmentSites(0);
        assertWithin(row.get("mi"), visibleShellSumInformation(v, e), "I(V:ΣE)");
        IntUnaryOperator majority = BlockPatternRule.of(InfoBlockCommand.coarseGraining(InfoBlockCommand.Rule.MAJORITY, 2),
                2, 2);
        double[] pv = ExactInformation.marginal(exact, v);
        double[] ph = new double[2];
        for (int code = 0; code < pv.length; code++) {
            ph[majority.applyAsInt(code)] += pv[code];
        }
        double loss = ExactInformation.entropy(pv) - ExactInformation.entropy(ph);
        assertWithin(row.get("loss"), loss, "H(V|H)");
        assertThat(row.get("kept_fraction").get("mean").asDouble()).isBetween(0.0, 1.0);
    }

    /** Exact I(V : ΣE) from the enumerated distribution: V as its pattern, E as its number of up spins. */
    private static double visibleShellSumInformation(int[] v, int[] e) {
        double[][] joint = new double[1 << v.length][e.length + 1];
        double[] p = exact.probabilities();
        for (int code = 0; code < p.length; code++) {
            int pattern = 0;
            for (int j = v.length - 1; j >= 0; j--) {
                pattern = 2 * pattern + ((code >>> v[j]) & 1);
            }
            int up = 0;
            for (int s : e) {
                up += (code >>> s) & 1;
            }
            joint[pattern][up] += p[code];
        }
        double[] pv = new double[joint.length];
        double[] pe = new double[e.length + 1];
        double[] flat = new double[joint.length * pe.length];
        for (int a = 0; a < joint.length; a++) {
            for (int b = 0; b < pe.length; b++) {
                pv[a] += joint[a][b];
                pe[b] += joint[a][b];
                flat[a * pe.length + b] = joint[a][b];
            }
        }
        return ExactInformation.entropy(pv) + ExactInformation.entropy(pe) - ExactInformation.entropy(flat);
    }

    @Test
    void levelSelectsTheEnsembleOfAMultiLevelFile() throws IOException {
        Lattice chain = Lattice.chain(4);
        EnsembleMeta meta = new EnsembleMeta("ising1d", 1, 4, 1.0, 0, 2, "test", 1, 4, 0, 1, 1, Double.NaN, "test",
                Map.of());
        byte[][] allUp = {{1, 1, 1, 1}, {1, 1, 1, 1}};
        byte[][] alternating = {{1, -1, 1, -1}, {-1, 1, -1, 1}, {1, 1, -1, -1}, {-1, -1, 1, 1}};
        Path file = dir.resolve("levels.h5");
        EnsembleFile.writeLevels(file, List.of(new Ensemble(meta, chain, allUp), new Ensemble(meta, chain, alternating)),
                false);
        CliRun level0 = run("info", "entropy", file.toString(), "--x", "0", "--estimator", "plugin", "--json");
        assertThat(level0.code()).as(level0.err()).isZero();
        assertThat(JsonOutput.MAPPER.readTree(level0.out()).get("n_samples").asInt()).isEqualTo(2);
        assertThat(JsonOutput.MAPPER.readTree(level0.out()).get("value").get("mean").asDouble()).isZero();
        CliRun level1 = run("info", "entropy", file.toString(), "--x", "0", "--estimator", "plugin", "--level", "1",
                "--json");
        assertThat(level1.code()).as(level1.err()).isZero();
        assertThat(JsonOutput.MAPPER.readTree(level1.out()).get("n_samples").asInt()).isEqualTo(4);
        assertThat(JsonOutput.MAPPER.readTree(level1.out()).get("value").get("mean").asDouble())
                .isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
        assertOneLineError(run("info", "entropy", file.toString(), "--x", "0", "--level", "2"), "no level 2");
    }

    private static void assertOneLineError(CliRun r, String fragment) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ").contains(fragment);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }

    @Test
    void badInputIsOneLineErrorWithExitCode2() throws IOException {
        String f = sampled.toString();
        assertOneLineError(run("info", "block", f, "--block", "5", "--buffer", "0", "--env", "1"),
                "larger than the lattice");
        assertOneLineError(run("info", "block", f, "--block", "2", "--buffer", "0..2", "--env", "1"),
                "larger than the lattice");
        assertOneLineError(run("info", "block", f, "--buffer", "0..x"), "--buffer");
        assertOneLineError(run("info", "block", f, "--buffer", "2..1"), "--buffer");
        assertOneLineError(run("info", "block", f, "--buffer", "0..1..2"), "--buffer");
        assertOneLineError(run("info", "block", f, "--dimension", "3"), "disagrees");
        assertOneLineError(run("info", "mi", f, "--x", "0", "--y", "16"), "site 16 does not exist");
        assertOneLineError(run("info", "mi", f, "--x", "-1", "--y", "1"), "site -1 does not exist");
        Path missing = dir.resolve("missing.h5");
        assertOneLineError(run("info", "mi", missing.toString(), "--x", "0", "--y", "1"), "no such file");
        assertOneLineError(run("info", "block", missing.toString()), "no such file");
        Path notHdf5 = dir.resolve("not-coarse.h5");
        Files.writeString(notHdf5, "1,2\n3,4\n");
        assertOneLineError(run("info", "mi", notHdf5.toString(), "--x", "0", "--y", "1"), "not-coarse.h5");
        assertOneLineError(run("info", "block", notHdf5.toString()), "not-coarse.h5");
        Path csv = dir.resolve("samples.csv");
        Files.writeString(csv, "1,2\n3,4\n");
        assertOneLineError(run("info", "mi", csv.toString(), "--x", "0", "--y", "1", "--level", "1"), "--level");

        Path potts = dir.resolve("potts.h5");
        CliRun sample = run("sample", "--model", "potts2d", "--q", "3", "--L", "4", "--K", "1.0", "--sampler", "wolff",
                "--sweeps", "40", "--thin", "2", "--thermalize", "10", "--chains", "1", "--threads", "1", "--quiet",
                "--out", potts.toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertOneLineError(run("info", "block", potts.toString(), "--block", "2", "--buffer", "0", "--env", "1",
                "--rule", "majority"), "needs Ising spins");
        assertOneLineError(run("info", "block", potts.toString(), "--block", "2", "--buffer", "0", "--env", "1",
                "--rule", "decimation"), "needs Ising spins");
        CliRun pottsProfile = run("info", "block", potts.toString(), "--block", "2", "--buffer", "0", "--env", "1",
                "--json");
        assertThat(pottsProfile.code()).as(pottsProfile.err()).isZero();
    }
}
