package dev.coarse.cli.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.coarse.cli.command.UserError;
import dev.coarse.cli.run.SpecFuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: a reaction-network YAML spec ({@code coarse dynamics ssa|reduce FILE}), mutated as {@link SpecFuzzTest}
 * mutates study specs (wrong values, lines deleted, duplicated, re-indented or moved; flipped bytes, truncation,
 * random bytes), is read into a network or refused with one line ({@link UserError} or
 * {@link IllegalArgumentException}: {@code coarse: error: …}, exit 2) — never another exception.
 * {@value SpecFuzzTest#QUICK} inputs per example in every build, {@value SpecFuzzTest#FULL} with
 * {@code -Dcoarse.fuzz=full}.
 */
class ReactionSpecFuzzTest {

    @TempDir
    Path dir;

    private int fuzz(String example, int count, long seedValue) throws IOException {
        byte[] seed = Files.readAllBytes(Path.of("..", "examples", "reactions", example));
        SplittableRandom random = new SplittableRandom(seedValue);
        Path file = dir.resolve("fuzz.yaml");
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            byte[] input = SpecFuzzTest.mutate(seed, random);
            Files.write(file, input);
            try {
                ReactionSpecFile.read(file);
                accepted++;
            } catch (UserError | IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                    fail(example + " input " + i + ": not a one-line message: " + e);
                }
            } catch (Throwable t) {
                Path kept = dir.getParent().resolve("fuzz-reactions-" + i + "-" + example);
                Files.write(kept, input);
                throw new AssertionError(example + " input " + i + " (kept in " + kept + ") threw " + t, t);
            }
        }
        return accepted;
    }

    private void examples(int count) throws IOException {
        int ok = fuzz("michaelis-menten.yaml", count, 51);
        assertThat(ok).as("some mutations leave a valid network (the fuzzing reaches the whole reader)")
                .isBetween(1, count - 1);
        fuzz("schloegl.yaml", count, 52);
    }

    /** Found by this fuzzing: a non-UTF-8 file gave "Input length = 1", naming neither the file nor the problem. */
    @Test
    void notUtf8IsNamed() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xe9, '\n'});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReactionSpecFile.read(file))
                .isInstanceOf(UserError.class).hasMessage(file + " is not UTF-8 text: a reaction spec is YAML");
    }

    @Test
    void reactionSpecsQuick() throws IOException {
        examples(SpecFuzzTest.QUICK);
    }

    @Test
    @EnabledIfSystemProperty(named = "coarse.fuzz", matches = "full")
    void reactionSpecsTenThousandInputs() throws IOException {
        examples(SpecFuzzTest.FULL);
    }
}
