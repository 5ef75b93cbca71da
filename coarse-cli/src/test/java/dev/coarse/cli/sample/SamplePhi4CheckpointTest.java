package dev.coarse.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.cli.CliRun;
import dev.coarse.data.CheckpointDirectory;
import dev.coarse.data.CoarseVersion;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.CheckpointCadence;
import dev.coarse.mc.FieldChainRunner;
import dev.coarse.mc.FieldRunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.FieldModel;
import dev.coarse.model.Phi4Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code coarse sample --model phi4|phi4c} with {@code --checkpoint}/{@code --resume} (issue 25): a field run resumed
 * from a checkpoint with a finished chain writes the uninterrupted file byte for byte; another run's checkpoint, a
 * damaged one and one of another Coarse version are refused in one line with exit 2, as for spin runs. (Kills of a
 * real process in the middle of a chain: {@link SampleKillTest}.)
 */
class SamplePhi4CheckpointTest {

    @TempDir
    Path dir;

    /** The CLI options of a small run; {@link #spec} is the same run as the CLI builds it. */
    private static String[] sample(String model, String sampler, String... more) {
        List<String> args = new ArrayList<>(List.of("sample", "--model", model));
        args.addAll(model.equals("phi4") ? List.of("--kappa", "0.2", "--lambda", "0.5")
                : List.of("--t", "0.5", "--mu", "1", "--lambda", "1"));
        args.addAll(List.of("--L", "4", "--sampler", sampler, "--sweeps", "40", "--thermalize", "10", "--thin", "4",
                "--chains", "2", "--seed", "7", "--threads", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static FieldRunSpec spec(String model, String sampler) {
        FieldModel field = model.equals("phi4") ? new Phi4Model(Lattice.square(4), 0.2, 0.5)
                : new ComplexPhi4Model(Lattice.square(4), 0.5, 1.0, 1.0);
        return FieldRunSpec.withDefaults(field, SamplerKind.forId(sampler, field), 40, 10, 4, 2, 7, 1);
    }

    /**
     * Leaves the checkpoint a run killed after its first chain finished leaves: the full checkpoint of the same run
     * (as the CLI names it) with chain 1's unit file removed.
     */
    private static CheckpointDirectory interruptedCheckpoint(Path checkpoint, String model, String sampler)
            throws Exception {
        FieldRunSpec spec = spec(model, sampler);
        CheckpointDirectory store = CheckpointDirectory.create(checkpoint, FieldChainRunner.checkpointIdentity(spec));
        FieldChainRunner.run(spec, null, store, new CheckpointCadence(7, Duration.ZERO));
        Files.delete(store.unitFile(1));
        assertThat(store.storedUnits()).containsExactly(0);
        return store;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"phi4, hmc", "phi4c, metropolis"})
    void aResumedFieldRunWritesTheUninterruptedFileByteForByte(String model, String sampler) throws Exception {
        Path whole = dir.resolve("whole.h5");
        CliRun uninterrupted = CliRun.quiet(sample(model, sampler, "--out", whole.toString(), "--json"));
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();
        assertThat(uninterrupted.json().get("resumed_chains").asInt()).isZero();
        assertThat(dir.resolve("whole.h5.checkpoint")).as("removed after success").doesNotExist();
        Path out = dir.resolve("run.h5");
        interruptedCheckpoint(dir.resolve("run.h5.checkpoint"), model, sampler);
        CliRun resumed = CliRun.quiet(sample(model, sampler, "--out", out.toString(), "--resume", "--json"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.json().get("resumed_chains").asInt()).isEqualTo(1);
        assertThat(resumed.json().get("acceptance")).isEqualTo(uninterrupted.json().get("acceptance"));
        assertThat(resumed.json().get("step_size")).isEqualTo(uninterrupted.json().get("step_size"));
        assertThat(resumed.json().get("observables")).isEqualTo(uninterrupted.json().get("observables"));
        assertThat(Files.mismatch(out, whole)).as("first differing byte").isEqualTo(-1L);
        assertThat(dir.resolve("run.h5.checkpoint")).doesNotExist();
    }

    @Test
    void resumeWithOtherCouplingsSamplerOrTrajectoryIsRefusedNamingTheDifference() throws Exception {
        Path out = dir.resolve("run.h5");
        Path checkpoint = dir.resolve("run.h5.checkpoint");
        interruptedCheckpoint(checkpoint, "phi4", "hmc");
        String[] otherKappa = sample("phi4", "hmc", "--out", out.toString(), "--resume");
        otherKappa[Arrays.asList(otherKappa).indexOf("0.2")] = "0.21";
        SampleCheckpointTest.assertUsageError(CliRun.quiet(otherKappa), "different run", "parameter.kappa 0.2 there, 0.21 now",
                "drop --resume and pass --force");
        SampleCheckpointTest.assertUsageError(CliRun.quiet(sample("phi4", "metropolis", "--out", out.toString(), "--resume")),
                "sampler hmc there, metropolis now", "target_acceptance 0.8 there, 0.5 now");
        SampleCheckpointTest.assertUsageError(CliRun.quiet(sample("phi4", "hmc", "--out", out.toString(), "--resume",
                "--trajectory-length", "2")), "trajectory_length 1.0 there, 2.0 now");
        SampleCheckpointTest.assertUsageError(CliRun.quiet(sample("phi4c", "hmc", "--out", out.toString(), "--resume")),
                "model phi4 there, phi4c now");
        SampleCheckpointTest.assertUsageError(CliRun.quiet("sample", "--model", "ising2d", "--L", "4", "--T", "2.5", "--sweeps", "40",
                "--thermalize", "10", "--thin", "4", "--chains", "2", "--seed", "7", "--out", out.toString(),
                "--resume"), "model phi4 there, ising2d now");
        SampleCheckpointTest.assertUsageError(CliRun.quiet(sample("phi4", "hmc", "--out", out.toString())),
                "pass --resume to continue it or --force to start over");
        assertThat(out).doesNotExist();
        assertThat(CheckpointDirectory.resume(checkpoint, FieldChainRunner.checkpointIdentity(spec("phi4", "hmc")))
                .storedUnits()).as("a refused resume leaves the checkpoint as it was").containsExactly(0);
    }

    @Test
    void aDamagedFieldCheckpointOrOneOfAnotherVersionIsRefusedInOneLine() throws Exception {
        Path out = dir.resolve("run.h5");
        Path checkpoint = dir.resolve("run.h5.checkpoint");
        CheckpointDirectory store = interruptedCheckpoint(checkpoint, "phi4c", "hmc");
        Path unit = store.unitFile(0);
        byte[] good = Files.readAllBytes(unit);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x01; // one bit of one stored field value
        Files.write(unit, flipped);
        SampleCheckpointTest.assertUsageError(CliRun.quiet(sample("phi4c", "hmc", "--out", out.toString(), "--resume")),
                unit.toString(), "checksum mismatch", "refusing to use it", "--force");
        Files.write(unit, Arrays.copyOf(good, 20));
        SampleCheckpointTest.assertUsageError(CliRun.quiet(sample("phi4c", "hmc", "--out", out.toString(), "--resume")),
                "truncated", "--force");
        Files.write(unit, good);
        SampleCheckpointTest.rewriteCoarseVersion(checkpoint, "0.0.1-older");
        SampleCheckpointTest.assertUsageError(CliRun.quiet(sample("phi4c", "hmc", "--out", out.toString(), "--resume")),
                "written by Coarse 0.0.1-older, this is Coarse " + CoarseVersion.get(), "resume with that version");
        assertThat(out).doesNotExist();
        CliRun fresh = CliRun.quiet(sample("phi4c", "hmc", "--out", out.toString(), "--force"));
        assertThat(fresh.code()).as(fresh.err()).isZero();
        assertThat(checkpoint).doesNotExist();
    }
}
