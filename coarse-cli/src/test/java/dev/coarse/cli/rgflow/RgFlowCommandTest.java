package dev.coarse.cli.rgflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RgFlowCommandTest {

    /** 48 grey 8×8 PNGs: a bright horizontal or vertical bar at a random place on black. */
    private static Path bars(Path dir) throws Exception {
        Path folder = dir.resolve("bars");
        Files.createDirectories(folder);
        Random random = new Random(3);
        for (int n = 0; n < 48; n++) {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            boolean vertical = random.nextBoolean();
            int at = random.nextInt(8);
            int grey = 150 + random.nextInt(100);
            for (int i = 0; i < 8; i++) {
                int x = vertical ? at : i;
                int y = vertical ? i : at;
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
            ImageIO.write(image, "png", folder.resolve(String.format("b%02d.png", n)).toFile());
        }
        return folder;
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) {
        CliRun data = CliRun.quiet("rgflow", "train", "--data", dir.resolve("nothing").toString());
        assertThat(data.code()).isEqualTo(2);
        assertThat(data.err()).startsWith("coarse: error:").contains("msds1, msds2 or a folder")
                .doesNotContain("Exception");
        CliRun prior = CliRun.quiet("rgflow", "train", "--prior", "cauchy", "--train", "8", "--test", "2");
        assertThat(prior.code()).isEqualTo(2);
        assertThat(prior.err()).contains("laplace or gaussian");
        CliRun model = CliRun.quiet("rgflow", "inpaint", dir.resolve("no.rgflow.json").toString());
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).startsWith("coarse: error:");
    }

    /** {@code compare}: both flows scored on the same images; the paired difference's mean is the difference of means. */
    @Test
    void compareGivesThePairedDifference(@TempDir Path dir) throws Exception {
        Path folder = bars(dir);
        CliRun run = CliRun.quiet("rgflow", "compare", "--data", folder.toString(), "--test", "16", "--couplings", "2",
            "--width", "8", "--batch", "8", "--epochs", "1", "--max-seconds", "60", "--seed", "4", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode b = run.json();
        double h = b.path("hierarchical").path("test_bits_per_dim").path("mean").asDouble();
        double f = b.path("flat").path("test_bits_per_dim").path("mean").asDouble();
        JsonNode difference = b.path("difference_bits_per_dim");
        assertThat(difference.path("mean").asDouble()).isCloseTo(f - h, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(difference.path("error").asDouble()).isPositive().isFinite();
        assertThat(b.path("flat").path("cpu_seconds").asDouble()).isPositive();
    }

    /** Train on a PNG folder with a checkpoint, resume it, inpaint a patch and draw the pictures. */
    @Test
    void trainResumeInpaintAndPictures(@TempDir Path dir) throws Exception {
        Path folder = bars(dir);
        Path model = dir.resolve("bars.rgflow.json");
        String[] train = {"rgflow", "train", "--data", folder.toString(), "--test", "16", "--couplings", "4",
            "--width", "8", "--batch", "8", "--epochs", "2", "--lr", "0.003", "--max-seconds", "0.001", "--out",
            model.toString(), "--json"};
        CliRun first = CliRun.quiet(train);
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode a = first.json();
        assertThat(a.path("epochs").asInt()).as("--max-seconds stops after the first epoch").isEqualTo(1);
        for (String key : new String[] {"test_bits_per_dim", "parameters", "seconds_per_epoch", "images_per_second",
            "levels", "train_bits_per_dim"}) {
            assertThat(a.has(key)).as(key).isTrue();
        }
        assertThat(a.path("channels").asInt()).isEqualTo(1);
        assertThat(a.path("levels").size()).isEqualTo(3);
        CliRun refused = CliRun.quiet(train);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("exists");
        String[] resume = java.util.Arrays.copyOf(train, train.length + 1);
        resume[train.length] = "--resume";
        CliRun second = CliRun.quiet(resume);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.json().path("epochs").asInt()).isEqualTo(2);
        assertThat(second.json().path("train_bits_per_dim").get(0).asDouble())
                .isEqualTo(a.path("train_bits_per_dim").get(0).asDouble());

        Path png = dir.resolve("inpaint.png");
        CliRun inpaint = CliRun.run("rgflow", "inpaint", model.toString(), "--data", folder.toString(), "--test",
                "16", "--patch", "2,2,2,2", "--candidates", "4", "--png", png.toString(), "--json");
        assertThat(inpaint.code()).as(inpaint.err()).isZero();
        JsonNode in = inpaint.json();
        assertThat(in.path("latents_total").asInt()).isEqualTo(64);
        assertThat(in.path("latents_touched").asInt()).isBetween(4, 64);
        assertThat(in.path("flat_latents_touched").asInt()).isGreaterThanOrEqualTo(in.path("latents_touched").asInt());
        assertThat(ImageIO.read(png.toFile())).isNotNull();

        Path pictures = dir.resolve("pictures");
        CliRun drawn = CliRun.run("rgflow", "pictures", model.toString(), "--data", folder.toString(), "--test",
                "16", "--samples", "4", "--out", pictures.toString());
        assertThat(drawn.code()).as(drawn.err()).isZero();
        for (String name : new String[] {"samples.png", "traversals.png", "mixing.png"}) {
            assertThat(ImageIO.read(pictures.resolve(name).toFile())).as(name).isNotNull();
        }
    }
}
