package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-23T12:34:56Z"), ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void defaultNameIsTimestampAndStudyAndNeverReused() throws IOException {
        RunDirectory first = RunDirectory.create(root, null, "Ising 2D: critical!", false, NOON);
        assertThat(first.path()).isEqualTo(root.resolve("20261123-123456-ising-2d-critical")).isDirectory();
        Files.writeString(first.resolve("x.txt"), "x");
        RunDirectory second = RunDirectory.create(root, null, "Ising 2D: critical!", false, NOON);
        assertThat(second.path()).isEqualTo(root.resolve("20261123-123456-ising-2d-critical-2"));
        assertThat(RunDirectory.defaultName(null, NOON)).isEqualTo("20261123-123456");
    }

    @Test
    void refusesANonEmptyNamedDirectoryUnlessForced() throws IOException {
        RunDirectory run = RunDirectory.create(root, "demo", "study", false);
        Path results = run.writeResults(JSON.createObjectNode().put("answer", 42));
        assertThatThrownBy(() -> RunDirectory.create(root, "demo", "study", false))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("demo");
        RunDirectory again = RunDirectory.create(root, "demo", "study", true);
        assertThat(again.path()).isEqualTo(run.path());
        assertThat(results).exists();
        Files.createDirectories(root.resolve("empty"));
        assertThat(RunDirectory.create(root, "empty", "study", false).path()).isEqualTo(root.resolve("empty"));
    }

    @Test
    void writesResultsAndReportAtomically() throws IOException {
        RunDirectory run = RunDirectory.create(root, "r", "s", false);
        ObjectNode results = JSON.createObjectNode();
        results.put("model", "ising2d").putObject("energy").put("mean", -1.5);
        Path json = run.writeResults(results);
        assertThat(JSON.readTree(json.toFile()).get("energy").get("mean").asDouble()).isEqualTo(-1.5);
        Path html = run.writeReport("<!DOCTYPE html>\n");
        assertThat(html).hasFileName(RunDirectory.REPORT);
        try (var files = Files.list(run.path())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("results.json",
                    "report.html");
        }
    }

    @Test
    void jsonFilesArePrettyPrintedWithAFinalNewlineAndReadBack() throws IOException {
        RunDirectory run = RunDirectory.create(root, "j", "s", false);
        assertThat(run.readJson("stage-x.json")).isEmpty();
        ObjectNode checkpoint = JSON.createObjectNode().put("spec_hash", "abc");
        checkpoint.putNull("result");
        Path file = run.writeJson("stage-x.json", checkpoint);
        assertThat(Files.readString(file)).isEqualTo("{\n  \"spec_hash\" : \"abc\",\n  \"result\" : null\n}\n");
        assertThat(run.readJson("stage-x.json")).contains(checkpoint);
    }

    @Test
    void rejectsNamesThatLeaveTheRoot() {
        for (String bad : new String[] {"../x", "a/b", "..", ""}) {
            assertThatThrownBy(() -> RunDirectory.create(root, bad, "s", true)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
