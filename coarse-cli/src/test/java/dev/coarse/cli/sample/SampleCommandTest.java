package dev.coarse.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.model.IsingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleCommandTest {

    static CliRun run(String... args) {
        return CliRun.quiet(args);
    }

    @TempDir
    Path dir;


    @Test
    void jsonHasTheDocumentedKeysAndTheFileRoundTrips() throws Exception {
        Path file = dir.resolve("ising.h5");
        CliRun r = run("sample", "--model", "ising2d", "--L", "8", "--T", "2.5", "--sampler", "sw", "--sweeps", "400",
                "--thermalize", "50", "--thin", "4", "--chains", "2", "--seed", "7", "--out", file.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JsonOutput.MAPPER.readTree(r.out());
        assertThat(json.get("model").asText()).isEqualTo("ising2d");
        assertThat(json.get("L").asInt()).isEqualTo(8);
        assertThat(json.get("T").asDouble()).isEqualTo(2.5);
        assertThat(json.get("sampler").asText()).isEqualTo("sw");
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("sweeps").asLong()).isEqualTo(400);
        for (String key : List.of("energy_per_site", "abs_magnetization", "binder", "specific_heat",
                "susceptibility", "correlation_length")) {
            JsonNode o = json.get("observables").get(key);
            assertThat(o).as(key).isNotNull();
            assertThat(o.has("mean") && o.has("error") && o.has("tau_int")).as(key).isTrue();
        }
        Ensemble e = EnsembleFile.read(file);
        assertThat(e.size()).isEqualTo(2 * 400 / 4);
        assertThat(e.meta().seed()).isEqualTo(7);
        assertThat(e.meta().sampler()).isEqualTo("sw");
        assertThat(e.meta().temperature()).isEqualTo(2.5);
    }

    @Test
    void sameSeedGivesIdenticalDataWithOneAndTwoThreads() throws Exception {
        Path one = dir.resolve("one.h5");
        Path two = dir.resolve("two.h5");
        String[] common = {"sample", "--model", "ising2d", "--L", "6", "--K", "0.4", "--sweeps", "100", "--thin", "5",
            "--chains", "3", "--seed", "11"};
        assertThat(run(concat(common, "--threads", "1", "--out", one.toString())).code()).isZero();
        assertThat(run(concat(common, "--threads", "2", "--out", two.toString())).code()).isZero();
        byte[][] a = EnsembleFile.read(one).configurations();
        byte[][] b = EnsembleFile.read(two).configurations();
        assertThat(a).isDeepEqualTo(b);
    }

    @Test
    void pottsAndKOptionWork() {
        CliRun r = run("sample", "--model", "potts2d", "--q", "3", "--L", "4", "--K", "1.0", "--sampler", "wolff",
                "--sweeps", "200", "--json");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--model ising4d --L 8 --T 2",
        "--model ising2d --L 1 --T 2",
        "--model ising2d --L 0 --T 2",
        "--model ising2d --L -4 --T 2",
        "--model ising2d --L 8 --T 0",
        "--model ising2d --L 8 --T -1",
        "--model ising2d --L 8 --T NaN",
        "--model ising2d --L 8 --T Infinity",
        "--model ising2d --L 8 --K 0",
        "--model ising2d --L 8 --T 2 --K 0.5",
        "--model ising2d --L 8",
        "--model ising2d --L 8 --T 2 --sampler gibbs",
        "--model ising2d --L 8 --T 2 --sampler wolff --h 0.1",
        "--model potts2d --L 8 --T 1 --q 1",
        "--model potts2d --L 8 --T 1 --sampler sw",
        "--model ising2d --L 8 --T 2 --q 3",
        "--model ising2d --L 8 --T 2 --sweeps 0",
        "--model ising2d --L 8 --T 2 --sweeps -5",
        "--model ising2d --L 8 --T 2 --thin 0",
        "--model ising2d --L 8 --T 2 --chains 0",
        "--model ising2d --L eight --T 2",
        "--model ising2d --L 7 --T 2 --sampler multispin",
        "--model ising2d --L 8 --T 2 --sampler multispin --h 0.1",
        "--model potts2d --L 8 --T 1 --sampler multispin",
    })
    void badInputGivesOneLineAndExitTwo(String args) {
        CliRun r = run(concat(new String[] {"sample"}, args.split(" ")));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void multispinRunsEndToEndAndIsThreadIndependent() throws Exception {
        Path one = dir.resolve("ms1.h5");
        Path two = dir.resolve("ms2.h5");
        String[] common = {"sample", "--model", "ising2d", "--L", "8", "--T", "2.3", "--sampler", "multispin",
            "--sweeps", "200", "--thermalize", "50", "--thin", "10", "--chains", "70", "--seed", "5", "--json"};
        CliRun a = run(concat(common, "--threads", "1", "--out", one.toString()));
        assertThat(a.code()).as(a.err()).isZero();
        JsonNode json = JsonOutput.MAPPER.readTree(a.out());
        assertThat(json.get("sampler").asText()).isEqualTo("multispin");
        assertThat(json.get("n_samples").asInt()).isEqualTo(70 * 20);
        assertThat(json.get("observables").get("binder").get("mean").isNumber()).isTrue();
        assertThat(run(concat(common, "--threads", "2", "--out", two.toString())).code()).isZero();
        Ensemble e = EnsembleFile.read(one);
        assertThat(e.meta().sampler()).isEqualTo("multispin");
        assertThat(e.configurations()).isDeepEqualTo(EnsembleFile.read(two).configurations());
    }

    @Test
    void multispinNarrowRunsEndToEndAndIsAnotherChainThanMultispin() throws Exception {
        String[] common = {"sample", "--model", "ising2d", "--L", "8", "--T", "2.3", "--sweeps", "100",
            "--thermalize", "20", "--thin", "10", "--chains", "3", "--seed", "5", "--json"};
        Path narrow = dir.resolve("narrow.h5");
        CliRun a = run(concat(common, "--sampler", "multispin-narrow", "--out", narrow.toString()));
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(JsonOutput.MAPPER.readTree(a.out()).get("sampler").asText()).isEqualTo("multispin-narrow");
        Ensemble e = EnsembleFile.read(narrow);
        assertThat(e.meta().sampler()).isEqualTo("multispin-narrow");
        // chain 0's first sample is replica 0 of the Java API's four-site group after 20 + 10 sweeps
        MultispinMetropolis group = MultispinMetropolis.groups(IsingModel.atTemperature(Lattice.square(8), 2.3), 1,
                5L, MultispinMetropolis.Width.NARROW).get(0);
        group.sweep(30);
        byte[] replica = new byte[64];
        group.copyReplica(0, replica);
        assertThat(e.configurations()[0]).isEqualTo(replica);
        Path wide = dir.resolve("wide.h5");
        assertThat(run(concat(common, "--sampler", "multispin", "--out", wide.toString())).code()).isZero();
        assertThat(e.configurations()).isNotEqualTo(EnsembleFile.read(wide).configurations());
    }

    @Test
    void multispinNarrowOffTheSquareLatticeSaysWhy() {
        CliRun r = run("sample", "--model", "ising3d", "--L", "4", "--T", "4.5", "--sampler", "multispin-narrow");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ").contains("square lattice only");
    }

    @Test
    void multispinOnOddLatticeSaysWhy() {
        CliRun r = run("sample", "--model", "ising2d", "--L", "7", "--T", "2", "--sampler", "multispin");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ").contains("needs an even lattice size");
    }

    @Test
    void existingOutputIsNotOverwrittenWithoutForce() throws Exception {
        Path file = dir.resolve("keep.h5");
        Files.writeString(file, "precious");
        CliRun r = run("sample", "--model", "ising1d", "--L", "8", "--T", "1", "--sweeps", "10", "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("already exists");
        assertThat(Files.readString(file)).isEqualTo("precious");
        CliRun forced = run("sample", "--model", "ising1d", "--L", "8", "--T", "1", "--sweeps", "10", "--out",
                file.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
