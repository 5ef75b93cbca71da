package dev.coarse.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowCommandTest {

    @Test
    void badInputIsOneLineAndExitTwo() {
        CliRun l6 = CliRun.quiet("flow", "train", "--model", "ising2d", "--L", "6");
        assertThat(l6.code()).isEqualTo(2);
        assertThat(l6.err()).startsWith("coarse: error:").contains("L = 2^k").doesNotContain("Exception");
        CliRun model = CliRun.quiet("flow", "train", "--model", "potts2d");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("ising2d, phi4 or phi4c");
        CliRun kappa = CliRun.quiet("flow", "train", "--model", "phi4");
        assertThat(kappa.code()).isEqualTo(2);
        assertThat(kappa.err()).contains("--kappa");
        CliRun missing = CliRun.run("flow", "sample", "no-such.flow.json", "--out", "x.h5");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }

    /** A tiny training end to end: JSON keys of the issue, a checkpoint that resumes, sample and geometry. */
    @Test
    void trainResumeSampleAndGeometry(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("free.flow.json");
        String[] train = {"flow", "train", "--model", "phi4", "--L", "8", "--kappa", "0.1", "--lambda", "0",
            "--no-symmetrize", "--couplings", "2", "--width", "8", "--hidden-layers", "1", "--batch", "64",
            "--epochs", "2", "--steps", "3", "--samples", "500", "--max-seconds", "0.001", "--out", model.toString(),
            "--json"};
        CliRun first = CliRun.quiet(train);
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode a = first.json();
        assertThat(a.path("epochs").asInt()).as("--max-seconds stops after the first epoch").isEqualTo(1);
        for (String key : new String[] {"ln_z_bound_per_site", "exact_ln_z_per_site", "gap_per_site",
            "ess_fraction", "epochs", "seconds"}) {
            assertThat(a.has(key)).as(key).isTrue();
        }
        assertThat(a.path("gap_per_site").asDouble()).isPositive();
        CliRun refused = CliRun.quiet(train);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("exists");
        String[] resume = java.util.Arrays.copyOf(train, train.length + 1);
        resume[train.length] = "--resume";
        CliRun second = CliRun.quiet(resume);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.json().path("epochs").asInt()).isEqualTo(2);
        assertThat(second.json().path("bound_history").size()).isEqualTo(2);
        assertThat(second.json().path("bound_history").get(0).asDouble())
                .isEqualTo(a.path("bound_history").get(0).asDouble());

        Path ensemble = dir.resolve("free.h5");
        CliRun sample = CliRun.run("flow", "sample", model.toString(), "--n", "200", "--out", ensemble.toString(),
                "--json");
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(Files.exists(ensemble)).isTrue();
        assertThat(sample.json().path("acceptance").asDouble()).isBetween(0.0, 1.0);
        CliRun inspect = CliRun.run("inspect", ensemble.toString(), "--json");
        assertThat(inspect.code()).as(inspect.err()).isZero();

        CliRun geometry = CliRun.run("flow", "geometry", model.toString(), "--samples", "500", "--json");
        assertThat(geometry.code()).as(geometry.err()).isZero();
        JsonNode g = geometry.json();
        assertThat(g.path("boundary").path("points").size()).isEqualTo(4);
        assertThat(g.path("depth").path("points").size()).isEqualTo(3);
        assertThat(g.path("boundary").path("log_fit").has("r2")).isTrue();

        // the latents of an ensemble of the target through the inverse, unweighted
        CliRun latents = CliRun.run("flow", "geometry", model.toString(), "--ensemble", ensemble.toString(), "--json");
        assertThat(latents.code()).as(latents.err()).isZero();
        JsonNode e = latents.json();
        assertThat(e.path("latents_from").asText()).isEqualTo("ensemble");
        assertThat(e.path("samples").asInt()).isEqualTo(200);
        assertThat(e.path("effective_samples").asDouble()).isBetween(1.0, 200.0);
        assertThat(e.path("boundary").path("points").get(1).has("distance_error")).isTrue();
        CliRun none = CliRun.run("flow", "geometry", model.toString(), "--ensemble", dir.resolve("no.h5").toString());
        none.assertOneLineUserError("does not exist");
        Path four = dir.resolve("four.h5");
        CliRun small = CliRun.run("sample", "--model", "phi4", "--kappa", "0.1", "--lambda", "0", "--L", "4",
                "--sweeps", "20", "--thermalize", "5", "--thin", "1", "--out", four.toString(), "--quiet");
        assertThat(small.code()).as(small.err()).isZero();
        CliRun wrongSize = CliRun.run("flow", "geometry", model.toString(), "--ensemble", four.toString());
        wrongSize.assertOneLineUserError("L = 4", "L = 8");
    }
}
