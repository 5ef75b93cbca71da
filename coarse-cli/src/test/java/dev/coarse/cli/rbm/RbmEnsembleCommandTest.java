package dev.coarse.cli.rbm;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.CoarseMain;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.sample.SampleCommand;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.lattice.Lattice;
import dev.coarse.learn.rbm.Rbm;
import dev.coarse.learn.rbm.RbmFile;
import dev.coarse.learn.rbm.UnitType;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.Observables;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coarse rbm train} and {@code coarse rbm stack} on Coarse ensemble files, in process. */
class RbmEnsembleCommandTest {

    /** Samples {@code model} with Wolff (2 chains, {@code perChain} samples each) and writes it to {@code file}. */
    private static Path ensemble(Path file, Model model, int perChain, long seed) throws Exception {
        RunSpec spec = new RunSpec(model, SamplerKind.WOLFF, perChain, 100, 1, 2, seed, 1);
        ChainResult result = ChainRunner.run(spec, (done, total) -> { });
        Ensemble ensemble = SampleCommand.ensembleOf(spec, result, Observables.measure(result));
        EnsembleFile.write(file, ensemble, false);
        return file;
    }

    private static Path ising(Path dir, int l, int perChain) throws Exception {
        return ensemble(dir.resolve("ising" + l + ".h5"), IsingModel.atTemperature(Lattice.square(l), 2.27),
                perChain, 7);
    }

    private static void assertOneLineError(CliRun r, String fragment) {
        assertThat(r.code()).as(r.err()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(r.err()).startsWith("coarse: error:").contains(fragment).hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void trainReadsAnIsingEnsembleIntoSpinUnits(@TempDir Path dir) throws Exception {
        Path h5 = ising(dir, 6, 150);
        Path model = dir.resolve("m.json");
        CliRun r = run("rbm", "train", h5.toString(), "--hidden", "6", "--cd", "2", "--epochs", "3", "--lr", "0.02",
                "--seed", "4", "--out", model.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("epoch 3/3");
        JsonNode root = JsonOutput.MAPPER.readTree(r.out());
        assertThat(root.path("unit_type").asText()).isEqualTo("spin");
        assertThat(root.path("visible").asInt()).isEqualTo(36);
        assertThat(root.path("samples").asInt()).isEqualTo(300);
        // 6 hidden units: exact log-likelihood, below 0 and above that of independent fair coins.
        assertThat(root.path("log_likelihood").asDouble()).isNegative().isGreaterThan(-36 * Math.log(2));
        RbmFile.Saved saved = RbmFile.load(model);
        assertThat(saved.rbm().unitType()).isEqualTo(UnitType.SPIN);
        assertThat(saved.rbm().hiddenCount()).isEqualTo(6);
        assertThat(saved.metadata()).containsEntry("source", h5.toString()).containsEntry("samples", "300");
        // --pcd goes through the same reader.
        CliRun pcd = run("rbm", "train", h5.toString(), "--hidden", "4", "--pcd", "--epochs", "1", "--quiet",
                "--out", dir.resolve("p.json").toString());
        assertThat(pcd.code()).as(pcd.err()).isZero();
        assertThat(pcd.err()).isEmpty();
    }

    @Test
    void trainRefusesBadInputWithOneLine(@TempDir Path dir) throws Exception {
        Path h5 = ising(dir, 4, 20);
        Path out = dir.resolve("m.json").toAbsolutePath();
        assertOneLineError(run("rbm", "train", dir.resolve("missing.h5").toString(), "--hidden", "2", "--out",
                out.toString()), "missing.h5");
        Path notHdf5 = Files.writeString(dir.resolve("text.h5"), "not an HDF5 file\n");
        assertOneLineError(run("rbm", "train", notHdf5.toString(), "--hidden", "2", "--out", out.toString()),
                "text.h5");
        Path potts = ensemble(dir.resolve("potts.h5"), new PottsModel(Lattice.square(4), 3, 1.0), 10, 3);
        assertOneLineError(run("rbm", "train", potts.toString(), "--hidden", "2", "--out", out.toString()), "potts");
        assertOneLineError(run("rbm", "train", h5.toString(), "--hidden", "0", "--out", out.toString()), "--hidden");
        Files.writeString(out, "{}");
        assertOneLineError(run("rbm", "train", h5.toString(), "--hidden", "2", "--out", out.toString()),
                "already exists");
        assertThat(Files.readString(out)).isEqualTo("{}");
        CliRun forced = run("rbm", "train", h5.toString(), "--hidden", "2", "--epochs", "1", "--quiet", "--force",
                "--out", out.toString());
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(RbmFile.load(out).rbm().visibleCount()).isEqualTo(16);
    }

    @Test
    void stackRefusesBadInputWithOneLine(@TempDir Path dir) throws Exception {
        Path h5 = ising(dir, 4, 20);
        Path out = dir.resolve("stack");
        assertOneLineError(run("rbm", "stack", dir.resolve("missing.h5").toString(), "--out", out.toString()),
                "missing.h5");
        Path csv = Files.writeString(dir.resolve("spins.csv"), "1,-1\n");
        assertOneLineError(run("rbm", "stack", csv.toString(), "--out", out.toString()), ".h5");
        Path potts = ensemble(dir.resolve("potts.h5"), new PottsModel(Lattice.square(4), 3, 1.0), 10, 3);
        assertOneLineError(run("rbm", "stack", potts.toString(), "--out", out.toString()), "potts");
        Path chain = ensemble(dir.resolve("chain.h5"), IsingModel.atTemperature(Lattice.chain(16), 1.0), 10, 3);
        assertOneLineError(run("rbm", "stack", chain.toString(), "--layers", "4", "--out", out.toString()), "2D");
        assertOneLineError(run("rbm", "stack", h5.toString(), "--layers", "8,0", "--out", out.toString()),
                "--layers");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "x");
        assertOneLineError(run("rbm", "stack", h5.toString(), "--layers", "4", "--out", out.toString()),
                "already exists");
        assertThat(out.resolve("layer1.json")).doesNotExist();
    }

    @Test
    @Tag("slow")
    void stackOn16x16WritesModelsReceptiveFieldPngsAndAReport(@TempDir Path dir) throws Exception {
        Path h5 = ising(dir, 16, 300);
        Path out = dir.resolve("stack");
        CliRun r = run("rbm", "stack", h5.toString(), "--layers", "64,16,4", "--epochs", "3", "--l1", "1e-4",
                "--seed", "9", "--out", out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("layer 3/3, epoch 3/3");
        JsonNode root = JsonOutput.MAPPER.readTree(r.out());
        assertThat(root.path("stack").asText()).isEqualTo("256-64-16-4");
        int[] hidden = {64, 16, 4};
        int visible = 256;
        for (int k = 1; k <= 3; k++) {
            Rbm layer = RbmFile.load(out.resolve("layer" + k + ".json")).rbm();
            assertThat(layer.visibleCount()).isEqualTo(visible);
            assertThat(layer.hiddenCount()).isEqualTo(hidden[k - 1]);
            visible = hidden[k - 1];
            Path png = out.resolve("receptive-fields-layer" + k + ".png");
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as("decodable PNG %s", png).isNotNull();
            int tiles = Math.min(16, hidden[k - 1]);
            int columns = Math.min(4, tiles);
            int tile = 16 * (120 / 16);
            assertThat(image.getWidth()).isEqualTo(columns * tile + (columns + 1) * 4);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(4);
        assertThat(html).contains("majority-b2").contains("rbm-depth3");
        JsonNode results = JsonOutput.MAPPER.readTree(out.resolve("results.json").toFile());
        JsonNode comparison = results.path("comparison");
        assertThat(comparison.size()).as("data, majority 16->8->4 (not 2), 3 depths").isEqualTo(6);
        assertThat(comparison.get(0).path("name").asText()).isEqualTo("data");
        assertThat(comparison.get(2).path("L").asInt()).isEqualTo(4);
        assertThat(comparison.get(5).path("name").asText()).isEqualTo("rbm-depth3");
        for (JsonNode row : comparison) {
            assertThat(row.path("xi").path("mean").asDouble()).as(row.toString()).isPositive();
        }
    }
}
