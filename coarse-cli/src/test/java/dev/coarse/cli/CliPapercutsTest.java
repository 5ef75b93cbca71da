package dev.coarse.cli;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25's command-line papercuts and the memory guard: one line, exit 2, the user's own words and paths. */
class CliPapercutsTest {

    @TempDir
    Path dir;

    private static void assertOneLineUserError(CliRun r, String... fragments) {
        r.assertOneLineUserError(fragments);
    }

    @Test
    void mistypedSubcommandsAndOptionsGetASuggestion() {
        assertOneLineUserError(run("smaple", "--L", "4"), "'smaple' is not a 'coarse' command", "did you mean 'sample'");
        assertOneLineUserError(run("rg", "mcgr", "x.h5"), "did you mean 'mcrg'");
        assertOneLineUserError(run("sample", "--model", "ising2d", "--L", "8", "--T", "2", "--sweps", "3"),
                "unknown option '--sweps' for 'coarse sample'", "did you mean '--sweeps'");
        assertOneLineUserError(run("zzzzzzzz"), "'zzzzzzzz' is not a 'coarse' command");
    }

    @Test
    void aSampleLargerThanTheHeapIsRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("x.h5");
        CliRun r = run("sample", "--model", "ising2d", "--L", "20000", "--T", "2.5", "--out", out.toString(),
                "--quiet");
        assertOneLineUserError(r, "sample --L 20000", "needs at least", "COARSE_JAVA_OPTS=-Xmx");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("x.h5.checkpoint")).doesNotExist();
    }

    @Test
    void outInsideAFileNamesTheUsersPath() throws Exception {
        Path keep = Files.writeString(dir.resolve("keep.h5"), "precious");
        CliRun r = run("sample", "--model", "ising2d", "--L", "4", "--T", "2", "--sweeps", "10", "--thin", "1",
                "--out", keep.resolve("x.h5").toString(), "--quiet");
        assertOneLineUserError(r, "--out " + keep.resolve("x.h5"), keep + " is a file, not a directory");
        assertThat(r.err()).doesNotContain(".checkpoint");
        assertThat(Files.readString(keep)).isEqualTo("precious");
    }

    @Test
    void helpJsonDescribesEveryCommandAsJson() throws Exception {
        CliRun r = run("help", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode root = r.json();
        assertThat(root.get("name").asText()).isEqualTo("coarse");
        java.util.List<String> names = new java.util.ArrayList<>();
        root.get("subcommands").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).contains("coarse sample", "coarse rg", "coarse run", "coarse info");
        CliRun mcrg = run("help", "rg", "mcrg", "--json");
        assertThat(mcrg.json().get("name").asText()).isEqualTo("coarse rg mcrg");
        assertThat(mcrg.json().get("options").toString()).contains("--encoding").doesNotContain("${DEFAULT-VALUE}");
        assertThat(run("help", "rg", "mcrg").out()).contains("Usage: coarse rg mcrg");
        assertOneLineUserError(run("help", "nope"), "'nope' is not a 'coarse' command");
    }

    @Test
    void outOfMemoryIsOneLineNamingTheHeapOption() {
        String line = CoarseMain.outOfMemory(4L << 30);
        assertThat(line).startsWith("coarse: error: out of memory").contains("4 GiB").contains("-Xmx8g")
                .doesNotContain("\n");
        assertThat(CoarseMain.outOfMemory(64L << 20)).contains("the Java heap is 64.0 MiB").contains("-Xmx2g");
    }
}
