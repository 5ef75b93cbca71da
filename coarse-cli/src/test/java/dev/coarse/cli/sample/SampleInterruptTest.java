package dev.coarse.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25: Ctrl-C (here SIGTERM, which runs the same shutdown hooks) during {@code sample --out} says how to resume. */
class SampleInterruptTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedSampleEndsTheLineAndNamesResume() throws Exception {
        Path out = dir.resolve("long.h5");
        Path checkpoint = dir.resolve("long.h5.checkpoint");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.coarse.cli.CoarseMain",
                "sample", "--model", "ising2d", "--L", "32", "--T", "2.3", "--sweeps", "100000000", "--thin", "1000000",
                "--thermalize", "0", "--chains", "2", "--threads", "1", "--seed", "1", "--quiet", "--out",
                out.toString());
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.isDirectory(checkpoint) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(checkpoint).as("checkpoint created (stderr: %s)", Files.readString(stderr)).isDirectory();
            Thread.sleep(200);
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(err).contains("coarse: interrupted: finished chains and saved chain progress are kept in " + checkpoint)
                .contains("--resume").endsWith("\n");
        assertThat(out).doesNotExist();
    }
}
