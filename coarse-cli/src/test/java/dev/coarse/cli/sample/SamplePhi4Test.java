package dev.coarse.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.exact.FreeFieldPropagator;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.Phi4Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code coarse sample --model phi4|phi4c}: HMC and Metropolis from the command line, float64 files, bad input. */
class SamplePhi4Test {

    /** Statistical tolerance in units of the reported error (4σ: a false failure about once in 15,000 runs). */
    private static final double SIGMAS = 4;

    @TempDir
    Path dir;

    @Test
    void freeRealFieldMatchesThePropagatorAndTheFileHoldsFloat64Fields() throws Exception {
        Path file = dir.resolve("phi4.h5");
        CliRun r = CliRun.quiet("sample", "--model", "phi4", "--kappa", "0.2", "--lambda", "0", "--L", "6",
                "--sweeps", "2000", "--thermalize", "300", "--thin", "2", "--chains", "2", "--seed", "4", "--out",
                file.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("model").asText()).isEqualTo("phi4");
        assertThat(json.get("sampler").asText()).as("hmc is the default for fields").isEqualTo("hmc");
        assertThat(json.get("parameters").get("kappa").asDouble()).isEqualTo(0.2);
        assertThat(json.get("dimension").asInt()).isEqualTo(2);
        assertThat(json.get("acceptance").asDouble()).isBetween(0.6, 0.95);
        assertThat(json.get("step_size").asDouble()).isPositive();
        assertThat(json.get("leapfrog_steps").asDouble()).isGreaterThanOrEqualTo(1.0);
        JsonNode observables = json.get("observables");
        assertThat(observables.fieldNames()).toIterable().containsExactly("action_per_site", "phi2",
                "abs_magnetization", "m2", "binder", "susceptibility");
        JsonNode phi2 = observables.get("phi2");
        double exact = FreeFieldPropagator.of(new Phi4Model(Lattice.square(6), 0.2, 0.0)).fieldSquaredPerSite();
        assertThat(Math.abs(phi2.get("mean").asDouble() - exact)).as("⟨φ²⟩ %s vs exact %s", phi2, exact)
                .isLessThan(SIGMAS * phi2.get("error").asDouble());
        assertThat(phi2.get("tau_int").asDouble()).isPositive();

        Ensemble e = EnsembleFile.read(file);
        assertThat(e.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.realField());
        assertThat(e.size()).isEqualTo(2 * 1000);
        assertThat(e.meta().model()).isEqualTo("phi4");
        assertThat(e.meta().sampler()).isEqualTo("hmc");
        assertThat(e.meta().parameters()).containsEntry("kappa", 0.2).containsEntry("lambda", 0.0);
        assertThat(e.meta().provenance()).containsKeys("acceptance", "step_size", "leapfrog_steps");
        assertThat(e.fieldModel()).isEqualTo(new Phi4Model(Lattice.square(6), 0.2, 0.0));
        org.assertj.core.api.Assertions.assertThatThrownBy(e::model).hasMessageContaining("phi4 field");
        h5pyAgrees(file, e, "6,6", "real");
    }

    @Test
    void complexFieldInThreeDimensionsWritesTheReImAxis() throws Exception {
        Path file = dir.resolve("phi4c.h5");
        CliRun r = CliRun.quiet("sample", "--model", "phi4c", "--t", "0.5", "--mu", "1", "--lambda", "1", "--dim", "3",
                "--L", "4", "--sampler", "metropolis", "--sweeps", "100", "--thermalize", "50", "--thin", "10",
                "--chains", "2", "--seed", "8", "--out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("phi4c  d=3  L=4  lambda=1.00000  mu=1.00000  t=0.500000  sampler=metropolis",
                "acceptance", "phi2", "binder");
        Ensemble e = EnsembleFile.read(file);
        assertThat(e.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.complexField());
        assertThat(e.meta().parameters()).containsEntry("t", 0.5).containsEntry("mu", 1.0);
        assertThat(e.size()).isEqualTo(20);
        assertThat(e.fieldModel()).isEqualTo(new dev.coarse.model.ComplexPhi4Model(Lattice.cubic(4), 0.5, 1.0, 1.0));
        h5pyAgrees(file, e, "4,4,4,2", "complex");
    }

    @Test
    void sameSeedSameFileWhateverTheThreads() throws Exception {
        List<double[][]> runs = new ArrayList<>();
        for (String threads : new String[] {"1", "2"}) {
            Path file = dir.resolve("t" + threads + ".h5");
            CliRun r = CliRun.quiet("sample", "--model", "phi4", "--kappa", "0.3", "--lambda", "1", "--L", "4",
                    "--sweeps", "20", "--thermalize", "10", "--thin", "5", "--chains", "3", "--seed", "2", "--threads",
                    threads, "--out", file.toString());
            assertThat(r.code()).as(r.err()).isZero();
            runs.add(((dev.coarse.configuration.ContinuousConfigurations) EnsembleFile.read(file).data()).values());
        }
        assertThat(runs.get(1)).isDeepEqualTo(runs.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--model phi4 --L 8 --lambda 1",
        "--model phi4 --L 8 --kappa 0.2",
        "--model phi4 --L 8 --kappa -0.1 --lambda 1",
        "--model phi4 --L 8 --kappa 0.2 --lambda -1",
        "--model phi4 --L 8 --kappa 0.3 --lambda 0",
        "--model phi4 --L 8 --kappa NaN --lambda 1",
        "--model phi4 --L 8 --kappa 0.2 --lambda 1 --T 2",
        "--model phi4 --L 8 --kappa 0.2 --lambda 1 --mu 1",
        "--model phi4 --L 8 --kappa 0.2 --lambda 1 --dim 4",
        "--model phi4 --L 1 --kappa 0.2 --lambda 1",
        "--model phi4 --L 8 --kappa 0.2 --lambda 1 --sampler wolff",
        "--model phi4 --L 8 --kappa 0.2 --lambda 1 --target-acceptance 1.5",
        "--model phi4 --L 8 --kappa 0.2 --lambda 1 --trajectory-length 0",
        "--model phi4 --L 8 --kappa 0.2 --lambda 1 --sampler metropolis --trajectory-length 2",
        "--model phi4c --L 8 --lambda 1",
        "--model phi4c --L 8 --mu 1 --lambda 1 --kappa 0.2",
        "--model phi4c --L 8 --t -1 --mu 1 --lambda 1",
        "--model phi4c --L 8 --t 1 --mu 3 --lambda 0",
        "--model ising2d --L 8 --T 2 --kappa 0.2",
        "--model ising2d --L 8 --T 2 --target-acceptance 0.5",
    })
    void badInputGivesOneLineAndExitTwo(String args) {
        List<String> argv = new ArrayList<>(List.of("sample"));
        argv.addAll(List.of(args.split(" ")));
        CliRun r = CliRun.run(argv.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    /**
     * Debian's h5py reads the file: dataset float64 of shape [N, …], the attributes Coarse wrote, and the same values
     * (Σ over the flat values of (i+1)·x_i, compared to 1e-9 relative).
     */
    private static void h5pyAgrees(Path file, Ensemble e, String shape, String values) throws Exception {
        Assumptions.assumeTrue(python("import h5py").code() == 0, "h5py not installed (apt-get install python3-h5py)");
        String script = String.join("\n",
                "import h5py, sys, numpy as np",
                "f = h5py.File(sys.argv[1], 'r')",
                "g = f['level0']",
                "d = g['configurations']",
                "text = lambda v: v.decode() if isinstance(v, bytes) else str(v)",
                "print(str(d.dtype), ','.join(str(s) for s in d.shape[1:]), d.shape[0], text(g.attrs['degrees_of_freedom']),",
                "      text(g.attrs['model']), int(f.attrs['format_version']))",
                "flat = d[()].reshape(d.shape[0], -1)",
                "print(repr(float((flat * np.arange(1, flat.shape[1] + 1)).sum())))");
        CliRunLike out = python("-c", script, file.toString());
        assertThat(out.code()).as(out.text()).isZero();
        String[] lines = out.text().strip().split("\n");
        assertThat(lines[0]).isEqualTo("float64 " + shape + " " + e.size() + " " + values + " " + e.meta().model()
                + " 2");
        double sum = 0;
        for (int n = 0; n < e.size(); n++) {
            for (int i = 0; i < e.data().length(); i++) {
                sum += (i + 1.0) * e.data().value(n, i);
            }
        }
        assertThat(Double.parseDouble(lines[1])).isCloseTo(sum, org.assertj.core.data.Percentage.withPercentage(1e-7));
    }

    private record CliRunLike(int code, String text) {
    }

    private static CliRunLike python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3"));
        if (args.length == 1) {
            command.add("-c");
        }
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new CliRunLike(-1, "timed out");
        }
        return new CliRunLike(p.exitValue(), text);
    }
}
