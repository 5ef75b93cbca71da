package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirectoryTest {

    @TempDir
    Path tmp;

    private static Map<String, String> identity(String seed) {
        Map<String, String> id = new LinkedHashMap<>();
        id.put("model", "ising2d");
        id.put("seed", seed);
        return id;
    }

    private static ChainBlock block(int first, int chains, int samples, int sites, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] configurations = new byte[chains * samples][sites];
        for (byte[] c : configurations) {
            for (int i = 0; i < sites; i++) {
                c[i] = random.nextBoolean() ? (byte) 1 : (byte) -1;
            }
        }
        double[][] e = new double[chains][samples];
        double[][] m = new double[chains][samples];
        for (int i = 0; i < chains; i++) {
            for (int k = 0; k < samples; k++) {
                e[i][k] = -2 * random.nextDouble();
                m[i][k] = random.nextDouble() - 0.5;
            }
        }
        e[0][0] = Double.longBitsToDouble(0x7ff8_0000_dead_beefL); // a non-canonical NaN: raw bits survive
        return new ChainBlock(first, configurations, e, m);
    }

    private static long[][] rawBits(double[][] series) {
        long[][] bits = new long[series.length][];
        for (int i = 0; i < series.length; i++) {
            bits[i] = Arrays.stream(series[i]).mapToLong(Double::doubleToRawLongBits).toArray();
        }
        return bits;
    }

    @Test
    void savedBlocksLoadBackExactly() throws IOException {
        Path dir = tmp.resolve("run.h5.checkpoint");
        CheckpointDirectory store = CheckpointDirectory.create(dir, identity("1"));
        ChainBlock one = block(64, 36, 5, 16, 1);
        store.save(1, one);
        assertThat(store.load(0)).isEmpty();
        ChainBlock back = store.load(1).orElseThrow();
        assertThat(back.firstChain()).isEqualTo(64);
        assertThat(back.configurations()).isDeepEqualTo(one.configurations());
        assertThat(rawBits(back.energyPerSite())).isDeepEqualTo(rawBits(one.energyPerSite()));
        assertThat(rawBits(back.magnetizationPerSite())).isDeepEqualTo(rawBits(one.magnetizationPerSite()));
        assertThat(store.storedUnits()).containsExactly(1);
        assertThat(Files.readString(dir.resolve(CheckpointDirectory.MANIFEST)))
                .contains("format=coarse-checkpoint\nformat_version=1\nmodel=ising2d\nseed=1\n");
    }

    @Test
    void truncatedOrCorruptedUnitFilesAreRefused() throws IOException {
        CheckpointDirectory store = CheckpointDirectory.create(tmp.resolve("c"), identity("1"));
        store.save(0, block(0, 1, 4, 9, 2));
        Path file = store.unitFile(0);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 20));
        assertThatThrownBy(() -> store.load(0)).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        bytes[40] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> store.load(0)).isInstanceOf(IOException.class).hasMessageContaining("checksum");
        Files.writeString(file, "not a checkpoint at all");
        assertThatThrownBy(() -> store.load(0)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Coarse checkpoint unit file");
    }

    @Test
    void resumeNeedsAMatchingManifest() throws IOException {
        Path dir = tmp.resolve("c");
        assertThatThrownBy(() -> CheckpointDirectory.resume(dir, identity("1"))).isInstanceOf(NoSuchFileException.class);
        CheckpointDirectory.create(dir, identity("1"));
        assertThatThrownBy(() -> CheckpointDirectory.resume(dir, identity("2")))
                .hasMessageContaining("seed 1 there, 2 now");
        assertThat(CheckpointDirectory.resume(dir, identity("1")).directory()).isEqualTo(dir);
        Files.writeString(dir.resolve(CheckpointDirectory.MANIFEST), "format=something-else\n");
        assertThatThrownBy(() -> CheckpointDirectory.resume(dir, identity("1")))
                .hasMessageContaining("not a Coarse checkpoint manifest");
    }

    @Test
    void createRefusesANonEmptyDirectoryAndDeleteTouchesOnlyCheckpointFiles() throws IOException {
        Path dir = tmp.resolve("c");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> CheckpointDirectory.create(dir, identity("1"))).hasMessageContaining("not empty");
        assertThatThrownBy(() -> CheckpointDirectory.delete(dir)).hasMessageContaining("not a Coarse checkpoint");
        assertThat(dir.resolve("notes.txt")).exists();

        Path clean = tmp.resolve("d");
        CheckpointDirectory store = CheckpointDirectory.create(clean, identity("1"));
        store.save(0, block(0, 1, 2, 4, 3));
        Files.writeString(clean.resolve(".unit-000001.bin.123.tmp"), "half a file from a killed write");
        store.delete();
        assertThat(clean).doesNotExist();

        CheckpointDirectory shared = CheckpointDirectory.create(tmp.resolve("e"), identity("1"));
        shared.save(0, block(0, 1, 2, 4, 3));
        Files.writeString(tmp.resolve("e").resolve("notes.txt"), "mine");
        shared.delete();
        assertThat(tmp.resolve("e")).isDirectory();
        try (var left = Files.list(tmp.resolve("e"))) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("notes.txt");
        }
    }
}
