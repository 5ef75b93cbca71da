package dev.coarse.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.data.ChainBlock;
import dev.coarse.data.ChainCheckpoint;
import dev.coarse.data.ChainProgress;
import dev.coarse.data.CheckpointDirectory;
import dev.coarse.data.CoarseVersion;
import dev.coarse.data.EnsembleFile;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.CheckpointCadence;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code coarse sample --checkpoint/--resume}: an interrupted run resumed gives the uninterrupted file. */
class SampleCheckpointTest {

    @TempDir
    Path dir;

    private static String[] sample(String sampler, int l, int chains, String seed, String... more) {
        List<String> args = new ArrayList<>(List.of("sample", "--model", "ising2d", "--L", String.valueOf(l),
                "--T", "2.5", "--sampler", sampler, "--sweeps", "60", "--thermalize", "20", "--thin", "5",
                "--chains", String.valueOf(chains), "--seed", seed, "--threads", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static void assertUsageError(CliRun r, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ").endsWith("\n");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    /**
     * Leaves the checkpoint a run killed after its first {@code keptUnits} units would leave: the full
     * checkpoint of the same run (as the CLI builds it) with the later unit files removed.
     */
    private static void interruptedCheckpoint(Path checkpoint, String sampler, int l, int chains, long seed,
                                              int keptUnits) throws Exception {
        IsingModel model = IsingModel.atTemperature(Lattice.square(l), 2.5);
        RunSpec spec = new RunSpec(model, SamplerKind.forId(sampler, model), 60, 20, 5, chains, seed, 1);
        CheckpointDirectory store = CheckpointDirectory.create(checkpoint, ChainRunner.checkpointIdentity(spec));
        ChainRunner.run(spec, null, store);
        for (int unit : store.storedUnits()) {
            if (unit >= keptUnits) {
                Files.delete(store.unitFile(unit));
            }
        }
    }

    @ParameterizedTest(name = "{0}, {2} chains, {3} units stored before the kill")
    @CsvSource({"metropolis, 6, 4, 2, 2", "multispin, 4, 100, 1, 64"})
    void resumedRunWritesTheSameFileAndObservablesAsAnUninterruptedOne(String sampler, int l, int chains, int keptUnits,
                                                                     int resumedChains) throws Exception {
        Path whole = dir.resolve("whole.h5");
        CliRun uninterrupted = CliRun.quiet(sample(sampler, l, chains, "11", "--out", whole.toString(), "--json"));
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();
        assertThat(uninterrupted.json().get("resumed_chains").asInt()).isZero();

        Path resumedFile = dir.resolve("resumed.h5");
        Path checkpoint = dir.resolve("resumed.h5.checkpoint");
        interruptedCheckpoint(checkpoint, sampler, l, chains, 11, keptUnits);
        CliRun plain = CliRun.quiet(sample(sampler, l, chains, "11", "--out", resumedFile.toString()));
        assertUsageError(plain, checkpoint.toString(), "--resume", "--force");

        CliRun resumed = CliRun.quiet(sample(sampler, l, chains, "11", "--out", resumedFile.toString(), "--json",
                "--resume"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        JsonNode json = resumed.json();
        assertThat(json.get("resumed_chains").asInt()).isEqualTo(resumedChains);
        assertThat(json.get("observables")).isEqualTo(uninterrupted.json().get("observables"));
        assertThat(EnsembleFile.read(resumedFile).configurations())
                .isDeepEqualTo(EnsembleFile.read(whole).configurations());
        assertThat(checkpoint).doesNotExist();
        assertThat(dir.resolve("whole.h5.checkpoint")).doesNotExist();
    }

    @Test
    void explicitCheckpointDirectoryIsUsedAndRemovedAfterSuccess() throws Exception {
        Path checkpoint = dir.resolve("ck");
        interruptedCheckpoint(checkpoint, "metropolis", 6, 3, 5, 1);
        CliRun r = CliRun.quiet(sample("metropolis", 6, 3, "5", "--checkpoint", checkpoint.toString(), "--resume"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("resumed 1 of 3 chains from " + checkpoint);
        assertThat(checkpoint).doesNotExist();
    }

    @Test
    void resumeWithoutACheckpointIsAUsageError() {
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--resume")), "--resume needs --out or --checkpoint");
        Path out = dir.resolve("never.h5");
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--out", out.toString(), "--resume")),
                "no checkpoint in " + out + ".checkpoint");
        assertThat(out).doesNotExist();
    }

    @Test
    void resumeWithADifferentSpecIsRefusedNamingTheDifference() throws Exception {
        Path out = dir.resolve("run.h5");
        Path checkpoint = dir.resolve("run.h5.checkpoint");
        interruptedCheckpoint(checkpoint, "metropolis", 6, 3, 5, 1);
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 3, "6", "--out", out.toString(), "--resume")),
                "different run", "seed 5 there, 6 now", "drop --resume and pass --force");
        assertUsageError(CliRun.quiet(sample("heatbath", 6, 3, "5", "--out", out.toString(), "--resume")),
                "sampler metropolis there, heatbath now");
        assertThat(out).doesNotExist();
        assertThat(CheckpointDirectory.resume(checkpoint, ChainRunner.checkpointIdentity(new RunSpec(
                IsingModel.atTemperature(Lattice.square(6), 2.5), SamplerKind.METROPOLIS, 60, 20, 5, 3, 5, 1))).storedUnits())
                .as("a refused resume leaves the checkpoint as it was").containsExactly(0);
    }

    @Test
    void forceDiscardsAnExistingCheckpointAndStartsOver() throws Exception {
        Path out = dir.resolve("run.h5");
        Path checkpoint = dir.resolve("run.h5.checkpoint");
        interruptedCheckpoint(checkpoint, "metropolis", 6, 3, 99, 1); // another seed: would be refused by --resume
        CliRun r = CliRun.quiet(sample("metropolis", 6, 3, "5", "--out", out.toString(), "--force", "--json"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("resumed_chains").asInt()).isZero();
        assertThat(out).exists();
        assertThat(checkpoint).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNotACheckpointIsNeverDeleted() throws Exception {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--checkpoint", mine.toString(), "--force")),
                "not empty");
        assertThat(mine.resolve("notes.txt")).exists();
    }

    /**
     * Leaves the checkpoint a run killed in the middle of its first chain leaves: the manifest and that chain's
     * progress after 40 of its 80 sweeps (saved every 20), no finished chain.
     */
    private static CheckpointDirectory midChainCheckpoint(Path checkpoint) throws Exception {
        IsingModel model = IsingModel.atTemperature(Lattice.square(6), 2.5);
        RunSpec spec = new RunSpec(model, SamplerKind.METROPOLIS, 60, 20, 5, 2, 5, 1);
        CheckpointDirectory store = CheckpointDirectory.create(checkpoint, ChainRunner.checkpointIdentity(spec));
        // dead after the first save past sweep 40: nothing later is written (the pool may still start chain 1)
        java.util.concurrent.atomic.AtomicBoolean dead = new java.util.concurrent.atomic.AtomicBoolean();
        ChainCheckpoint killed = new ChainCheckpoint() {
            @Override
            public Optional<ChainBlock> load(int unit) throws IOException {
                return store.load(unit);
            }

            @Override
            public void save(int unit, ChainBlock block) throws IOException {
                throw new IOException("simulated kill");
            }

            @Override
            public void saveProgress(int unit, ChainProgress progress) throws IOException {
                if (dead.get() || progress.sweepsDone() > 40) {
                    dead.set(true);
                    throw new IOException("simulated kill");
                }
                store.saveProgress(unit, progress);
            }
        };
        assertThatThrownBy(() -> ChainRunner.run(spec, null, killed, new CheckpointCadence(20, Duration.ZERO)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(store.storedUnits()).isEmpty();
        assertThat(store.progressUnits()).containsExactly(0);
        return store;
    }

    @Test
    void aRunResumedMidChainWritesTheSameFileByteForByte() throws Exception {
        Path whole = dir.resolve("whole.h5");
        CliRun uninterrupted = CliRun.quiet(sample("metropolis", 6, 2, "5", "--out", whole.toString()));
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();
        Path out = dir.resolve("run.h5");
        midChainCheckpoint(dir.resolve("run.h5.checkpoint"));
        CliRun resumed = CliRun.quiet(sample("metropolis", 6, 2, "5", "--out", out.toString(), "--resume",
                "--checkpoint-sweeps", "7"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.mismatch(out, whole)).as("first differing byte").isEqualTo(-1L);
        assertThat(dir.resolve("run.h5.checkpoint")).doesNotExist();
    }

    @Test
    void aCorruptedOrTruncatedCheckpointIsRefusedInOneLine() throws Exception {
        Path out = dir.resolve("run.h5");
        Path checkpoint = dir.resolve("run.h5.checkpoint");
        CheckpointDirectory store = midChainCheckpoint(checkpoint);
        Path progress = store.progressFile(0);
        byte[] good = Files.readAllBytes(progress);
        byte[] flipped = good.clone();
        flipped[good.length / 3] ^= 0x10;
        Files.write(progress, flipped);
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--out", out.toString(), "--resume")),
                progress.toString(), "checksum mismatch", "refusing to use it", "--force");
        Files.write(progress, java.util.Arrays.copyOf(good, good.length - 100));
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--out", out.toString(), "--resume")),
                progress.toString(), "--force");
        Files.write(progress, java.util.Arrays.copyOf(good, 10));
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--out", out.toString(), "--resume")),
                "truncated", "--force");
        Path manifest = checkpoint.resolve(CheckpointDirectory.MANIFEST);
        Files.write(progress, good);
        Files.writeString(manifest, Files.readString(manifest).replace("T=2.5", "T=2.6"));
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--out", out.toString(), "--resume")),
                "damaged checkpoint manifest", "--force");
        assertThat(out).doesNotExist();
        assertThat(progress).as("a refused checkpoint is left alone").exists();
    }

    @Test
    void aCheckpointOfAnotherCoarseVersionIsRefusedInOneLine() throws Exception {
        Path out = dir.resolve("run.h5");
        Path checkpoint = dir.resolve("run.h5.checkpoint");
        midChainCheckpoint(checkpoint);
        rewriteCoarseVersion(checkpoint, "0.0.1-older");
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--out", out.toString(), "--resume")),
                "written by Coarse 0.0.1-older, this is Coarse " + CoarseVersion.get(), "resume with that version",
                "--force");
        CliRun fresh = CliRun.quiet(sample("metropolis", 6, 2, "5", "--out", out.toString(), "--force"));
        assertThat(fresh.code()).as(fresh.err()).isZero();
        assertThat(checkpoint).doesNotExist();
    }

    /** Makes the checkpoint's manifest say another Coarse wrote it, with a valid checksum (as that Coarse would). */
    static void rewriteCoarseVersion(Path checkpoint, String version) throws Exception {
        Path manifest = checkpoint.resolve(CheckpointDirectory.MANIFEST);
        String text = Files.readString(manifest);
        String body = text.substring(0, text.lastIndexOf("sha256="))
                .replace("coarse_version=" + CoarseVersion.get() + "\n", "coarse_version=" + version + "\n");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(manifest, body + "sha256=" + digest + "\n");
    }

    @Test
    void checkpointCadenceOptionsAreValidated() {
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--checkpoint-minutes", "-1")),
                "--checkpoint-minutes must be a number >= 0");
        assertUsageError(CliRun.quiet(sample("metropolis", 6, 2, "5", "--checkpoint-sweeps", "-3")),
                "--checkpoint-sweeps must be >= 0");
    }
}
