package dev.coarse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.learn.flow.FlowArchitecture;
import dev.coarse.learn.flow.FlowFile;
import dev.coarse.learn.flow.FlowSettings;
import dev.coarse.learn.flow.IsingHsTarget;
import dev.coarse.learn.flow.TrainedFlow;
import dev.coarse.learn.rgflow.Preprocessing;
import dev.coarse.learn.rgflow.Prior;
import dev.coarse.learn.rgflow.RgFlowFile;
import dev.coarse.learn.rgflow.RgFlowSettings;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: one command per kind of file a user loads, given a damaged file, ends in one line
 * {@code coarse: error: …} naming the file and the problem, exit 2, nothing on stdout — the in-process tests of the
 * readers ({@code FlowFileFuzzTest}, {@code ImageFolderFuzzTest}, {@code RuleFileFuzzTest}) show the readers
 * refuse; this shows the commands pass that on as a user error rather than an internal failure. (RBM files are
 * written by {@code coarse rbm} but read by no command.)
 */
class DamagedModelFilesCliTest {

    @TempDir
    Path dir;

    private static void assertOneLineUserError(CliRun r, String... fragments) {
        r.assertOneLineUserError(fragments);
        assertThat(r.out()).isEmpty();
    }

    private static float[][] zeros(FlowArchitecture architecture) {
        return Arrays.stream(architecture.parameterSizes()).mapToObj(n -> new float[(int) n]).toArray(float[][]::new);
    }

    private Path replaced(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Path damaged = dir.resolve("damaged-" + file.getFileName());
        Files.writeString(damaged, text.replace(from, to));
        return damaged;
    }

    @Test
    void flowSampleRefusesADamagedFlowFile() throws IOException {
        FlowSettings settings = new FlowSettings(1, 1, 2, 8, 1, 1, 0.01, 16, true, 1);
        Path file = dir.resolve("flow.json");
        FlowFile.save(file, new IsingHsTarget(4, 2.5), new TrainedFlow(settings.architecture(4, 1), settings,
                zeros(settings.architecture(4, 1)), 0, 0, new double[0]), false);
        // a width that would have the network allocate gigabytes before its weights were compared
        Path damaged = replaced(file, "\"hidden_width\":2", "\"hidden_width\":200000000");
        assertOneLineUserError(CliRun.run("flow", "sample", damaged.toString(), "--n", "10", "--out",
                dir.resolve("x.h5").toString()), damaged.toString(), "\"weights[0]\" must be an array of 400000000");
        assertThat(dir.resolve("x.h5")).doesNotExist();
    }

    @Test
    void rgflowPicturesRefusesADamagedModel() throws IOException {
        RgFlowSettings settings = new RgFlowSettings(false, Prior.LAPLACE, Preprocessing.LOGIT, 1, 1, 2, 4, 1, 1e-3,
                5, 1);
        Path file = dir.resolve("rg.json");
        RgFlowFile.save(file, new TrainedRgFlow(settings, settings.architecture(4, 1),
                zeros(settings.architecture(4, 1)), 0, 0, new double[0]), false);
        Path damaged = replaced(file, "\"clip_norm\":5.0", "\"clip_norm\":\"5\"");
        assertOneLineUserError(CliRun.run("rgflow", "pictures", damaged.toString(), "--out",
                dir.resolve("pictures").toString()), damaged.toString(), "\"settings.clip_norm\" must be a finite number");
    }

    @Test
    void reduceRefusesATruncatedPngNamingIt() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 64; i++) {
            image.setRGB(i % 8, i / 8, 0x030303 * i);
        }
        ImageIO.write(image, "png", images.resolve("a.png").toFile());
        byte[] png = Files.readAllBytes(images.resolve("a.png"));
        Files.write(images.resolve("b.png"), Arrays.copyOf(png, png.length / 2));
        assertOneLineUserError(CliRun.quiet("reduce", images.toString()), "b.png is not a readable PNG image");
    }

    @Test
    void rsmiFlowRefusesADamagedRuleFile() throws IOException {
        Path rule = dir.resolve("rule.json");
        Files.writeString(rule, "{\"rule\": \"linear-filter\", \"b\": 2.5, \"weights\": [1, 1, 1, 1]}");
        Path data = dir.resolve("i8.h5");
        assertThat(CliRun.quiet("sample", "--model", "ising2d", "--L", "8", "--T", "2.5", "--sweeps", "100", "--out",
                data.toString()).code()).isZero();
        assertOneLineUserError(CliRun.quiet("rsmi", "flow", data.toString(), "--rule",
                rule.toString()), rule.toString(), "\"b\" must be an integer >= 1, got 2.5");
        Files.writeString(rule, "{\"rule\": \"linear-filter\",\n \"b\": 2, \"weights\": [1, 1");
        assertOneLineUserError(CliRun.quiet("rsmi", "flow", data.toString(), "--rule",
                rule.toString()), rule + " is not a rule file (not JSON");
    }
}
