package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.data.ChainBlock;
import dev.coarse.data.ChainCheckpoint;
import dev.coarse.data.ChainProgress;
import dev.coarse.data.CheckpointDirectory;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkpoint/resume of {@link ChainRunner#run(RunSpec, Progress, ChainCheckpoint)}: a run killed after k of
 * its units (simulated by a store whose (k+1)-th save fails) and resumed from the directory gives exactly the
 * uninterrupted run's output.
 */
class ChainRunnerCheckpointTest {

    private static final IsingModel ISING = IsingModel.atTemperature(Lattice.square(6), 2.5);
    private static final PottsModel POTTS = new PottsModel(Lattice.square(6), 3, 1.2);
    /** 4×4 Ising for multispin: 100 chains = 2 replica groups (64 + 36). */
    private static final IsingModel SMALL = IsingModel.atTemperature(Lattice.square(4), 2.27);

    @TempDir
    Path dir;

    /** Delegates to a store and fails (like a killed process) on the save after the first {@code allowed}. */
    private static final class Killing implements ChainCheckpoint {
        private final ChainCheckpoint store;
        private final int allowed;
        final AtomicInteger saves = new AtomicInteger();

        Killing(ChainCheckpoint store, int allowed) {
            this.store = store;
            this.allowed = allowed;
        }

        @Override
        public Optional<ChainBlock> load(int unit) throws IOException {
            return store.load(unit);
        }

        @Override
        public void save(int unit, ChainBlock block) throws IOException {
            if (saves.getAndIncrement() >= allowed) {
                throw new IOException("simulated kill before saving unit " + unit);
            }
            store.save(unit, block);
        }
    }

    @ParameterizedTest(name = "{0}/{1}: {3} of {2} chains done before the kill")
    @CsvSource({"ising, METROPOLIS, 5, 2", "potts, WOLFF, 4, 3", "ising, SWENDSEN_WANG, 3, 0", "dimers, WORM, 3, 1"})
    void resumedScalarRunIsByteIdenticalToAnUninterruptedOne(String which, SamplerKind sampler, int chains,
            int killedAfter)
            throws IOException {
        // dimers: two bytes per site, which the shape check once took for a wrong shape (2026-12-07)
        Model model = switch (which) {
            case "ising" -> ISING;
            case "potts" -> POTTS;
            default -> new DimerModel(Lattice.square(4), -1.0, 1.0);
        };
        RunSpec spec = new RunSpec(model, sampler, 40, 10, 4, chains, 99L, 1);
        assertResumeIsExact(spec, killedAfter, killedAfter);
    }

    @Test
    void resumedMultispinRunOfTwoGroupsIsByteIdenticalToAnUninterruptedOne() throws IOException {
        RunSpec spec = new RunSpec(SMALL, SamplerKind.MULTISPIN, 30, 10, 3, 100, 7L, 1);
        assertThat(ChainRunner.chainsPerUnit(spec)).isEqualTo(64);
        assertThat(ChainRunner.unitChains(spec, 1)).isEqualTo(36);
        assertResumeIsExact(spec, 1, 64);
    }

    /** Kills {@code spec} (1 thread: units finish in order) after {@code killedAfter} units, resumes on 2 threads. */
    private void assertResumeIsExact(RunSpec spec, int killedAfter, int chainsDoneBeforeKill) throws IOException {
        ChainResult uninterrupted = ChainRunner.run(spec, null);
        int units = (spec.chains() + ChainRunner.chainsPerUnit(spec) - 1) / ChainRunner.chainsPerUnit(spec);

        CheckpointDirectory created = CheckpointDirectory.create(dir, ChainRunner.checkpointIdentity(spec));
        Killing killing = new Killing(created, killedAfter);
        assertThatThrownBy(() -> ChainRunner.run(spec, null, killing))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("simulated kill");
        assertThat(created.storedUnits()).isEqualTo(IntStream.range(0, killedAfter).boxed().toList());

        RunSpec otherThreads = new RunSpec(spec.model(), spec.sampler(), spec.sweeps(), spec.thermalize(), spec.thin(),
                spec.chains(), spec.seed(), 2);
        CheckpointDirectory reopened = CheckpointDirectory.resume(dir, ChainRunner.checkpointIdentity(otherThreads));
        Killing counting = new Killing(reopened, Integer.MAX_VALUE);
        AtomicLong first = new AtomicLong(-1);
        AtomicLong max = new AtomicLong();
        ChainResult resumed = ChainRunner.run(otherThreads, (done, total) -> {
            first.compareAndSet(-1, done);
            max.accumulateAndGet(done, Math::max);
        }, counting);

        assertThat(counting.saves.get()).as("only the missing units run").isEqualTo(units - killedAfter);
        long chainSweeps = spec.thermalize() + spec.sweeps();
        assertThat(first.get()).as("progress starts after the restored chains")
                .isGreaterThanOrEqualTo(chainsDoneBeforeKill * chainSweeps);
        assertThat(max.get()).isEqualTo(spec.totalSweeps());
        assertThat(resumed.configurations()).isDeepEqualTo(uninterrupted.configurations());
        assertThat(resumed.energyPerSite()).isDeepEqualTo(uninterrupted.energyPerSite());
        assertThat(resumed.magnetizationPerSite()).isDeepEqualTo(uninterrupted.magnetizationPerSite());
        assertThat(Observables.measure(resumed)).isEqualTo(Observables.measure(uninterrupted));
        assertThat(reopened.storedUnits()).hasSize(units);

        // a second resume of the complete checkpoint runs nothing and still gives the same output
        Killing none = new Killing(reopened, 0);
        ChainResult again = ChainRunner.run(spec, null, none);
        assertThat(none.saves.get()).isZero();
        assertThat(again.configurations()).isDeepEqualTo(uninterrupted.configurations());
    }

    @Test
    void resumeWithADifferentSpecIsRefusedNamingEachDifference() throws IOException {
        RunSpec spec = new RunSpec(ISING, SamplerKind.METROPOLIS, 40, 10, 4, 3, 99L, 1);
        CheckpointDirectory.create(dir, ChainRunner.checkpointIdentity(spec));
        RunSpec other = new RunSpec(IsingModel.atTemperature(Lattice.square(6), 2.4), SamplerKind.METROPOLIS, 80, 10, 4, 3, 5L, 2);
        assertThatThrownBy(() -> CheckpointDirectory.resume(dir, ChainRunner.checkpointIdentity(other)))
                .isInstanceOf(CheckpointDirectory.MismatchException.class)
                .hasMessageContaining("different run")
                .hasMessageContaining("T 2.5 there, 2.4 now")
                .hasMessageContaining("sweeps 40 there, 80 now")
                .hasMessageContaining("seed 99 there, 5 now")
                .hasMessageNotContaining("thin");
        RunSpec potts = new RunSpec(POTTS, SamplerKind.METROPOLIS, 40, 10, 4, 3, 99L, 1);
        assertThatThrownBy(() -> CheckpointDirectory.resume(dir, ChainRunner.checkpointIdentity(potts)))
                .hasMessageContaining("model ising2d there, potts2d now")
                .hasMessageContaining("q absent there, 3 now")
                .hasMessageContaining("h 0.0 there, absent now");
        // threads are not part of the identity
        RunSpec moreThreads = new RunSpec(ISING, SamplerKind.METROPOLIS, 40, 10, 4, 3, 99L, 2);
        assertThat(CheckpointDirectory.resume(dir, ChainRunner.checkpointIdentity(moreThreads)).storedUnits()).isEmpty();
    }

    @Test
    void aStoredUnitOfTheWrongShapeIsRefused() throws IOException {
        RunSpec spec = new RunSpec(ISING, SamplerKind.METROPOLIS, 40, 10, 4, 2, 99L, 1);
        CheckpointDirectory store = CheckpointDirectory.create(dir, ChainRunner.checkpointIdentity(spec));
        byte[][] configurations = new byte[3][36];
        store.save(1, new ChainBlock(1, configurations, new double[1][3], new double[1][3]));
        assertThatThrownBy(() -> ChainRunner.run(spec, null, store))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("checkpoint unit 1 holds chains 1+1 × 3 samples");
    }

    @Test
    void identityListsWhatDeterminesTheOutputAndNotTheThreads() {
        RunSpec spec = new RunSpec(ISING, SamplerKind.WOLFF, 40, 10, 4, 3, 99L, 2);
        assertThat(List.copyOf(ChainRunner.checkpointIdentity(spec).keySet())).containsExactly("model", "dimension",
                "L", "T", "h", "sampler", "sweeps", "thermalize", "thin", "chains", "seed", "generator",
                "chains_per_unit");
    }

    @Test
    void multispinCheckpointsRecordTheBlockWidthOnTheSquareLattice() throws IOException {
        RunSpec wide = new RunSpec(ISING, SamplerKind.MULTISPIN, 40, 10, 4, 70, 99L, 1);
        RunSpec narrow = new RunSpec(ISING, SamplerKind.MULTISPIN_NARROW, 40, 10, 4, 70, 99L, 1);
        assertThat(ChainRunner.checkpointIdentity(wide)).containsEntry("multispin_block_sites", "8");
        assertThat(ChainRunner.checkpointIdentity(narrow)).containsEntry("multispin_block_sites", "4");
        RunSpec cubic = new RunSpec(IsingModel.atTemperature(Lattice.cubic(4), 4.5), SamplerKind.MULTISPIN, 40, 10, 4, 70, 99L, 1);
        assertThat(ChainRunner.checkpointIdentity(cubic)).doesNotContainKey("multispin_block_sites");
        // a checkpoint of the four-site chain that multispin ran before the key existed is not continued
        Map<String, String> before = new LinkedHashMap<>(ChainRunner.checkpointIdentity(wide));
        before.remove("multispin_block_sites");
        CheckpointDirectory.create(dir, before);
        assertThatThrownBy(() -> CheckpointDirectory.resume(dir, ChainRunner.checkpointIdentity(wide)))
                .isInstanceOf(CheckpointDirectory.MismatchException.class)
                .hasMessageContaining("multispin_block_sites absent there, 8 now");
    }

    /**
     * In-chain checkpoints: a run saving every unit's progress every 7 sweeps (and, in the second pass, after every
     * step by time as well) gives the plain run's output, and a run resumed from any one saved progress — its unit
     * continued from there, the others run afresh — gives it too, for every sampler and lattice the runner takes.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"METROPOLIS, square", "METROPOLIS, chain", "METROPOLIS, cubic", "HEAT_BATH, square", "WOLFF, square",
        "SWENDSEN_WANG, square", "METROPOLIS, potts", "WOLFF, potts", "WORM, dimers", "MULTISPIN, square",
        "MULTISPIN_NARROW, square", "MULTISPIN, chain", "MULTISPIN, cubic"})
    void aRunResumedFromAnySavedProgressIsByteIdentical(SamplerKind sampler, String lattice) {
        Model model = switch (lattice) {
            case "square" -> SMALL;
            case "chain" -> IsingModel.atTemperature(Lattice.chain(8), 1.5);
            case "cubic" -> IsingModel.atTemperature(Lattice.cubic(4), 4.5);
            case "potts" -> POTTS;
            case "dimers" -> new DimerModel(Lattice.square(4), -1.0, 1.0);
            default -> throw new IllegalArgumentException(lattice);
        };
        int chains = sampler.isMultispin() ? 70 : 2;
        RunSpec spec = new RunSpec(model, sampler, 40, 10, 4, chains, 31L, 1);
        ChainResult plain = ChainRunner.run(spec, null);
        for (CheckpointCadence cadence : List.of(new CheckpointCadence(7, Duration.ZERO),
                new CheckpointCadence(7, Duration.ofNanos(1)))) {
            RecordingCheckpoint recording = new RecordingCheckpoint();
            ChainResult saving = ChainRunner.run(spec, null, recording, cadence);
            assertSame(saving, plain);
            int units = (chains + ChainRunner.chainsPerUnit(spec) - 1) / ChainRunner.chainsPerUnit(spec);
            assertThat(recording.saved).as("progress saved at sweeps 7, 14, …, 49 of each unit")
                    .hasSizeGreaterThanOrEqualTo(7 * units);
            if (cadence.interval().isZero()) {
                assertThat(recording.saved.stream().map(e -> e.getValue().sweepsDone()).distinct().sorted().toList())
                        .containsExactly(7L, 14L, 21L, 28L, 35L, 42L, 49L);
            }
            for (Map.Entry<Integer, ChainProgress> entry : recording.saved) {
                RecordingCheckpoint resuming = new RecordingCheckpoint();
                resuming.resumeFrom.put(entry.getKey(), entry.getValue());
                ChainResult resumed = ChainRunner.run(spec, null, resuming, CheckpointCadence.NEVER);
                assertSame(resumed, plain);
            }
        }
    }

    private static void assertSame(ChainResult actual, ChainResult expected) {
        assertThat(actual.configurations()).isDeepEqualTo(expected.configurations());
        assertThat(actual.energyPerSite()).isDeepEqualTo(expected.energyPerSite());
        assertThat(actual.magnetizationPerSite()).isDeepEqualTo(expected.magnetizationPerSite());
    }

    @Test
    void savedProgressOfTheWrongShapeIsRefused() {
        RunSpec spec = new RunSpec(ISING, SamplerKind.METROPOLIS, 40, 10, 4, 2, 99L, 1);
        RecordingCheckpoint store = new RecordingCheckpoint();
        // after 30 sweeps a chain has kept 5 samples, not 2
        ChainBlock two = new ChainBlock(1, new byte[2][36], new double[1][2], new double[1][2]);
        store.resumeFrom.put(1, new ChainProgress(30, two, new byte[68]));
        assertThatThrownBy(() -> ChainRunner.run(spec, null, store))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("checkpoint progress of unit 1");
    }
}
