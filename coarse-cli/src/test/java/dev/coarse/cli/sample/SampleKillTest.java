package dev.coarse.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, in-chain checkpoints: {@code coarse sample --out} in a JVM of its own is killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) at random moments — four times, each a seeded random delay after the
 * run's checkpoint last changed, so most kills land in the middle of a chain — and then finished with
 * {@code --resume}; the file is byte for byte the one an uninterrupted run with the same seed writes. For Ising spins
 * and for the φ⁴ fields (complex with HMC, whose tuned step is part of the saved state; real with local Metropolis).
 */
class SampleKillTest {

    private static final int KILLS = 4;
    /** Delays after a checkpoint save before the kill: uniform in [0, this) milliseconds. */
    private static final int MAX_DELAY_MILLIS = 300;

    @TempDir
    Path dir;

    /**
     * The run of each case: a second or two of sampling in two chains (about 1.2–1.8 CPU-s in the C1-only child
     * JVM on the shared development machine), progress saved often. Ising: 20,100 sweeps on 16×16, saved every 100.
     * phi4c (HMC): 6,000 trajectories on 12×12, the first 300 tuning the step, saved every 100. phi4 (Metropolis):
     * 10,000 sweeps on 16×16, the first 300 tuning the width, saved every 200.
     */
    private static List<String> arguments(String model, Path out) {
        List<String> run = switch (model) {
            case "ising2d" -> List.of("--model", "ising2d", "--L", "16", "--T", "2.3", "--sweeps", "20000",
                    "--thermalize", "100", "--thin", "100", "--checkpoint-sweeps", "100");
            case "phi4c" -> List.of("--model", "phi4c", "--t", "0.38", "--mu", "-2", "--lambda", "1", "--L", "12",
                    "--sweeps", "5700", "--thermalize", "300", "--thin", "60", "--checkpoint-sweeps", "100");
            case "phi4" -> List.of("--model", "phi4", "--kappa", "0.27", "--lambda", "1", "--L", "16", "--sampler",
                    "metropolis", "--sweeps", "9700", "--thermalize", "300", "--thin", "100", "--checkpoint-sweeps", "200");
            default -> throw new IllegalArgumentException(model);
        };
        List<String> arguments = new ArrayList<>(List.of("sample"));
        arguments.addAll(run);
        arguments.addAll(List.of("--chains", "2", "--threads", "1", "--seed", "2026", "--quiet", "--out",
                out.toString()));
        return arguments;
    }

    /** Names, sizes and modification times of the checkpoint's files: changes whenever a save lands. */
    private static List<String> fingerprint(Path checkpoint) throws IOException {
        if (!Files.isDirectory(checkpoint)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(checkpoint)) {
            return files.map(p -> {
                try {
                    return p.getFileName() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toInstant();
                } catch (IOException gone) {
                    return p.getFileName() + " gone";
                }
            }).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ising2d", "phi4c", "phi4"})
    void killedFourTimesWithSigkillThenResumedTheFileIsByteIdentical(String model) throws Exception {
        Path whole = dir.resolve("whole.h5");
        CliRun uninterrupted = CliRun.run(arguments(model, whole).toArray(String[]::new));
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

        Path out = dir.resolve("killed.h5");
        Path checkpoint = dir.resolve("killed.h5.checkpoint");
        String java = ProcessHandle.current().info().command().orElse("java");
        SplittableRandom delays = new SplittableRandom(25);
        int midChainKills = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            // C1 only and the serial collector: the child starts faster and samples slower, so it is killed mid-run
            List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "dev.coarse.cli.CoarseMain"));
            command.addAll(arguments(model, out));
            if (kill > 0) {
                command.add("--resume");
            }
            List<String> before = fingerprint(checkpoint);
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (p.isAlive() && fingerprint(checkpoint).equals(before) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(delays.nextInt(MAX_DELAY_MILLIS));
                assertThat(p.isAlive()).as("run %d still sampling when killed (exit %s)", kill,
                        p.isAlive() ? "-" : p.exitValue()).isTrue();
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
            } finally {
                p.destroyForcibly();
            }
            assertThat(out).as("no output file from a killed run").doesNotExist();
            try (Stream<Path> files = Files.list(checkpoint)) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith("progress-"))) {
                    midChainKills++;
                }
            }
        }
        assertThat(midChainKills).as("kills that left a chain's progress to resume").isGreaterThanOrEqualTo(KILLS - 1);

        List<String> resume = arguments(model, out);
        resume.add("--resume");
        CliRun resumed = CliRun.run(resume.toArray(String[]::new));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.mismatch(out, whole)).as("first byte where the resumed file differs").isEqualTo(-1L);
        assertThat(checkpoint).doesNotExist();
    }
}
