package dev.coarse.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.data.CheckpointDirectory;
import dev.coarse.data.EnsembleFile;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import java.nio.file.Files;
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

    private static void assertUsageError(CliRun r, String... fragments) {
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
}
