package dev.coarse.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.command.UserError;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: a YAML study spec, mutated (values of the wrong type, sign or size; lines deleted, duplicated,
 * re-indented or moved to another section; bytes flipped; truncated; random bytes), is read into a valid
 * {@link StudySpec} or refused with one line ({@link UserError} or {@link IllegalArgumentException}: {@code coarse:
 * error: …}, exit 2) — never another exception. With and without {@code --quick}. A spec that is read must also be
 * read again from its own JSON (the run directory's record of it). In process: {@value #QUICK} inputs per seed spec
 * in every build, {@value #FULL} with {@code -Dcoarse.fuzz=full}.
 */
public class SpecFuzzTest {

    public static final int QUICK = 200;
    public static final int FULL = 10_000;

    /** Values of the wrong type, sign, size or shape, in YAML. */
    private static final String[] NASTY = {"-32", "0", "-1", "lots", "1e999", "-1e999", ".nan", ".inf", "-.inf",
        "1e-400", "2147483648", "99999999999999999999", "0.5", "null", "~", "true", "[]", "{}", "[16, -32]",
        "[1, [2]]", "{a: 1}", "\"\"", "\"3.2:1.6:17\"", "\"1:2:100000\"", "\"a:b:c\"", "\"1:2\"", "\"nan:1:3\"",
        "critical", "majority", "[nn, nnn, bogus]", "ising3d", "potts2d", "[energy, energy]", "[]", "'2.3'"};

    @TempDir
    Path dir;

    public static byte[] mutate(byte[] seed, SplittableRandom random) {
        String text = new String(seed, StandardCharsets.UTF_8);
        int changes = 1 + random.nextInt(3);
        for (int k = 0; k < changes; k++) {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            int colon = line.indexOf(':');
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> {
                    if (colon >= 0) {
                        lines.set(at, line.substring(0, colon + 1) + " " + NASTY[random.nextInt(NASTY.length)]);
                    }
                }
                case 4 -> lines.remove(at);
                case 5 -> lines.add(random.nextInt(lines.size() + 1), line);
                case 6 -> lines.set(at, random.nextBoolean() ? "  " + line : line.stripLeading());
                case 7 -> {
                    // a key moved to another section
                    String other = lines.get(random.nextInt(lines.size()));
                    lines.add(random.nextInt(lines.size() + 1), other);
                    lines.remove(at);
                }
                default -> {
                    return ReaderBytes.mutate(text.getBytes(StandardCharsets.UTF_8), random);
                }
            }
            text = String.join("\n", lines);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Byte mutations: flipped bytes, truncation, random bytes. */
    private static final class ReaderBytes {
        static byte[] mutate(byte[] b, SplittableRandom random) {
            if (b.length == 0) {
                return b;
            }
            return switch (random.nextInt(3)) {
                case 0 -> {
                    byte[] c = b.clone();
                    for (int k = 1 + random.nextInt(8); k > 0; k--) {
                        c[random.nextInt(c.length)] = (byte) random.nextInt(256);
                    }
                    yield c;
                }
                case 1 -> Arrays.copyOf(b, random.nextInt(b.length));
                default -> {
                    byte[] c = new byte[random.nextInt(512)];
                    random.nextBytes(c);
                    yield c;
                }
            };
        }
    }

    private int fuzz(String name, String seedText, int count, long seedValue) throws IOException {
        SplittableRandom random = new SplittableRandom(seedValue);
        byte[] seed = seedText.getBytes(StandardCharsets.UTF_8);
        boolean hasQuick = seedText.contains("\nquick:");
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            byte[] input = mutate(seed, random);
            boolean quick = hasQuick && random.nextBoolean();
            try {
                JsonNode tree = RunCommand.parseYaml(new String(input, StandardCharsets.UTF_8), "fuzz.yaml");
                StudySpec spec = SpecReader.parse(tree, "fuzz.yaml", quick, null);
                SpecReader.parse(spec.toJson(), "spec.json", false, null);
                accepted++;
            } catch (UserError | IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                    fail(name + " input " + i + ": not a one-line message: " + e);
                }
            } catch (Throwable t) {
                Path kept = dir.getParent().resolve("fuzz-spec-" + name + "-" + i + ".yaml");
                Files.write(kept, input);
                throw new AssertionError(name + " input " + i + " (quick " + quick + ", kept in " + kept + ") threw "
                        + t, t);
            }
        }
        return accepted;
    }

    private void specs(int count) throws IOException {
        int ok = fuzz("default", RunCommand.defaultSpecText(), count, 41);
        assertThat(ok).as("some mutations leave a valid spec (the fuzzing reaches the whole reader)")
                .isBetween(1, count - 1);
        fuzz("quick-example", Files.readString(Path.of("..", "examples", "ising2d-quick.yaml")), count, 42);
    }

    @Test
    void studySpecsQuick() throws IOException {
        specs(QUICK);
    }

    @Test
    @EnabledIfSystemProperty(named = "coarse.fuzz", matches = "full")
    void studySpecsTenThousandInputs() throws IOException {
        specs(FULL);
    }
}
