package dev.coarse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.command.JsonOutput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rsmi stage through {@code coarse run}: found through coarse-learn's service file, rendered into the report. */
class RsmiReportTest {

    static final String SPEC = """
            name: tiny-rsmi
            seed: 5
            model: ising2d
            stages: [rsmi]
            rsmi: {size: 16, sweeps: 1500, thermalize: 100, thin: 5, levels: 2, bins: 5, resamples: 10,
                   coupling_samples: 100, couplings: [nn]}
            """;

    @TempDir
    Path dir;

    @Test
    void theStageRunsAndItsSectionHasTheFiltersAndTheFlows() throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        CliRun r = CliRun.quiet("run", spec.toString(), "--out-dir", dir.toString(), "--name", "r");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("kept by one majority step, rsmi stage", "kept by one decimation step");
        Path run = dir.resolve("r");
        JsonNode stage = JsonOutput.MAPPER.readTree(run.resolve("results.json").toFile()).get("stages").get("rsmi");
        assertThat(stage.get("rules")).hasSize(3);
        assertThat(stage.get("rules").get(0).get("rule").asText()).isEqualTo("learned");
        assertThat(stage.path("note").asText("")).isEmpty();
        assertThat(stage.get("rules").get(0).get("flow").get("levels").get(2).get("y_h").get("mean").isNumber())
                .isTrue();
        String html = Files.readString(run.resolve("report.html"));
        assertThat(html).contains("Learned vs fixed coarse-graining",
                "Filters, left to right: learned, majority, decimation").doesNotContain("no learned rule yet");
        Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        int images = 0;
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertThat(image).isNotNull();
            images++;
        }
        assertThat(images).as("kept fraction, I(H:E), filters, y_h, y_t").isEqualTo(5);
    }
}
