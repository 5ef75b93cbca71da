package dev.coarse.cli.msds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MsdsCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTrainAndTestFoldersThatReduceReads() throws IOException {
        Path out = dir.resolve("msds2");
        CliRun r = CliRun.run("msds", "--kind", "2", "--train", "12", "--test", "3", "--seed", "5", "--out",
                out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("dataset").asText()).isEqualTo("msds2");
        assertThat(count(out.resolve("train"))).isEqualTo(12);
        assertThat(count(out.resolve("test"))).isEqualTo(3);
        BufferedImage first = ImageIO.read(out.resolve("train").resolve("img00000.png").toFile());
        assertThat(first.getWidth()).isEqualTo(32);
        assertThat(first.getHeight()).isEqualTo(32);

        CliRun again = CliRun.run("msds", "--kind", "2", "--train", "12", "--out", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already holds files").contains("--force");

        // the image folder is data for reduce: the always-black pixels between the ellipses are in no factor
        CliRun reduce = CliRun.quiet("reduce", out.resolve("train").toString(), "--factors", "4", "--json");
        assertThat(reduce.code()).as(reduce.err()).isZero();
        JsonNode labels = reduce.json().get("levels").get(0).get("labels");
        assertThat(labels).hasSize(32 * 32 * 3);
        assertThat(labels.get(0).asInt()).as("pixel (0, 0), red").isEqualTo(-1);
        // the centre of the first ellipse, pixel (4, 4), varies from image to image
        assertThat(labels.get((4 * 32 + 4) * 3).asInt()).isBetween(0, 3);
    }

    @Test
    void refusesAnUnknownKind() {
        CliRun r = CliRun.run("msds", "--kind", "3", "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--kind must be 1 or 2");
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".png")).count();
        }
    }
}
