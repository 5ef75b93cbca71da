package dev.coarse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.command.JsonOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec run through {@code coarse run} into a directory, as the stage report tests need it: the run must succeed,
 * and its results.json stages and report.html are read back.
 *
 * @param stages the {@code stages} object of results.json
 * @param html   report.html
 */
record ReportRun(JsonNode stages, String html) {

    private static final Pattern IMAGE = Pattern.compile("data:image/png;base64,");

    /** Writes {@code spec} into {@code dir}, runs it as run "r" there and reads the outputs. */
    static ReportRun of(Path dir, String spec) throws IOException {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, spec);
        CliRun r = CliRun.quiet("run", file.toString(), "--out-dir", dir.toString(), "--name", "r");
        assertThat(r.code()).as(r.err()).isZero();
        Path run = dir.resolve("r");
        return new ReportRun(JsonOutput.MAPPER.readTree(run.resolve("results.json").toFile()).get("stages"),
                Files.readString(run.resolve("report.html")));
    }

    /** The number of PNG images embedded in the report. */
    int images() {
        Matcher m = IMAGE.matcher(html);
        int images = 0;
        while (m.find()) {
            images++;
        }
        return images;
    }
}
