package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.data.ChainBlock;
import dev.coarse.data.ChainCheckpoint;
import dev.coarse.data.ChainProgress;
import dev.coarse.data.CheckpointDirectory;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.FieldModel;
import dev.coarse.model.Phi4Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkpoints inside a field chain (issue 25): {@link FieldChainRunner} interrupted at any saved update — during the
 * step tuning of thermalisation or in production — and resumed gives exactly the uninterrupted run's fields, series,
 * acceptances, steps and leapfrog counts, for HMC and local Metropolis on real and complex φ⁴; through a real
 * {@link CheckpointDirectory} as well as in memory.
 */
class FieldChainRunnerCheckpointTest {

    @TempDir
    Path dir;

    private static FieldModel model(String which) {
        return switch (which) {
            case "phi4" -> new Phi4Model(Lattice.square(4), 0.2, 0.5);
            case "phi4c" -> new ComplexPhi4Model(Lattice.square(4), 0.5, 1.0, 1.0);
            default -> throw new IllegalArgumentException(which);
        };
    }

    /** Two chains, 10 tuning updates then 40 kept every 4th: saves every 7 updates fall in both phases. */
    private static FieldRunSpec spec(String which, SamplerKind sampler) {
        return FieldRunSpec.withDefaults(model(which), sampler, 40, 10, 4, 2, 31L, 1);
    }

    private static void assertSame(FieldChainResult actual, FieldChainResult expected) {
        assertThat(actual.configurations()).isDeepEqualTo(expected.configurations());
        assertThat(actual.actionPerSite()).isDeepEqualTo(expected.actionPerSite());
        assertThat(actual.fieldSquaredPerSite()).isDeepEqualTo(expected.fieldSquaredPerSite());
        assertThat(actual.absMagnetizationPerSite()).isDeepEqualTo(expected.absMagnetizationPerSite());
        assertThat(actual.acceptance()).isEqualTo(expected.acceptance());
        assertThat(actual.stepSize()).isEqualTo(expected.stepSize());
        assertThat(actual.leapfrogSteps()).isEqualTo(expected.leapfrogSteps());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"phi4, HMC", "phi4, METROPOLIS", "phi4c, HMC", "phi4c, METROPOLIS"})
    void aChainResumedFromAnySavedUpdateIsBitIdentical(String which, SamplerKind sampler) {
        FieldRunSpec spec = spec(which, sampler);
        FieldChainResult plain = FieldChainRunner.run(spec, null);
        assertThat(plain.stepSize()[0]).as("the step was tuned away from its start")
                .isNotEqualTo(sampler == SamplerKind.HMC ? HybridMonteCarlo.INITIAL_STEP : 1.0);
        RecordingCheckpoint recording = new RecordingCheckpoint();
        assertSame(FieldChainRunner.run(spec, null, recording, new CheckpointCadence(7, Duration.ZERO)), plain);
        assertThat(recording.saved.stream().map(e -> e.getValue().sweepsDone()).distinct().sorted().toList())
                .as("progress saved at updates 7 (tuning) … 49 (production) of each chain")
                .containsExactly(7L, 14L, 21L, 28L, 35L, 42L, 49L);
        assertThat(recording.saved).hasSize(14);
        assertThat(recording.units).hasSize(2);
        for (Map.Entry<Integer, ChainProgress> entry : recording.saved) {
            RecordingCheckpoint resuming = new RecordingCheckpoint();
            resuming.resumeFrom.put(entry.getKey(), entry.getValue());
            assertSame(FieldChainRunner.run(spec, null, resuming, CheckpointCadence.NEVER), plain);
        }
        // a finished chain restored from its unit: its samples and its frozen step and acceptance come back
        RecordingCheckpoint finished = new RecordingCheckpoint();
        finished.units.put(1, recording.units.get(1));
        assertSame(FieldChainRunner.run(spec, null, finished, CheckpointCadence.NEVER), plain);
    }

    /** A checkpoint directory whose progress saves fail (like a killed process) after the first {@code allowed}. */
    private static final class Killing implements ChainCheckpoint {
        private final CheckpointDirectory store;
        private final int allowed;
        private final AtomicInteger saves = new AtomicInteger();

        Killing(CheckpointDirectory store, int allowed) {
            this.store = store;
            this.allowed = allowed;
        }

        @Override
        public Optional<ChainBlock> load(int unit) throws IOException {
            return store.load(unit);
        }

        @Override
        public void save(int unit, ChainBlock block) throws IOException {
            store.save(unit, block);
        }

        @Override
        public void saveProgress(int unit, ChainProgress progress) throws IOException {
            if (saves.getAndIncrement() >= allowed) {
                throw new IOException("simulated kill after " + allowed + " saves");
            }
            store.saveProgress(unit, progress);
        }
    }

    @ParameterizedTest(name = "{0}, {1}: killed after {2} saves")
    @CsvSource({"phi4, HMC, 1", "phi4, METROPOLIS, 9", "phi4c, HMC, 10", "phi4c, METROPOLIS, 3"})
    void aRunKilledAtUpdateKAndResumedFromItsDirectoryIsBitIdentical(String which, SamplerKind sampler, int allowed)
            throws IOException {
        FieldRunSpec spec = spec(which, sampler);
        FieldChainResult plain = FieldChainRunner.run(spec, null);
        Map<String, String> identity = FieldChainRunner.checkpointIdentity(spec);
        Path checkpoint = dir.resolve(which + "-" + sampler + ".checkpoint");
        Killing killing = new Killing(CheckpointDirectory.create(checkpoint, identity), allowed);
        CheckpointCadence everySeven = new CheckpointCadence(7, Duration.ZERO);
        // one thread: chain 0 runs (7 saves) and finishes before chain 1, so 9 saves kill chain 1 at update 14
        assertThatThrownBy(() -> FieldChainRunner.run(spec, null, killing, everySeven))
                .hasStackTraceContaining("simulated kill");
        CheckpointDirectory resumed = CheckpointDirectory.resume(checkpoint, identity);
        assertThat(resumed.progressUnits()).as("a chain's progress is left to continue").isNotEmpty();
        assertSame(FieldChainRunner.run(spec, null, resumed, everySeven), plain);
    }

    @Test
    void identityNamesTheCouplingsSamplerSettingsAndSeedButNotTheThreads() {
        FieldRunSpec hmc = spec("phi4c", SamplerKind.HMC);
        Map<String, String> id = FieldChainRunner.checkpointIdentity(hmc);
        assertThat(id).containsEntry("model", "phi4c").containsEntry("parameter.mu", "1.0")
                .containsEntry("parameter.t", "0.5").containsEntry("parameter.lambda", "1.0")
                .containsEntry("sampler", "hmc").containsEntry("sweeps", "40").containsEntry("seed", "31")
                .containsEntry("target_acceptance", "0.8").containsEntry("trajectory_length", "1.0")
                .doesNotContainKey("threads");
        FieldRunSpec fourThreads = FieldRunSpec.withDefaults(model("phi4c"), SamplerKind.HMC, 40, 10, 4, 2, 31L, 4);
        assertThat(FieldChainRunner.checkpointIdentity(fourThreads)).isEqualTo(id);
        FieldRunSpec longer = new FieldRunSpec(model("phi4c"), SamplerKind.HMC, 40, 10, 4, 2, 31L, 1, 0.8, 2.0);
        assertThat(FieldChainRunner.checkpointIdentity(longer)).containsEntry("trajectory_length", "2.0");
        assertThat(FieldChainRunner.checkpointIdentity(spec("phi4", SamplerKind.METROPOLIS)))
                .containsEntry("parameter.kappa", "0.2").containsEntry("target_acceptance", "0.5")
                .doesNotContainKey("trajectory_length");
    }

    @Test
    void aSavedChainThatDoesNotFitTheRunIsRefused() {
        FieldRunSpec spec = spec("phi4", SamplerKind.HMC);
        RecordingCheckpoint recording = new RecordingCheckpoint();
        FieldChainRunner.run(spec, null, recording, new CheckpointCadence(7, Duration.ZERO));
        // the progress of a 4×4 real chain offered to a complex run of the same size: twice the field
        ChainProgress real = recording.saved.get(0).getValue();
        FieldRunSpec complex = spec("phi4c", SamplerKind.HMC);
        RecordingCheckpoint wrong = new RecordingCheckpoint();
        wrong.resumeFrom.put(0, real);
        assertThatThrownBy(() -> FieldChainRunner.run(complex, null, wrong, CheckpointCadence.NEVER))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("checkpoint progress of chain 0").hasMessageContaining("does not fit");
        // a finished chain whose samples are spin-sized (one byte per site)
        RecordingCheckpoint spins = new RecordingCheckpoint();
        spins.units.put(1, new ChainBlock(1, new byte[10][16], new double[1][10], new double[1][10]));
        assertThatThrownBy(() -> FieldChainRunner.run(spec, null, spins, CheckpointCadence.NEVER))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("checkpoint unit 1");
    }
}
