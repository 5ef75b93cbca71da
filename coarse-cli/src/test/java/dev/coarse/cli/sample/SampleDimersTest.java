package dev.coarse.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.exact.DimerCoverings;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code coarse sample --model dimer2d}: the worm, the dimers' own observables, a format-2 file, inspect. */
class SampleDimersTest {

    /** Statistical tolerance in units of the reported error (a false failure about once in 15,000 runs). */
    private static final double SIGMAS = 4;

    @TempDir
    Path dir;

    @Test
    void interactingDimersOnTheFourByFourTorusMatchEnumerationAndTheFileRoundTrips() throws Exception {
        Path file = dir.resolve("dimers.h5");
        CliRun r = CliRun.quiet("sample", "--model", "dimer2d", "--L", "4", "--v", "-1", "--T", "1", "--sweeps",
                "8000", "--thermalize", "200", "--thin", "4", "--chains", "2", "--seed", "3", "--out", file.toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JsonOutput.MAPPER.readTree(r.out());
        assertThat(json.get("model").asText()).isEqualTo("dimer2d");
        assertThat(json.get("v").asDouble()).isEqualTo(-1.0);
        assertThat(json.get("sampler").asText()).as("the worm is the default for dimers").isEqualTo("worm");
        JsonNode observables = json.get("observables");
        assertThat(observables.fieldNames()).toIterable().containsExactly("energy_per_site", "parallel_plaquettes",
                "columnar_order", "columnar_order_squared", "specific_heat", "columnar_susceptibility",
                "winding_squared");

        DimerModel model = new DimerModel(Lattice.square(4), -1.0, 1.0);
        double exact = DimerCoverings.of(model.lattice()).meanParallelPlaquettes(model) / 16;
        JsonNode parallel = observables.get("parallel_plaquettes");
        assertThat(Math.abs(parallel.get("mean").asDouble() - exact))
                .as("N∥/N %s against enumeration %s", parallel, exact)
                .isLessThan(SIGMAS * parallel.get("error").asDouble());
        assertThat(observables.get("energy_per_site").get("mean").asDouble())
                .isCloseTo(-parallel.get("mean").asDouble(), org.assertj.core.data.Offset.offset(1e-12));

        Ensemble e = EnsembleFile.read(file);
        assertThat(e.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.bondOccupations());
        assertThat(e.meta().parameters()).containsEntry("v", -1.0);
        assertThat(e.model()).isEqualTo(model);
        assertThat(e.size()).isEqualTo(2 * 8000 / 4);
        for (byte[] covering : e.configurations()) {
            model.validate(covering);
        }
        assertThat(e.meta().tauInt()).isEqualTo(observables.get("columnar_order").get("tau_int").asDouble());

        CliRun text = CliRun.run("inspect", file.toString());
        assertThat(text.out()).contains("dimer2d", "v           -1.0", "0/1 occupations on bonds",
                "shape [4000, 4, 4, 2]");
        JsonNode inspect = CliRun.run("inspect", file.toString(), "--json").json();
        assertThat(inspect.get("parameters").get("v").asDouble()).isEqualTo(-1.0);
        assertThat(inspect.get("degrees_of_freedom").get("support").asText()).isEqualTo("bonds");
        assertThat(inspect.get("degrees_of_freedom").get("values").asText()).isEqualTo("occupation");
        assertThat(inspect.get("shape").toString()).isEqualTo("[4000,4,4,2]");
    }

    @Test
    void freeDimersNeedNoCouplingAndPrintTheirOwnObservables() {
        CliRun r = CliRun.quiet("sample", "--model", "dimer2d", "--L", "8", "--T", "1", "--sweeps", "200",
                "--chains", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("dimer2d  L=8  T=1.00000  v=0.00000  sampler=worm", "parallel_plaquettes", "columnar_order");
        assertThat(r.out()).doesNotContain("abs_magnetization", "binder");
    }

    @Test
    void sameSeedGivesTheSameCoveringsWithOneAndTwoThreads() throws Exception {
        List<byte[][]> runs = new java.util.ArrayList<>();
        for (String threads : List.of("1", "2")) {
            Path file = dir.resolve("t" + threads + ".h5");
            CliRun r = CliRun.quiet("sample", "--model", "dimer2d", "--L", "6", "--v", "0.5", "--T", "2", "--sweeps",
                    "50", "--thin", "5", "--chains", "3", "--seed", "9", "--threads", threads, "--out",
                    file.toString());
            assertThat(r.code()).as(r.err()).isZero();
            runs.add(EnsembleFile.read(file).configurations());
        }
        assertThat(runs.get(0)).isDeepEqualTo(runs.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--model dimer2d --L 5 --T 1",
        "--model dimer2d --L 2 --T 1",
        "--model dimer2d --L 8 --T 1 --sampler wolff",
        "--model dimer2d --L 8 --T 1 --h 0.5",
        "--model dimer2d --L 8 --T 1 --q 3",
        "--model dimer2d --L 8 --T 1 --v NaN",
        "--model ising2d --L 8 --T 2 --v 1",
    })
    void badInputGivesOneLineAndExitTwo(String args) {
        CliRun r = CliRun.quiet(SampleCommandTest.concat(new String[] {"sample"}, args.split(" ")));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }
}
