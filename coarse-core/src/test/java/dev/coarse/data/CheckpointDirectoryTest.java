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
        assertThat(back.finalState()).isEmpty();
        // a field chain's unit: eight bytes per value and the chain's final state (format version 3)
        ChainBlock field = block(2, 1, 3, 8 * 16, 2);
        byte[] finalState = {7, -1, 0, 42, 13};
        store.save(2, new ChainBlock(2, field.configurations(), field.energyPerSite(), field.magnetizationPerSite(),
                finalState));
        ChainBlock fieldBack = store.load(2).orElseThrow();
        assertThat(fieldBack.configurations()).isDeepEqualTo(field.configurations());
        assertThat(fieldBack.finalState()).containsExactly(finalState);
        assertThat(store.storedUnits()).containsExactly(1, 2);
        assertThat(Files.readString(dir.resolve(CheckpointDirectory.MANIFEST)))
                .contains("format=coarse-checkpoint\nformat_version=3\ncoarse_version=" + CoarseVersion.get()
                        + "\nmodel=ising2d\nseed=1\nsha256=");
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
    void progressLoadsBackExactlyAndIsDroppedWhenTheUnitFinishes() throws IOException {
        CheckpointDirectory store = CheckpointDirectory.create(tmp.resolve("c"), identity("1"));
        ChainBlock kept = block(3, 2, 4, 9, 5);
        byte[] state = {1, 2, 3, -4, 5};
        store.saveProgress(2, new ChainProgress(1234, kept, state));
        ChainProgress back = store.loadProgress(2).orElseThrow();
        assertThat(back.sweepsDone()).isEqualTo(1234);
        assertThat(back.groupState()).containsExactly(state);
        assertThat(back.kept().firstChain()).isEqualTo(3);
        assertThat(back.kept().configurations()).isDeepEqualTo(kept.configurations());
        assertThat(rawBits(back.kept().energyPerSite())).isDeepEqualTo(rawBits(kept.energyPerSite()));
        assertThat(rawBits(back.kept().magnetizationPerSite())).isDeepEqualTo(rawBits(kept.magnetizationPerSite()));
        assertThat(store.loadProgress(1)).isEmpty();

        // no sample kept yet: an empty block of the unit's chains
        ChainBlock none = new ChainBlock(0, new byte[0][], new double[][] {{}}, new double[][] {{}});
        store.saveProgress(0, new ChainProgress(7, none, state));
        assertThat(store.loadProgress(0).orElseThrow().kept().samplesPerChain()).isZero();
        assertThat(store.progressUnits()).containsExactly(0, 2);

        store.save(2, block(3, 2, 10, 9, 6));
        assertThat(store.progressUnits()).containsExactly(0);
        assertThat(store.storedUnits()).containsExactly(2);
        store.delete();
        assertThat(tmp.resolve("c")).doesNotExist();
    }

    /** Every byte of every file is covered: a flipped bit anywhere or a cut anywhere is refused by resume. */
    @Test
    void resumeRefusesAFlippedByteOrATruncationInAnyFile() throws IOException {
        Path dir = tmp.resolve("c");
        CheckpointDirectory store = CheckpointDirectory.create(dir, identity("1"));
        store.save(0, block(0, 1, 3, 9, 7));
        store.saveProgress(1, new ChainProgress(50, block(1, 1, 2, 9, 8), new byte[] {9, 9, 9}));
        java.util.List<Path> files = java.util.List.of(dir.resolve(CheckpointDirectory.MANIFEST), store.unitFile(0),
                store.progressFile(1));
        SplittableRandom random = new SplittableRandom(25);
        for (Path file : files) {
            byte[] good = Files.readAllBytes(file);
            for (int trial = 0; trial < 40; trial++) {
                byte[] bad = good.clone();
                int at = random.nextInt(bad.length);
                bad[at] ^= (byte) (1 << random.nextInt(8));
                Files.write(file, bad);
                assertThatThrownBy(() -> CheckpointDirectory.resume(dir, identity("1")))
                        .as("%s, bit flipped at byte %d", file.getFileName(), at)
                        .isInstanceOf(IOException.class).isNotInstanceOf(NoSuchFileException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
                Files.write(file, Arrays.copyOf(good, random.nextInt(good.length)));
                assertThatThrownBy(() -> CheckpointDirectory.resume(dir, identity("1")))
                        .as("%s truncated", file.getFileName())
                        .isInstanceOf(IOException.class);
            }
            Files.write(file, good);
            assertThat(CheckpointDirectory.resume(dir, identity("1")).directory()).isEqualTo(dir);
        }
        byte[] unit = Files.readAllBytes(store.unitFile(0));
        unit[unit.length / 2] ^= 1;
        Files.write(store.unitFile(0), unit);
        assertThatThrownBy(() -> CheckpointDirectory.resume(dir, identity("1")))
                .isInstanceOf(CheckpointDirectory.CorruptException.class).hasMessageContaining("checksum mismatch");
        assertThatThrownBy(() -> store.load(0)).isInstanceOf(CheckpointDirectory.CorruptException.class);
    }

    @Test
    void aCheckpointOfAnotherCoarseVersionOrFormatIsRefused() throws IOException {
        Path dir = tmp.resolve("c");
        CheckpointDirectory.create(dir, identity("1"), "0.0.9-other");
        assertThatThrownBy(() -> CheckpointDirectory.resume(dir, identity("1")))
                .isInstanceOf(CheckpointDirectory.VersionMismatchException.class)
                .hasMessageContaining("written by Coarse 0.0.9-other, this is Coarse " + CoarseVersion.get());
        // 1: before in-chain checkpoints; 2: before field chains (no final state in unit files)
        for (int version = 1; version <= 2; version++) {
            Path old = tmp.resolve("old" + version);
            Files.createDirectories(old);
            Files.writeString(old.resolve(CheckpointDirectory.MANIFEST),
                    "format=coarse-checkpoint\nformat_version=" + version + "\nmodel=ising2d\nseed=1\n");
            assertThatThrownBy(() -> CheckpointDirectory.resume(old, identity("1")))
                    .isInstanceOf(CheckpointDirectory.VersionMismatchException.class)
                    .hasMessageContaining("format version " + version + " (an older Coarse)")
                    .hasMessageContaining("reads 3");
        }
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
