package dev.coarse.cli.emerge;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmergeCaCommandsTest {

    @Test
    void caTablePrintsPairsAsProjectionAndCoarseRule() throws IOException {
        CliRun r = run("emerge", "ca-table", "--max-N", "3", "--threads", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        // rule 105 → 150 at N = 2 with P = XOR of the pair: P(01) = P(10) = 1, the integer 0b0110 = 6
        assertThat(j.at("/by_N/2/105").toString()).contains("[6,150]");
        // rule 146 → 128 at N = 3 with P(111) = 1 only: the integer 1 << 7 = 128
        assertThat(j.at("/by_N/3/146").toString()).contains("[128,128]");
        assertThat(j.at("/counts/2/pairs").asLong()).isPositive();
        assertThat(j.get("graph").isArray()).isTrue();
        assertThat(j.get("projection_encoding").asText()).contains("most significant first");
    }

    @Test
    void caDrawsTheSpaceTimeDiagram(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("r110.png");
        CliRun r = run("emerge", "ca", "--rule", "110", "--L", "100", "--steps", "50", "--png", png.toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("times").size()).isEqualTo(51);
        javax.imageio.ImageIO.setUseCache(false);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(image.getHeight()).isEqualTo(51);
    }

    @Test
    void lifeAndCollatzPrintTheirSeries(@TempDir Path dir) throws IOException {
        CliRun life = run("emerge", "life", "--size", "32", "--steps", "20", "--every", "10", "--json",
                "--png", dir.resolve("life.png").toString());
        assertThat(life.code()).as(life.err()).isZero();
        assertThat(life.json().get("block_entropy_per_cell").size()).isEqualTo(3);
        assertThat(Files.size(dir.resolve("life.png"))).isPositive();
        CliRun collatz = run("emerge", "collatz", "--population", "100", "--bits", "10", "--steps", "5", "--json");
        assertThat(collatz.code()).as(collatz.err()).isZero();
        assertThat(collatz.json().get("walk_entropy").size()).isEqualTo(6);
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        CliRun r = run("emerge", "ca", "--rule", "256");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error:").doesNotContain("\tat ");
        assertThat(run("emerge", "ca-table", "--max-N", "5").code()).isEqualTo(2);
        assertThat(run("emerge", "collatz", "--bits", "40").code()).isEqualTo(2);
    }
}
