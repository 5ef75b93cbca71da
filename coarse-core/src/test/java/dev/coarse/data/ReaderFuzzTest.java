package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: every reader of user files, given random, truncated or mutated bytes, either reads them or fails with
 * an {@link IOException} or {@link IllegalArgumentException} of one line (what the CLI turns into
 * {@code coarse: error: …}, exit 2) — never another exception (which the CLI would report as an internal failure)
 * or an {@link Error}. A seeded mutation loop: the always-on tests try {@value #QUICK} inputs per reader, the
 * full run ({@code -Dcoarse.fuzz=full}, minutes, not in CI) {@value #FULL}.
 */
public class ReaderFuzzTest {

    public static final int QUICK = 400;
    public static final int FULL = 10_000;

    @TempDir
    Path dir;

    @FunctionalInterface
    public interface Reader {
        void read(Path file) throws Exception;
    }

    /** A valid ensemble file's bytes: 2D Ising, L = 4, 3 configurations. */
    static byte[] ensembleSeed(Path dir) throws IOException {
        Path file = dir.resolve("seed.h5");
        EnsembleFile.write(file, EnsembleFileTest.ensemble("ising2d", Lattice.square(4), 2, 3, 1), true);
        return Files.readAllBytes(file);
    }

    /** A valid .npy file: int8 ±1 spins of shape (3, 4, 4). */
    static byte[] npySeed() {
        String dict = "{'descr': '|i1', 'fortran_order': False, 'shape': (3, 4, 4), }";
        int headerLength = 10 + dict.length() + 1;
        int padded = (headerLength + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat(padded - headerLength)).append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[10 + text.length + 48];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, out, 1, 5);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (text.length & 0xff);
        out[9] = (byte) (text.length >> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        for (int i = 0; i < 48; i++) {
            out[10 + text.length + i] = (byte) (i % 3 == 0 ? -1 : 1);
        }
        return out;
    }

    static byte[] csvSeed() {
        return "# spins\n1,-1,1,1\n-1,-1,1,-1\n1 1 -1 0\n".getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The i-th input: mostly the seed with a few random bytes changed (so that the parser gets deep), else truncated,
     * grown by random bytes, a run of random bytes written in, or entirely random.
     */
    public static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                int flips = 1 + random.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 3 -> {
                byte[] tail = new byte[1 + random.nextInt(64)];
                random.nextBytes(tail);
                int at = random.nextInt(b.length + 1);
                byte[] grown = new byte[b.length + tail.length];
                System.arraycopy(b, 0, grown, 0, at);
                System.arraycopy(tail, 0, grown, at, tail.length);
                System.arraycopy(b, at, grown, at + tail.length, b.length - at);
                b = grown;
            }
            case 4 -> {
                int at = random.nextInt(b.length);
                byte[] run = new byte[Math.min(b.length - at, 1 + random.nextInt(256))];
                random.nextBytes(run);
                System.arraycopy(run, 0, b, at, run.length);
            }
            default -> {
                b = new byte[random.nextInt(2 * seed.length + 1)];
                random.nextBytes(b);
            }
        }
        return b;
    }

    /** Values a text format's tokens are replaced by: wrong types, signs, magnitudes, nesting, emptiness. */
    private static final String[] NASTY = {"-1", "0", "2147483648", "1e999", "-1e999", "1e-400", "0.5", "null",
        "true", "\"\"", "\"x\"", "[]", "{}", "[1]", "[[1]]", "{\"a\": 1}", "NaN", "-0", "99999999999999999999"};

    private static final Pattern TOKEN = Pattern.compile("-?[0-9][0-9.eE+-]*|\"[^\"\n]*\"|true|false|null|\\[|\\{");

    /**
     * A text format's mutation (JSON, YAML): one to three of its value tokens replaced by a value of the wrong type,
     * sign or size, so that the input still parses and reaches the reader's validation; else {@link #mutate}.
     */
    public static byte[] mutateTokens(byte[] seed, SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return mutate(seed, random);
        }
        String text = new String(seed, StandardCharsets.UTF_8);
        List<int[]> spans = new ArrayList<>();
        for (Matcher m = TOKEN.matcher(text); m.find(); ) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return mutate(seed, random);
        }
        StringBuilder out = new StringBuilder(text);
        int changes = 1 + random.nextInt(3);
        for (int k = 0; k < changes; k++) {
            int[] span = spans.get(random.nextInt(spans.size()));
            if (span[1] <= out.length()) {
                out.replace(span[0], span[1], NASTY[random.nextInt(NASTY.length)]);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** How a seed is turned into one input. */
    @FunctionalInterface
    public interface Mutator {
        byte[] apply(byte[] seed, SplittableRandom random);
    }

    /** Runs {@code count} mutated inputs through {@code reader}; returns how many were read successfully. */
    int fuzz(String name, byte[] seed, int count, long seedValue, Reader reader) throws IOException {
        return fuzz(dir, name, seed, count, seedValue, reader);
    }

    /**
     * Runs {@code count} mutated inputs, written one after the other to a file in {@code dir}, through
     * {@code reader}; fails on any exception but a one-line {@link IOException} or {@link IllegalArgumentException}
     * (keeping the input beside {@code dir}). Returns how many inputs were read successfully.
     */
    public static int fuzz(Path dir, String name, byte[] seed, int count, long seedValue, Reader reader)
            throws IOException {
        return fuzz(dir, name, seed, ReaderFuzzTest::mutate, count, seedValue, reader);
    }

    /** {@link #fuzz(Path, String, byte[], int, long, Reader)} with the given mutation. */
    public static int fuzz(Path dir, String name, byte[] seed, Mutator mutator, int count, long seedValue,
            Reader reader) throws IOException {
        SplittableRandom random = new SplittableRandom(seedValue);
        Path file = dir.resolve("input-" + name);
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            byte[] input = mutator.apply(seed, random);
            Files.write(file, input);
            try {
                reader.read(file);
                accepted++;
            } catch (IOException | IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                    fail(name + " input " + i + " (seed " + seedValue + "): not a one-line message: " + e);
                }
            } catch (Throwable t) {
                Path kept = dir.getParent().resolve("fuzz-" + name + "-" + i);
                Files.write(kept, input);
                throw new AssertionError(name + " input " + i + " (seed " + seedValue + ", kept in " + kept
                        + ") threw " + t, t);
            }
        }
        return accepted;
    }

    private void ensembles(int count) throws IOException {
        int ok = fuzz("h5", ensembleSeed(dir), count, 25, EnsembleFile::readLevels);
        assertThat(ok).as("some mutations leave the file readable (e.g. in padding)").isLessThan(count);
    }

    private void npy(int count) throws IOException {
        IsingModel model = IsingModel.atTemperature(Lattice.square(4), 2.0);
        fuzz("npy", npySeed(), count, 26, f -> NpyFile.readEnsemble(f, model));
        fuzz("npy-numbers", npySeed(), count, 27, NpyFile::readNumbers);
    }

    private void csv(int count) throws IOException {
        fuzz("csv", csvSeed(), count, 28, ConfigurationCsv::read);
        fuzz("csv-samples", csvSeed(), count, 29, CsvSampleSource::read);
    }

    @Test
    void ensembleFilesQuick() throws IOException {
        ensembles(QUICK);
    }

    @Test
    void npyFilesQuick() throws IOException {
        npy(QUICK);
    }

    @Test
    void csvFilesQuick() throws IOException {
        csv(QUICK);
    }

    /** Ten thousand inputs per reader take minutes: run with {@code -Dcoarse.fuzz=full} (not in CI). */
    @Test
    @EnabledIfSystemProperty(named = "coarse.fuzz", matches = "full")
    void everyReaderTenThousandInputs() throws IOException {
        ensembles(FULL);
        npy(FULL);
        csv(FULL);
    }
}
