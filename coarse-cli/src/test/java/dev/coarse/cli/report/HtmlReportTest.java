package dev.coarse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.stats.Estimate;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class HtmlReportTest {

    private static final Pattern EMBEDDED_PNG = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    static XYChart sampleChart() {
        double[] t = {1.5, 2.0, 2.269, 2.5, 3.0};
        double[] exact = {0.986, 0.911, 0.0, 0.0, 0.0};
        double[] measured = {0.985, 0.909, 0.61, 0.28, 0.12};
        double[] errors = {0.002, 0.004, 0.03, 0.02, 0.01};
        return Plots.xy("|m| of the 2D Ising model, L = 32", "temperature T", "<|m|>")
                .line("exact, L = ∞ (Onsager-Yang)", t, exact)
                .points("Wolff, L = 32", t, measured, errors)
                .chart();
    }

    @Test
    void reportEmbedsADecodablePngAndTheTableValues() throws IOException {
        HtmlReport report = new HtmlReport("Ising <2D> check")
                .heading("Observables")
                .paragraph("Energy & magnetisation at T = 2.5.")
                .comparisons("measured vs exact", List.of(
                        new HtmlReport.Comparison("energy per site", new Estimate(-1.10612, 0.00123, 4.2),
                                -1.1061573),
                        new HtmlReport.Comparison("specific heat", Estimate.of(0.75, 0.05), Double.NaN),
                        HtmlReport.Comparison.notExpectedToAgree("fixed point K*", Estimate.of(0.4614, 0.0017),
                                0.440687, "truncated map")))
                .figure("magnetisation", sampleChart());
        Path file = dir.resolve("report.html");
        report.write(file, false);
        String html = Files.readString(file);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Ising &lt;2D&gt; check</title>")
                .contains("Energy &amp; magnetisation").doesNotContain("<2D>")
                .contains("<td>energy per site</td><td>-1.1061 ± 0.0012</td><td>4.2</td><td>-1.1061573</td>"
                        + "<td>0.03</td>")
                .contains("<td>specific heat</td><td>0.750 ± 0.050</td><td>–</td><td>–</td><td>–</td>")
                // a reference the method is not expected to reproduce shows the reason, not a 12σ "failure"
                .contains("<td>fixed point K*</td><td>0.4614 ± 0.0017</td><td>–</td><td>0.440687</td>"
                        + "<td>truncated map</td>");
        Matcher m = EMBEDDED_PNG.matcher(html);
        assertThat(m.find()).as("an embedded PNG").isTrue();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(Plots.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Plots.HEIGHT);
        assertThat(html).doesNotContain("src=\"http").doesNotContain("<script");
    }

    @Test
    void writeRefusesToOverwriteUnlessAsked() throws IOException {
        Path file = dir.resolve("report.html");
        new HtmlReport("first").write(file, false);
        assertThatThrownBy(() -> new HtmlReport("second").write(file, false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).contains("first");
        new HtmlReport("second").write(file, true);
        assertThat(Files.readString(file)).contains("second");
    }

    @Test
    void tableRowsMustMatchTheHeader() {
        assertThatThrownBy(() -> new HtmlReport("t").table("c", List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row of 1 cells");
    }

    @Test
    void valuesAreRoundedToTheirError() {
        assertThat(HtmlReport.formatWithError(0.75234, 0.00123)).isEqualTo("0.7523 ± 0.0012");
        assertThat(HtmlReport.formatWithError(1.0, 0.1)).isEqualTo("1.00 ± 0.10");
        assertThat(HtmlReport.formatWithError(12345.6, 27.0)).isEqualTo("12346 ± 27");
        assertThat(HtmlReport.formatWithError(123456.0, 1234.0)).isEqualTo("123500 ± 1200");
        assertThat(HtmlReport.formatWithError(2.5, 0.0)).isEqualTo("2.5");
        assertThat(HtmlReport.formatNumber(Double.NaN, 3)).isEqualTo("–");
        assertThat(HtmlReport.formatNumber(2.0 / 3.0, 3)).isEqualTo("0.667");
    }
}
