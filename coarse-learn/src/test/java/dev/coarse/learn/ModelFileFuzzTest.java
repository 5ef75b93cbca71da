package dev.coarse.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.ReaderFuzzTest;
import dev.coarse.learn.rbm.Rbm;
import dev.coarse.learn.rbm.RbmFile;
import dev.coarse.learn.rbm.UnitType;
import dev.coarse.learn.rsmi.HiddenKind;
import dev.coarse.learn.rsmi.RsmiFilter;
import dev.coarse.learn.rsmi.RsmiFilterFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: the model files a user hands to the CLI (RBM models, RSMI filters), given mutated, truncated, grown
 * and random bytes, are read or refused with one line ({@link IOException} or {@link IllegalArgumentException},
 * {@code coarse: error: …}, exit 2), never another exception. Byte mutations ({@link ReaderFuzzTest#mutate}) and
 * token mutations that keep the JSON valid so that the value checks are reached
 * ({@link ReaderFuzzTest#mutateTokens}). {@value ReaderFuzzTest#QUICK} inputs of each kind per reader in every
 * build; {@value ReaderFuzzTest#FULL} with {@code -Dcoarse.fuzz=full}.
 */
class ModelFileFuzzTest {

    @TempDir
    Path dir;

    static byte[] rbmSeed() {
        Rbm rbm = new Rbm(UnitType.SPIN, new double[] {0.5, -0.5, 0, 1}, new double[] {0.25, -0.75},
                new double[] {0.3, -0.1, 0.125, 0.7, -0.2, 0.4, 0.9, -0.6});
        return RbmFile.toJson(rbm, Map.of("seed", "3")).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] rsmiSeed() {
        RsmiFilter filter = new RsmiFilter(2, 2, DegreesOfFreedom.isingSpins(), HiddenKind.BINARY,
                new double[][] {{0.5, -0.25, 1, 2}, {1, 1, -1, 0.125}});
        return RsmiFilterFile.toJson(filter, Map.of("seed", "7")).getBytes(StandardCharsets.UTF_8);
    }

    /** A model that is read must hold finite numbers only (an infinite weight would give silently wrong flows). */
    private static void readRbm(Path file) throws IOException {
        Rbm rbm = RbmFile.load(file).rbm();
        assertThat(DoubleStream.of(rbm.weights()).allMatch(Double::isFinite)).isTrue();
        assertThat(DoubleStream.of(rbm.visibleBias()).allMatch(Double::isFinite)).isTrue();
        assertThat(DoubleStream.of(rbm.hiddenBias()).allMatch(Double::isFinite)).isTrue();
    }

    private static void readFilter(Path file) throws IOException {
        RsmiFilter filter = RsmiFilterFile.load(file).filter();
        assertThat(Stream.of(filter.weights()).flatMapToDouble(DoubleStream::of).allMatch(Double::isFinite)).isTrue();
    }

    private void fuzz(int count) throws IOException {
        ReaderFuzzTest.fuzz(dir, "rbm", rbmSeed(), count, 31, ModelFileFuzzTest::readRbm);
        ReaderFuzzTest.fuzz(dir, "rbm-tokens", rbmSeed(), ReaderFuzzTest::mutateTokens, count, 32,
                ModelFileFuzzTest::readRbm);
        ReaderFuzzTest.fuzz(dir, "rsmi", rsmiSeed(), count, 33, ModelFileFuzzTest::readFilter);
        int ok = ReaderFuzzTest.fuzz(dir, "rsmi-tokens", rsmiSeed(), ReaderFuzzTest::mutateTokens, count, 34,
                ModelFileFuzzTest::readFilter);
        assertThat(ok).as("token mutations reach the value checks, not only the JSON parser").isLessThan(count);
    }

    /** Values JSON can hold but a model must not: named where they are, not truncated (4.5 → 4) or passed on. */
    @Test
    void valuesThatParseButAreNotAModelAreRefused() {
        String rbm = new String(rbmSeed(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RbmFile.fromJson(rbm.replace("0.125", "1e999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> RbmFile.fromJson(rbm.replace("\"hidden\" : 2", "\"hidden\" : 2.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"hidden\" must be a positive integer");
        String filter = new String(rsmiSeed(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RsmiFilterFile.fromJson(filter.replace("0.125", "-1e999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> RsmiFilterFile.fromJson(filter.replace("\"b\" : 2", "\"b\" : 2.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"b\" must be an integer");
    }

    @Test
    void notUtf8IsNamed() throws IOException {
        Path file = dir.resolve("model.json");
        Files.write(file, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
        assertThatThrownBy(() -> RbmFile.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not UTF-8 text");
        assertThatThrownBy(() -> RsmiFilterFile.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not UTF-8 text");
    }

    @Test
    void modelFilesQuick() throws IOException {
        fuzz(ReaderFuzzTest.QUICK);
    }

    @Test
    @EnabledIfSystemProperty(named = "coarse.fuzz", matches = "full")
    void modelFilesTenThousandInputs() throws IOException {
        fuzz(ReaderFuzzTest.FULL);
    }
}
