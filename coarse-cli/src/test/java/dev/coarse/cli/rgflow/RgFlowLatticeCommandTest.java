package dev.coarse.cli.rgflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.sample.SampleCommand;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.exact.Enumeration;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.Observables;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coarse rgflow lattice} on small Wolff ensembles, in process. */
class RgFlowLatticeCommandTest {

    static final double TC = 2 / Math.log(1 + Math.sqrt(2));

    private static Path ensemble(Path file, Model model, long seed) throws Exception {
        RunSpec spec = new RunSpec(model, SamplerKind.WOLFF, 100, 100, 1, 2, seed, 1);
        ChainResult result = ChainRunner.run(spec, (done, total) -> { });
        Ensemble ensemble = SampleCommand.ensembleOf(spec, result, Observables.measure(result));
        EnsembleFile.write(file, ensemble, false);
        return file;
    }

    /** One epoch of a small flow: the JSON's entropy is the enumerated one, every level and measure is there. */
    @Test
    void trainsScoresAndCompares(@TempDir Path dir) throws Exception {
        IsingModel model = IsingModel.atTemperature(Lattice.square(4), TC);
        Path train = ensemble(dir.resolve("train.h5"), model, 1);
        Path test = ensemble(dir.resolve("test.h5"), model, 2);
        CliRun run = CliRun.quiet("rgflow", "lattice", train.toString(), "--test", test.toString(), "--couplings", "2",
                "--width", "8", "--batch", "16", "--epochs", "1", "--draws", "2", "--no-rsmi", "--resamples", "5",
                "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode root = run.json();
        assertThat(root.get("L").asInt()).isEqualTo(4);
        assertThat(root.get("quantisation").asText()).isEqualTo("two-level");
        assertThat(root.get("test_samples").asInt()).isEqualTo(200);
        JsonNode kl = root.get("kl");
        assertThat(kl.get("draws").asInt()).isEqualTo(2);
        assertThat(kl.get("entropy_per_spin").asDouble())
                .isCloseTo(Enumeration.boltzmann(model).entropy() / 16, within(1e-9));
        assertThat(kl.get("kl_per_spin").get("mean").asDouble()).isCloseTo(kl.get("code_per_spin").get("mean")
                .asDouble() - kl.get("entropy_per_spin").asDouble(), within(1e-12));
        assertThat(root.get("levels")).hasSize(1);
        JsonNode level = root.get("levels").get(0);
        assertThat(level.get("blocks").asInt()).isEqualTo(4);
        assertThat(level.get("pairs")).hasSize(3);
        for (String name : new String[] {"rgflow_sign", "majority", "block_sum"}) {
            assertThat(level.get("information_kept").get(name).get("mean").asDouble()).as(name).isPositive();
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path four = ensemble(dir.resolve("four.h5"), IsingModel.atTemperature(Lattice.square(4), TC), 1);
        Path eight = ensemble(dir.resolve("eight.h5"), IsingModel.atTemperature(Lattice.square(8), TC), 2);
        CliRun quantisation = CliRun.quiet("rgflow", "lattice", four.toString(), "--test", four.toString(),
                "--quantisation", "three");
        assertThat(quantisation.code()).isEqualTo(2);
        assertThat(quantisation.err()).startsWith("coarse: error:").contains("two-level or bytes");
        CliRun mismatch = CliRun.quiet("rgflow", "lattice", four.toString(), "--test", eight.toString());
        assertThat(mismatch.code()).isEqualTo(2);
        assertThat(mismatch.err()).startsWith("coarse: error:").contains("not the same ensemble")
                .doesNotContain("Exception");
        CliRun levels = CliRun.quiet("rgflow", "lattice", four.toString(), "--test", four.toString(), "--levels", "2");
        assertThat(levels.code()).isEqualTo(2);
        assertThat(levels.err()).contains("--levels must lie in 1 … 1");
        CliRun missing = CliRun.quiet("rgflow", "lattice", dir.resolve("none.h5").toString(), "--test",
                four.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }
}
