package dev.coarse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class PlotsTest {

    @TempDir
    Path dir;

    @Test
    void rendersSeveralSeriesHeadlessToPng() throws IOException {
        XYChart chart = HtmlReportTest.sampleChart();
        assertThat(chart.getSeriesMap()).containsOnlyKeys("exact, L = ∞ (Onsager-Yang)", "Wolff, L = 32");
        assertThat(chart.getXAxisTitle()).isEqualTo("temperature T");
        assertThat(chart.getYAxisTitle()).isEqualTo("<|m|>");
        Path file = dir.resolve("chart.png");
        Plots.savePng(chart, file, false);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(Plots.WIDTH);
        // A blank image would be one colour: the plot must have drawn something.
        assertThat(distinctColours(image)).isGreaterThan(10);
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }

    @Test
    void rejectsMismatchedSeries() {
        assertThatThrownBy(() -> Plots.xy("t", "x", "y").points("s", new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal lengths");
        assertThatThrownBy(() -> Plots.xy("t", "x", "y").points("s", new double[2], new double[2], new double[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Plots.xy("t", "x", "y").line("s", new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no points");
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
