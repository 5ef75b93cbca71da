package dev.coarse.cli;

import dev.coarse.cli.command.JsonOutput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunCommandTest {

    static CliRun run(String... args) {
        return CliRun.quiet(args);
    }

    /** Every stage, tiny lattices and few sweeps: exercises the whole pipeline in a few seconds. */
    static final String TINY = """
            name: tiny
            seed: 7
            model: ising2d
            stages: [energy, binder, mcrg, flow, info]
            energy: {sizes: [4, 8], temperatures: "2.0:3.0:3", sweeps: 300, thermalize: 30, thin: 1}
            binder: {sizes: [4, 8], temperatures: "1.8:2.8:5", sweeps: 400, thermalize: 40}
            mcrg: {sizes: [16], sweeps: 600, thermalize: 20, thin: 2, levels: 2, bins: 5}
            flow: {size: 8, couplings: "0.3:0.5:3", samples: 100, thermalize: 20, thin: 2}
            info: {size: 8, sweeps: 400, thermalize: 20, thin: 2, levels: 2}
            quick:
              energy: {sizes: [4]}
            """;

    @TempDir
    Path dir;


    Path spec(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    CliRun tiny(String name, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", spec("tiny.yaml", TINY).toString(), "--out-dir",
                dir.resolve("runs").toString(), "--name", name));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(String[]::new));
    }

    static ObjectNode withoutTiming(Path results) throws Exception {
        ObjectNode n = (ObjectNode) JsonOutput.MAPPER.readTree(results.toFile());
        n.remove("elapsed_seconds");
        return n;
    }

    @Test
    void tinyStudyRunsEveryStageAndWritesResultsAndAReportWithDecodablePngs() throws Exception {
        CliRun r = tiny("t", "--json", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JsonOutput.MAPPER.readTree(r.out());
        Path runDir = dir.resolve("runs").resolve("t");
        assertThat(json.get("run_directory").asText()).isEqualTo(runDir.toString());

        JsonNode results = JsonOutput.MAPPER.readTree(runDir.resolve("results.json").toFile());
        assertThat(results.get("seed").asLong()).isEqualTo(7);
        assertThat(results.get("spec").get("mcrg").get("levels").asInt()).isEqualTo(2);
        assertThat(results.get("spec_hash").asText()).hasSize(64);
        JsonNode stages = results.get("stages");
        assertThat(stages.get("energy").get("points")).hasSize(2 * 3);
        JsonNode points = stages.get("energy").get("points");
        assertThat(List.of(points.get(0).get("T").asDouble(), points.get(1).get("T").asDouble(),
                points.get(2).get("T").asDouble())).as("range '2.0:3.0:3'").containsExactly(2.0, 2.5, 3.0);
        JsonNode point = points.get(0);
        assertThat(point.get("energy_per_site").has("error")).isTrue();
        assertThat(point.get("exact_energy_per_site").isNumber()).isTrue();
        assertThat(stages.get("binder").get("curves")).hasSize(2);
        assertThat(stages.get("binder").get("crossings")).hasSize(1);
        assertThat(stages.get("binder").get("tc_exact").asDouble()).isEqualTo(2 / Math.log(1 + Math.sqrt(2)));
        JsonNode levels = stages.get("mcrg").get("sizes").get(0).get("levels");
        assertThat(levels).hasSize(2);
        assertThat(levels.get(1).get("y_t").get("mean").isNumber()).isTrue();
        assertThat(levels.get(1).get("y_h").get("mean").isNumber()).isTrue();
        assertThat(stages.has("flow")).isTrue();
        assertThat(stages.has("info")).isTrue();

        String html = Files.readString(runDir.resolve("report.html"));
        Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        int images = 0;
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(100);
            images++;
        }
        // energy: e, C, residuals; binder: U, χ; mcrg: y_t, y_h
        assertThat(images).isGreaterThanOrEqualTo(7);
        assertThat(html).contains("Binder cumulant", "y_t", "Kaufman");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        assertThat(tiny("one", "--threads", "1").code()).isZero();
        assertThat(tiny("two", "--threads", "2").code()).isZero();
        assertThat(withoutTiming(dir.resolve("runs/one/results.json")))
                .isEqualTo(withoutTiming(dir.resolve("runs/two/results.json")));
    }

    @Test
    void resumedRunGivesTheSameResultsAsAnUninterruptedOne() throws Exception {
        assertThat(tiny("whole").code()).isZero();
        assertThat(tiny("cut").code()).isZero();
        Path cut = dir.resolve("runs/cut");
        // simulate a run killed during the mcrg stage: later checkpoints and the final files are missing
        byte[] energyCheckpoint = Files.readAllBytes(cut.resolve("stage-energy.json"));
        for (String f : List.of("stage-mcrg.json", "stage-flow.json", "stage-info.json", "results.json", "report.html")) {
            Files.delete(cut.resolve(f));
        }
        CliRun resumed = tiny("cut", "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.readAllBytes(cut.resolve("stage-energy.json"))).as("energy was not rerun").isEqualTo(energyCheckpoint);
        assertThat(Files.exists(cut.resolve("report.html"))).isTrue();
        assertThat(withoutTiming(cut.resolve("results.json"))).isEqualTo(withoutTiming(dir.resolve("runs/whole/results.json")));
    }

    @Test
    void resumeRefusesAChangedSpecAndAMissingRun() throws Exception {
        assertThat(tiny("r").code()).isZero();
        CliRun changed = tiny("r", "--resume", "--seed", "8");
        assertThat(changed.code()).isEqualTo(2);
        assertThat(changed.err().strip()).startsWith("coarse: error: ").contains("different spec").doesNotContain("\n");
        CliRun missing = tiny("nope", "--resume");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        CliRun noName = run("run", spec("x.yaml", TINY).toString(), "--resume");
        assertThat(noName.code()).isEqualTo(2);
        assertThat(noName.err()).contains("--resume needs --name");
    }

    @Test
    void anExistingRunIsNotOverwrittenWithoutForce() throws Exception {
        assertThat(tiny("x").code()).isZero();
        CliRun again = tiny("x");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists").contains("--force");
        assertThat(tiny("x", "--force").code()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo: 1|unknown key 'foo' in BAD.yaml",
        "mcrg: {sizes: [8], colour: red}|unknown key 'mcrg.colour' in BAD.yaml",
        "mcrg: {sizes: [9]}|'mcrg.sizes' in BAD.yaml: L = 9 is not divisible by b = 2",
        "mcrg: {sizes: [8], levels: 3}|'mcrg.levels' in BAD.yaml: 3 levels of b = 2 are more than L = 8 allows (at most 2",
        "mcrg: {sizes: [8], levels: 2}|'mcrg.levels' in BAD.yaml: 2 levels of b = 2 leave L = 2 from L = 8, too small for the operators",
        "energy: {sweeps: many}|'energy.sweeps' in BAD.yaml: expected an integer, got 'many'",
        "energy: {sweeps: -5}|'energy.sweeps' in BAD.yaml: must be between 1 and",
        "binder: {sizes: [16, 8]}|'binder.sizes' in BAD.yaml: must increase strictly",
        "binder: {thin: 2}|unknown key 'binder.thin' in BAD.yaml",
        "flow: {levels: 2}|unknown key 'flow.levels' in BAD.yaml",
        "energy: {temperatures: '3:2:5'}|'energy.temperatures' in BAD.yaml: range 'a:b:n' needs a < b",
        "model: ising5d|'model' in BAD.yaml: expected one of ising2d, ising3d, potts2d, got 'ising5d'",
        "stages: [energy, dance]|'stages' in BAD.yaml: unknown stage 'dance'",
        "model: potts2d|'stages' in BAD.yaml: stage 'mcrg' needs ±1 spins",
        "energy: {sampler: sw, sweeps: 10, thin: 20}|'energy.thin' in BAD.yaml: must not exceed sweeps",
        "energy: [1, 2]|'energy' in BAD.yaml: expected a mapping",
        "seed: [1|cannot parse BAD.yaml as YAML",
    })
    void badSpecsGiveOneLineErrorsNamingTheKey(String yaml, String message) throws Exception {
        Path bad = spec("BAD.yaml", yaml + "\n");
        CliRun r = run("run", bad.toString(), "--out-dir", dir.resolve("runs").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("coarse: error: ")
                .contains(message.replace("BAD.yaml", bad.toString()));
        assertThat(Files.exists(dir.resolve("runs"))).as("nothing written for a bad spec").isFalse();
    }

    @Test
    void aStudyThatCannotFitTheHeapIsRefusedBeforeAnythingIsWritten() throws Exception {
        // the default chains × 100,000 kept configurations of 2048² sites, with their coarse copies: about 1 TiB
        Path big = spec("big.yaml", "name: big\nmodel: ising2d\nstages: [mcrg]\n"
                + "mcrg: {sizes: [2048], sweeps: 100000, thin: 1, levels: 2}\n");
        CliRun r = run("run", big.toString(), "--out-dir", dir.resolve("runs").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n")
                .startsWith("coarse: error: run big (its mcrg stage's configurations) needs at least ")
                .contains("TiB of memory, more than this JVM's heap").contains("COARSE_JAVA_OPTS=-Xmx");
        assertThat(Files.exists(dir.resolve("runs"))).as("nothing written").isFalse();
    }

    @Test
    void missingSpecFileAndBadOptionsAreUsageErrors() {
        CliRun r = run("run", dir.resolve("absent.yaml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("coarse: error: no such file: " + dir.resolve("absent.yaml"));
        CliRun threads = run("run", "--threads", "0");
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads must be at least 1");
    }

    @Test
    void quickNeedsAQuickSection() throws Exception {
        Path noQuick = spec("nq.yaml", "stages: [energy]\n");
        CliRun r = run("run", noQuick.toString(), "--quick");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("has no 'quick:' section");
    }

    @Test
    void theDefaultSpecIsPrintable() throws Exception {
        CliRun r = run("run", "--print-default-spec");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("model: ising2d", "quick:");
        assertThat(r.out()).isEqualTo(dev.coarse.cli.run.RunCommand.defaultSpecText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ising2d-quick.yaml", "ising3d-binder.yaml", "potts3-binder.yaml"})
    void examplesRunWithQuick(String example) throws Exception {
        Path file = Path.of("..", "examples", example);
        assertThat(file).exists();
        CliRun r = run("run", file.toString(), "--quick", "--out-dir", dir.resolve("runs").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JsonOutput.MAPPER.readTree(r.out());
        assertThat(json.get("stages").size()).isEqualTo(json.get("spec").get("stages").size());
        assertThat(Files.exists(Path.of(json.get("report").asText()))).isTrue();
    }
}
