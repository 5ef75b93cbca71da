package dev.coarse.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.run.SpecFuzzTest;
import dev.coarse.study.sweep.SweepSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: a sweep spec ({@code coarse sweep SPEC.yaml}), mutated as {@link SpecFuzzTest} mutates study specs, is
 * read into a grid of tasks or refused as {@link SweepCommand} refuses one — a YAML syntax error, or an
 * {@link IllegalArgumentException} (an {@code InvalidSettingException} among them) that the command turns into one
 * line {@code coarse: error: …}, exit 2 — never another exception. {@value SpecFuzzTest#QUICK} inputs in every
 * build, {@value SpecFuzzTest#FULL} with {@code -Dcoarse.fuzz=full}.
 */
class SweepSpecFuzzTest {

    @TempDir
    Path dir;

    private int fuzz(int count, long seedValue) throws IOException {
        byte[] seed = Files.readAllBytes(Path.of("..", "examples", "sweep.yaml"));
        SplittableRandom random = new SplittableRandom(seedValue);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            byte[] input = SpecFuzzTest.mutate(seed, random);
            try {
                JsonNode tree;
                try {
                    tree = yaml.readTree(input);
                } catch (JsonProcessingException e) {
                    continue; // the command's "cannot parse SPEC as YAML: …"
                }
                if (tree == null || tree.isMissingNode()) {
                    continue; // the command's "SPEC is empty"
                }
                SweepSpec spec = SweepSpec.read(tree);
                assertThat(spec.tasks()).isNotEmpty();
                accepted++;
            } catch (UserError | IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                    fail("sweep input " + i + ": not a one-line message: " + e);
                }
            } catch (Throwable t) {
                Path kept = dir.getParent().resolve("fuzz-sweep-" + i + ".yaml");
                Files.write(kept, input);
                throw new AssertionError("sweep input " + i + " (kept in " + kept + ") threw " + t, t);
            }
        }
        return accepted;
    }

    @Test
    void sweepSpecsQuick() throws IOException {
        int ok = fuzz(SpecFuzzTest.QUICK, 61);
        assertThat(ok).as("some mutations leave a valid sweep (the fuzzing reaches the whole reader)")
                .isBetween(1, SpecFuzzTest.QUICK - 1);
    }

    @Test
    @EnabledIfSystemProperty(named = "coarse.fuzz", matches = "full")
    void sweepSpecsTenThousandInputs() throws IOException {
        fuzz(SpecFuzzTest.FULL, 62);
    }
}
