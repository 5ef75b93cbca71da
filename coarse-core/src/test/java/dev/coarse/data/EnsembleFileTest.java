package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleFileTest {

    @TempDir
    Path dir;

    static EnsembleMeta meta(String model, Lattice lattice, int q, Map<String, String> provenance) {
        return new EnsembleMeta(model, lattice.dimension(), lattice.linearSize(), 2.269185, 0.125, q, "wolff",
                -1234567890123L, 100_000L, 5_000L, 10L, 4, 3.75, "0.1.0-test", provenance);
    }

    /** Random configurations: ±1 for Ising (q = 2 and model "ising…"), 0..q-1 for Potts. */
    static Ensemble ensemble(String model, Lattice lattice, int q, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] configurations = new byte[n][lattice.siteCount()];
        for (byte[] c : configurations) {
            for (int i = 0; i < c.length; i++) {
                c[i] = model.startsWith("potts") ? (byte) random.nextInt(q) : (byte) (random.nextBoolean() ? 1 : -1);
            }
        }
        return new Ensemble(meta(model, lattice, q, Map.of("source", "test")), lattice, configurations);
    }

    static void assertSameEnsemble(Ensemble actual, Ensemble expected) {
        assertThat(actual.meta()).isEqualTo(expected.meta());
        assertThat(actual.lattice()).isEqualTo(expected.lattice());
        assertThat(actual.configurations()).isDeepEqualTo(expected.configurations());
    }

    @Test
    void roundTripsChainSquareAndCubicIsing() throws IOException {
        for (Lattice lattice : List.of(Lattice.chain(16), Lattice.square(8), Lattice.cubic(4))) {
            Ensemble e = ensemble("ising" + lattice.dimension() + "d", lattice, 2, 37, lattice.dimension());
            Path file = dir.resolve("ising" + lattice.dimension() + ".h5");
            EnsembleFile.write(file, e, false);
            assertSameEnsemble(EnsembleFile.read(file), e);
            assertThat(EnsembleFile.levels(file).get(0).shape())
                    .containsExactly(Stream.concat(Stream.of(37L), Stream.generate(() -> (long) lattice.linearSize())
                            .limit(lattice.dimension())).mapToLong(Long::longValue).toArray());
        }
    }

    @Test
    void roundTripsPotts() throws IOException {
        Ensemble e = ensemble("potts2d", Lattice.square(6), 3, 50, 7);
        Path file = dir.resolve("potts.h5");
        EnsembleFile.write(file, e, false);
        Ensemble back = EnsembleFile.read(file);
        assertSameEnsemble(back, e);
        assertThat(back.model().toString()).contains("Potts");
    }

    @Test
    void roundTripsEveryMetadataField() throws IOException {
        Lattice lattice = Lattice.square(4);
        Map<String, String> provenance = Map.of("rule", "majority", "level", "2", "source", "runs/x/τ ü.h5",
                "empty", "");
        EnsembleMeta meta = new EnsembleMeta("ising2d", 2, 4, 1.5, -0.25, 2, "metropolis", Long.MIN_VALUE,
                Long.MAX_VALUE, 0L, 1L, Integer.MAX_VALUE, Double.NaN, "9.9.9-SNAPSHOT", provenance);
        byte[] spins = new byte[16];
        java.util.Arrays.fill(spins, (byte) 1);
        Ensemble e = new Ensemble(meta, lattice, new byte[][] {spins});
        Path file = dir.resolve("meta.h5");
        EnsembleFile.write(file, e, false);
        assertThat(EnsembleFile.readMeta(file)).isEqualTo(meta);
        assertThat(EnsembleFile.read(file).meta()).isEqualTo(meta);
    }

    @Test
    void multiLevelFilesKeepEachLevel() throws IOException {
        Ensemble fine = ensemble("ising2d", Lattice.square(8), 2, 20, 1);
        Ensemble coarse = new Ensemble(new EnsembleMeta("ising2d", 2, 4, 2.269185, 0.125, 2, "majority", 1, 100, 0,
                10, 4, Double.NaN, "0.1.0-test", Map.of("rule", "majority", "level", "1", "b", "2")),
                Lattice.square(4), ensemble("ising2d", Lattice.square(4), 2, 20, 2).configurations());
        Ensemble coarser = ensemble("ising2d", Lattice.square(2), 2, 20, 3);
        Path file = dir.resolve("levels.h5");
        EnsembleFile.writeLevels(file, List.of(fine, coarse, coarser), false);

        List<EnsembleFile.LevelInfo> levels = EnsembleFile.levels(file);
        assertThat(levels).extracting(EnsembleFile.LevelInfo::level).containsExactly(0, 1, 2);
        assertThat(levels.get(1).shape()).containsExactly(20, 4, 4);
        assertThat(levels.get(1).meta()).isEqualTo(coarse.meta());
        assertSameEnsemble(EnsembleFile.readLevel(file, 1), coarse);
        List<Ensemble> all = EnsembleFile.readLevels(file);
        assertSameEnsemble(all.get(0), fine);
        assertSameEnsemble(all.get(2), coarser);
        assertSameEnsemble(EnsembleFile.read(file), fine);
        assertThatThrownBy(() -> EnsembleFile.readLevel(file, 3)).isInstanceOf(IOException.class)
                .hasMessageContaining("no level 3");
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws IOException {
        Path file = dir.resolve("e.h5");
        Ensemble first = ensemble("ising1d", Lattice.chain(8), 2, 5, 1);
        Ensemble second = ensemble("ising1d", Lattice.chain(8), 2, 9, 2);
        EnsembleFile.write(file, first, false);
        assertThatThrownBy(() -> EnsembleFile.write(file, second, false)).isInstanceOf(FileAlreadyExistsException.class);
        assertSameEnsemble(EnsembleFile.read(file), first);
        EnsembleFile.write(file, second, true);
        assertSameEnsemble(EnsembleFile.read(file), second);
    }

    @Test
    void aFailingWriteLeavesNoFileBehind() throws IOException {
        Ensemble e = ensemble("ising2d", Lattice.square(4), 2, 5, 1);
        // Passes validation (one get per level), then fails while the HDF5 content is being written.
        List<Ensemble> failing = new AbstractList<>() {
            private int calls;

            @Override
            public Ensemble get(int index) {
                if (++calls > 2) {
                    throw new IllegalStateException("simulated failure while writing");
                }
                return e;
            }

            @Override
            public int size() {
                return 2;
            }
        };
        Path file = dir.resolve("partial.h5");
        assertThatThrownBy(() -> EnsembleFile.writeLevels(file, failing, false))
                .hasMessageContaining("simulated failure");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void rejectsEnsemblesItCannotDescribe() {
        Ensemble empty = new Ensemble(meta("ising2d", Lattice.square(4), 2, Map.of()), Lattice.square(4), new byte[0][]);
        assertThatThrownBy(() -> EnsembleFile.write(dir.resolve("a.h5"), empty, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        Ensemble mismatched = new Ensemble(meta("ising2d", Lattice.square(8), 2, Map.of()), Lattice.square(4),
                new byte[1][16]);
        assertThatThrownBy(() -> EnsembleFile.write(dir.resolve("b.h5"), mismatched, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L = 8");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThatThrownBy(() -> EnsembleFile.read(dir.resolve("nope.h5"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> EnsembleFile.readMeta(dir.resolve("nope.h5"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void nonHdf5FileGivesOneLineError() throws IOException {
        Path file = dir.resolve("text.h5");
        Files.writeString(file, "not an HDF5 file at all\n".repeat(100));
        assertOneLineIoError(() -> EnsembleFile.read(file), "not an HDF5 file");
        assertOneLineIoError(() -> EnsembleFile.readMeta(file), "not an HDF5 file");
        Path empty = Files.createFile(dir.resolve("empty.h5"));
        assertOneLineIoError(() -> EnsembleFile.read(empty), "not an HDF5 file");
    }

    @Test
    void hdf5FileWithoutCoarseMarkerIsRejected() throws IOException {
        Path file = dir.resolve("other.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putGroup("data").putDataset("x", new byte[3][4][4]);
        }
        assertOneLineIoError(() -> EnsembleFile.read(file), "not a Coarse ensemble file");
        assertOneLineIoError(() -> EnsembleFile.levels(file), "not a Coarse ensemble file");
    }

    @Test
    void truncatedFilesAreRejected() throws IOException {
        Path good = dir.resolve("good.h5");
        EnsembleFile.write(good, ensemble("ising2d", Lattice.square(16), 2, 200, 3), false);
        byte[] bytes = Files.readAllBytes(good);
        for (int keep : new int[] {bytes.length - 1, bytes.length / 2, 600, 40}) {
            Path cut = dir.resolve("cut" + keep + ".h5");
            Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
            assertThatThrownBy(() -> EnsembleFile.read(cut)).as("truncated to %d bytes", keep)
                    .isInstanceOf(IOException.class)
                    .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n").contains(cut.toString()));
        }
    }

    @Test
    void wrongShapeOrTypeIsRejected() throws IOException {
        Path shape = dir.resolve("shape.h5");
        writeHandMade(shape, new byte[3][4][5]);
        assertOneLineIoError(() -> EnsembleFile.read(shape), "has shape [3, 4, 5], expected [N, L, L] with L = 4");
        assertOneLineIoError(() -> EnsembleFile.readMeta(shape), "expected [N, L, L]");
        Path rank = dir.resolve("rank.h5");
        writeHandMade(rank, new byte[3][16]);
        assertOneLineIoError(() -> EnsembleFile.read(rank), "has shape [3, 16]");
        Path type = dir.resolve("type.h5");
        writeHandMade(type, new int[3][4][4]);
        assertOneLineIoError(() -> EnsembleFile.read(type), "must be int8");
    }

    @Test
    void missingMetadataIsNamed() throws IOException {
        Path file = dir.resolve("bare.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            putRootMarkers(hdf, 1);
            WritableGroup g = hdf.putGroup("level0");
            g.putDataset("configurations", new byte[1][4][4]);
            g.putAttribute("dimension", 2);
            g.putAttribute("L", 4);
        }
        assertOneLineIoError(() -> EnsembleFile.readMeta(file), "/level0 lacks the attribute model");
    }

    @Test
    void newerFormatVersionIsRejected() throws IOException {
        Path file = dir.resolve("v3.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            putRootMarkers(hdf, EnsembleFile.FORMAT_VERSION + 1);
            hdf.putGroup("level0").putDataset("configurations", new byte[1][4][4]);
        }
        assertOneLineIoError(() -> EnsembleFile.read(file), "format_version " + (EnsembleFile.FORMAT_VERSION + 1));
    }

    private static void putRootMarkers(WritableHdfFile hdf, int formatVersion) {
        hdf.putAttribute(EnsembleFile.FORMAT_ATTRIBUTE, EnsembleFile.FORMAT_NAME);
        hdf.putAttribute(EnsembleFile.VERSION_ATTRIBUTE, formatVersion);
        hdf.putAttribute(EnsembleFile.LEVELS_ATTRIBUTE, 1);
    }

    /** A file with Coarse's markers and metadata for a 2D L = 4 lattice around the given dataset. */
    private static void writeHandMade(Path file, Object data) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            putRootMarkers(hdf, 1);
            WritableGroup g = hdf.putGroup("level0");
            g.putDataset("configurations", data);
            HandMadeLevels.putMetadata(g, "ising2d", "wolff");
        }
    }

    private static void assertOneLineIoError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                             String fragment) {
        assertThatThrownBy(call).isInstanceOf(IOException.class).hasMessageContaining(fragment)
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"));
    }

    // ---- other readers ----

    private static final String SYSTEM_PYTHON = "/usr/bin/python3";

    static boolean h5pyAvailable() {
        return pythonCanImport("h5py");
    }

    /** Whether Debian's python3 imports {@code module}. */
    static boolean pythonCanImport(String module) {
        try {
            Process p = new ProcessBuilder(SYSTEM_PYTHON, "-c", "import " + module).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs src/test/resources/dev/coarse/data/check_ensemble.py with the given arguments. */
    static String runPython(String... args) throws Exception {
        return runPythonScript("check_ensemble.py", args);
    }

    /** Runs a script of src/test/resources/dev/coarse/data/ with the given arguments; fails the test if it fails. */
    static String runPythonScript(String name, String... args) throws Exception {
        Path script = Path.of(EnsembleFileTest.class.getResource(name).toURI());
        List<String> command = new java.util.ArrayList<>(List.of(SYSTEM_PYTHON, script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("python finished").isTrue();
        assertThat(p.exitValue()).as("python %s failed:%n%s", args, output).isZero();
        return output;
    }

    @Test
    void h5pyReadsEveryLayoutWeWrite() throws Exception {
        Assumptions.assumeTrue(h5pyAvailable(), "h5py not installed (apt-get install -y python3-h5py)");
        // Large enough that level1 follows a multi-megabyte dataset, the case where jHDF layouts can break.
        Ensemble fine = ensemble("ising2d", Lattice.square(64), 2, 600, 11);
        Ensemble coarse = ensemble("ising2d", Lattice.square(32), 2, 600, 12);
        Ensemble potts3d = ensemble("potts3d", Lattice.cubic(4), 3, 10, 13);
        Ensemble chain = ensemble("ising1d", Lattice.chain(10), 2, 7, 14);
        Path levels = dir.resolve("levels.h5");
        Path potts = dir.resolve("potts3d.h5");
        Path chainFile = dir.resolve("chain.h5");
        EnsembleFile.writeLevels(levels, List.of(fine, coarse), false);
        EnsembleFile.write(potts, potts3d, false);
        EnsembleFile.write(chainFile, chain, false);
        // The script recomputes the checksum Σ_n Σ_i (i+1)·s_i (mod 2^31-1) from the data it reads.
        runPython("check", levels.toString(), "0", "600,64,64", "ising2d", Long.toString(checksum(fine)));
        runPython("check", levels.toString(), "1", "600,32,32", "ising2d", Long.toString(checksum(coarse)));
        runPython("check", potts.toString(), "0", "10,4,4,4", "potts3d", Long.toString(checksum(potts3d)));
        runPython("check", chainFile.toString(), "0", "7,10", "ising1d", Long.toString(checksum(chain)));
    }

    @Test
    void readsAFileWrittenByH5pyFollowingTheDocs() throws Exception {
        Assumptions.assumeTrue(h5pyAvailable(), "h5py not installed (apt-get install -y python3-h5py)");
        Path file = dir.resolve("from_python.h5");
        runPython("make", file.toString());
        Ensemble e = EnsembleFile.read(file);
        assertThat(e.meta().model()).isEqualTo("ising2d");
        assertThat(e.meta().linearSize()).isEqualTo(8);
        assertThat(e.meta().provenance()).containsEntry("source", "numpy");
        assertThat(e.size()).isEqualTo(100);
        // The script stores configuration n with spin i = +1 iff (n + i) is even: check a few sites.
        for (int n : new int[] {0, 1, 57, 99}) {
            for (int i : new int[] {0, 1, 13, 63}) {
                assertThat(e.configurations()[n][i]).isEqualTo((byte) ((n + i) % 2 == 0 ? 1 : -1));
            }
        }
    }

    /** docs/ensemble-format.md, whose Python snippets are run as they stand. */
    private static final Path FORMAT_DOC = Path.of("..", "docs", "ensemble-format.md");

    @Test
    void theDocumentedPythonSnippetsWork() throws Exception {
        Assumptions.assumeTrue(h5pyAvailable(), "h5py not installed (apt-get install -y python3-h5py)");
        assertThat(FORMAT_DOC).exists();
        Path ours = dir.resolve("ours.h5");
        EnsembleFile.write(ours, ensemble("ising2d", Lattice.square(6), 2, 9, 21), false);
        runPython("doc-read", FORMAT_DOC.toString(), ours.toString(), "9,6,6");
        Path theirs = dir.resolve("theirs.h5");
        runPython("doc-write", FORMAT_DOC.toString(), theirs.toString());
        Ensemble e = EnsembleFile.read(theirs);
        assertThat(e.size()).isEqualTo(20);
        assertThat(e.lattice()).isEqualTo(Lattice.square(6));
        assertThat(e.configurations()[19]).containsOnly((byte) 1);
    }

    static long checksum(Ensemble e) {
        final long modulus = 2147483647L;
        long sum = 0;
        for (byte[] c : e.configurations()) {
            for (int i = 0; i < c.length; i++) {
                sum = Math.floorMod(sum + (i + 1L) * c[i], modulus);
            }
        }
        return sum;
    }

    @Test
    @Tag("slow")
    void largeEnsembleFitsInLittleMoreThanItsSize() throws Exception {
        // 20,000 × 64×64 int8 is 82 MB of spins (84 MB as byte[] objects). A heap of 150 MB holds one copy of
        // the ensemble but not two, so writing and reading must not duplicate the configurations.
        Path file = dir.resolve("large.h5");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx150m", "-cp", System.getProperty("java.class.path"),
                LargeEnsembleInSmallHeap.class.getName(), file.toString(), "20000", "64")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(p.exitValue()).as("child JVM with -Xmx150m failed:%n%s", output).isZero();
        assertThat(Files.size(file)).isGreaterThan(20_000L * 64 * 64);
    }
}
