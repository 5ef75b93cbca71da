package dev.coarse.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.cli.CliRun;
import dev.coarse.cli.CoarseMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25's memory guard on the commands that load an ensemble or build large arrays: a run that cannot fit is
 * refused from its arguments and its input's header, in one line with the estimate and the heap to ask for, exit 2,
 * and nothing written; the same input on an ordinary heap still runs. A heap too small for a real file is simulated
 * ({@link MemoryGuard#simulatedHeap}); the arguments no heap can hold (HOTRG at χ = 64, an Ising flow at L = 1024) are
 * refused on this JVM's own heap.
 */
class MemoryGuardCommandsTest {

    /** A heap smaller than any of the files below needs (their estimates are kilobytes). */
    private static final long TINY_HEAP = 1024;

    @TempDir
    static Path dir;

    static Path ensemble;
    static Path csv;

    @BeforeAll
    static void files() throws IOException {
        ensemble = dir.resolve("ising8.h5");
        CliRun r = CliRun.run("sample", "--model", "ising2d", "--L", "8", "--T", "2.5", "--sampler", "wolff",
                "--sweeps", "200", "--thermalize", "20", "--thin", "2", "--seed", "3", "--out", ensemble.toString(),
                "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        StringBuilder b = new StringBuilder("a,b,c,d\n");
        for (int i = 0; i < 60; i++) {
            b.append(String.format(Locale.ROOT, "%d,%d,%d,%d%n", i % 2, (i / 2) % 2, i % 3, (i * 7) % 4));
        }
        csv = Files.writeString(dir.resolve("table.csv"), b);
    }

    @AfterEach
    void realHeap() {
        MemoryGuard.simulatedHeap = 0;
    }

    private static void assertRefused(CliRun r, String... fragments) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(r.err()).startsWith("coarse: error: ").contains("needs at least", "COARSE_JAVA_OPTS=-Xmx")
                .contains(fragments);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    private static CliRun onTinyHeap(String... args) {
        MemoryGuard.simulatedHeap = TINY_HEAP;
        try {
            return CliRun.run(args);
        } finally {
            MemoryGuard.simulatedHeap = 0;
        }
    }

    @Test
    void hotrgAtTheLargestChiIsRefusedOnThisHeapAndASmallChiRuns() {
        // D⁴ + 2D⁵ doubles at D = χ = 64: 16.1 GiB, more than the tests' 4 GiB heap
        assertRefused(CliRun.run("trg", "--scheme", "hotrg", "--chi", "64", "--T", "2.269", "--steps", "8"),
                "trg --scheme hotrg --chi 64", "16.1 GiB");
        assertRefused(onTinyHeap("trg", "scan", "--chi", "8", "--steps", "4", "--T-range", "2.2:2.4:3"),
                "trg scan --scheme btrg --chi 8");
        CliRun ok = CliRun.run("trg", "--chi", "8", "--T", "2.269", "--steps", "4", "--json");
        assertThat(ok.code()).as(ok.err()).isZero();
    }

    @Test
    void flowTrainTooLargeForTheHeapWritesNoCheckpoint() {
        Path out = dir.resolve("flow.json");
        // ising2d's target holds L⁴ doubles: 8 TiB at L = 1024, refused before it is built
        assertRefused(CliRun.quiet("flow", "train", "--model", "ising2d", "--L", "1024", "--epochs", "1",
                "--out", out.toString()), "flow train --model ising2d --L 1024", "libtorch");
        assertRefused(onTinyHeap("flow", "train", "--model", "phi4", "--kappa", "0.2", "--L", "8", "--epochs", "1",
                "--out", out.toString(), "--quiet"), "flow train --model phi4 --L 8");
        assertThat(out).doesNotExist();
    }

    @Test
    void reduceTooLargeForTheHeapWritesNeitherOutNorReport() {
        Path out = dir.resolve("reduced.h5");
        Path report = dir.resolve("report");
        assertRefused(onTinyHeap("reduce", csv.toString(), "--factors", "2", "--out", out.toString(), "--report",
                report.toString()), "reduce --method corex table.csv", "60 samples × 4 values");
        assertRefused(onTinyHeap("reduce", ensemble.toString(), "--method", "rgflow", "--out", out.toString(),
                "--quiet"), "reduce --method rgflow ising8.h5", "libtorch");
        assertThat(out).doesNotExist();
        assertThat(report).doesNotExist();
        CliRun ok = CliRun.run("reduce", csv.toString(), "--factors", "2", "--out", out.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(out).exists();
    }

    @Test
    void rsmiTrainTooLargeForTheHeapIsRefusedFromTheHeaderBeforeReading() {
        Path out = dir.resolve("filter.json");
        assertRefused(onTinyHeap("rsmi", "train", ensemble.toString(), "--block", "2", "--hidden", "1", "--buffer",
                "1", "--env", "1", "--epochs", "1", "--out", out.toString()), "rsmi train ising8.h5 (400 configurations");
        assertThat(out).doesNotExist();
    }

    @Test
    void rgMcrgTooLargeForTheHeapIsRefusedFromTheHeader() {
        assertRefused(onTinyHeap("rg", "mcrg", ensemble.toString(), "--levels", "2", "--bins", "5"),
                "rg mcrg ising8.h5 (400 samples × 3 levels");
        CliRun ok = CliRun.run("rg", "mcrg", ensemble.toString(), "--levels", "2", "--bins", "5", "--operators", "2",
                "--odd-operators", "1", "--json");
        assertThat(ok.code()).as(ok.err()).isZero();
    }

    @Test
    void infoCommandsTooLargeForTheHeapAreRefusedFromTheHeader() {
        assertRefused(onTinyHeap("info", "entropy", csv.toString(), "--x", "0,1"), "info entropy table.csv");
        assertRefused(onTinyHeap("info", "mi", ensemble.toString(), "--x", "0", "--y", "1"),
                "info mi ising8.h5 (400 samples × 64 values)");
        assertRefused(onTinyHeap("info", "block", ensemble.toString(), "--block", "2", "--quiet"),
                "info block ising8.h5");
        assertRefused(onTinyHeap("info", "neural-mi", ensemble.toString(), "--x", "0", "--y", "1", "--quiet"),
                "info neural-mi ising8.h5");
        CliRun ok = CliRun.run("info", "mi", ensemble.toString(), "--x", "0", "--y", "1");
        assertThat(ok.code()).as(ok.err()).isZero();
    }
}
