package dev.coarse.cli.rsmi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.UserError;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.ReaderFuzzTest;
import dev.coarse.learn.rsmi.HiddenKind;
import dev.coarse.learn.rsmi.RsmiFilter;
import dev.coarse.learn.rsmi.RsmiFilterFile;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.LinearFilterRule;
import dev.coarse.rg.TieBreak;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: the rule files {@code --rule FILE.json} reads ({@code rsmi flow}, {@code rg}'s learned rules): a
 * linear filter and an RSMI filter file, byte- and JSON-token-mutated. Each is read or refused with one line that
 * names the file; a linear filter that is read has exactly the file's integer {@code b} and weights (this found
 * {@code "b": 2.5} read as b = 2, and broken JSON reported without the file's name).
 * {@value ReaderFuzzTest#QUICK} inputs of each kind per build, {@value ReaderFuzzTest#FULL} with
 * {@code -Dcoarse.fuzz=full}.
 */
class RuleFileFuzzTest {

    @TempDir
    Path dir;

    private static final byte[] LINEAR = "{\"rule\": \"linear-filter\", \"b\": 2, \"weights\": [1, -0.5, 0.25, 2], \"ties\": \"fixed\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static byte[] rsmi() {
        RsmiFilter filter = new RsmiFilter(2, 2, DegreesOfFreedom.isingSpins(), HiddenKind.BINARY,
                new double[][] {{0.5, -0.25, 1, 2}});
        return RsmiFilterFile.toJson(filter, Map.of("seed", "7")).getBytes(StandardCharsets.UTF_8);
    }

    private static void read(Path file) throws IOException {
        CoarseGraining rule;
        try {
            rule = RuleArgument.resolve(file.toString(), 2, TieBreak.FIXED_SITE);
        } catch (UserError e) {
            assertThat(e.getMessage()).as("names the file").contains(file.getFileName().toString());
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (rule instanceof LinearFilterRule linear) {
            JsonNode json = JsonOutput.MAPPER.readTree(file.toFile());
            assertThat(json.path("b").isIntegralNumber()).as("b read from %s", json.path("b")).isTrue();
            assertThat(linear.blockSize()).isEqualTo(json.path("b").asInt());
            double[] weights = new double[json.path("weights").size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = json.path("weights").get(i).asDouble();
            }
            assertThat(linear.filter()).containsExactly(weights);
        }
    }

    private void fuzz(int count) throws IOException {
        ReaderFuzzTest.fuzz(dir, "linear.json", LINEAR, count, 61, RuleFileFuzzTest::read);
        int ok = ReaderFuzzTest.fuzz(dir, "linear-tokens.json", LINEAR, ReaderFuzzTest::mutateTokens, count, 62,
                RuleFileFuzzTest::read);
        assertThat(ok).as("token mutations reach the value checks").isLessThan(count);
        ReaderFuzzTest.fuzz(dir, "rsmi-tokens.json", rsmi(), ReaderFuzzTest::mutateTokens, count, 63,
                RuleFileFuzzTest::read);
    }

    @Test
    void ruleFilesQuick() throws IOException {
        Files.write(dir.resolve("good.json"), LINEAR);
        read(dir.resolve("good.json"));
        fuzz(ReaderFuzzTest.QUICK);
    }

    @Test
    @EnabledIfSystemProperty(named = "coarse.fuzz", matches = "full")
    void ruleFilesTenThousandInputs() throws IOException {
        fuzz(ReaderFuzzTest.FULL);
    }
}
