package dev.coarse.mc;

import dev.coarse.data.ChainBlock;
import dev.coarse.data.ChainCheckpoint;
import dev.coarse.data.ChainProgress;
import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Runs independent Markov chains in parallel with reproducible random streams.
 *
 * <p>Semantics of {@link #run}: a root {@value #GENERATOR} generator is seeded with {@code spec.seed()}
 * and split once per chain, in chain order, before any thread starts; chain c uses only its own stream.
 * Each chain draws a uniformly random ("hot") initial configuration from its stream, performs
 * {@code thermalize} sweeps, then {@code sweeps} sweeps, copying the configuration after every
 * {@code thin}-th of them and recording its energy and magnetisation per site. Chains are distributed over
 * a fixed pool of {@code threads} threads; since no stream is shared, the result for a seed is
 * byte-identical for every thread count. If a chain fails or the caller is interrupted, the other chains
 * are interrupted and stop at their next progress point (about 1% of a chain).
 *
 * <p>The unit of work is a {@link ChainGroup} ({@link SamplerKind#chainGroup}): one chain for a per-configuration
 * sampler, 64 replicas for a multi-spin kind (see {@link RunSpec}), chain c being replica c mod 64 of group
 * ⌊c/64⌋. Group g draws all its randomness, its hot start included, from the g-th stream split from the root, so
 * the result is again independent of the thread count (parallelism is over groups).
 *
 * <p>Checkpoints: {@link #run(RunSpec, Progress, ChainCheckpoint)} skips the units (chain groups) a
 * {@link ChainCheckpoint} already holds and saves each unit as it finishes. Because the streams of
 * all chains are split before anything runs, a unit's output depends only on the spec and its index, so a
 * resumed run is byte-identical to an uninterrupted one.
 *
 * <p>In-chain checkpoints: {@link #run(RunSpec, Progress, ChainCheckpoint, CheckpointCadence)} also saves an
 * unfinished unit's progress ({@link ChainProgress}: sweeps done, samples kept, the group's state with its generator
 * state, {@link ChainGroup#saveState}) as often as the {@link CheckpointCadence} says, and a resumed run continues such
 * a unit from there. The streams are {@link ResumableStream}s, the JDK's {@value #GENERATOR} with its state exposed,
 * so the continued unit is bit-identical too.
 */
public final class ChainRunner {

    /** The splittable generator algorithm of the per-chain streams. */
    public static final String GENERATOR = "L64X128MixRandom";

    /** Progress is reported about this many times per chain. */
    private static final int REPORTS_PER_CHAIN = 100;

    private ChainRunner() {
    }

    /**
     * The per-chain random streams of a seed, in chain order (exactly those {@link #run} uses): splits of a
     * {@value #GENERATOR} root, as {@link ResumableStream}s.
     */
    public static List<RandomGenerator> chainStreams(long seed, int chains) {
        ResumableStream root = ResumableStream.seeded(seed);
        List<RandomGenerator> streams = new ArrayList<>(chains);
        for (int c = 0; c < chains; c++) {
            streams.add(root.split());
        }
        return streams;
    }

    /**
     * A uniformly random configuration of {@code model} drawn from {@code rng}: ±1 spins or Potts labels site by site.
     * Close-packed dimers have no such simple draw: they start from the columnar covering (drawing nothing) and the
     * worm decorrelates them.
     */
    public static byte[] randomConfiguration(Model model, RandomGenerator rng) {
        if (model instanceof DimerModel dimers) {
            return dimers.columnarCovering();
        }
        int n = model.lattice().siteCount();
        byte[] c = new byte[n];
        int q = model.statesPerSite();
        boolean ising = model instanceof IsingModel;
        for (int i = 0; i < n; i++) {
            c[i] = ising ? (rng.nextBoolean() ? (byte) 1 : (byte) -1) : (byte) rng.nextInt(q);
        }
        return c;
    }

    /**
     * Runs {@code spec}; {@code progress} may be null.
     *
     * @throws IllegalStateException if the run is interrupted or a chain fails
     */
    public static ChainResult run(RunSpec spec, Progress progress) {
        return run(spec, progress, null);
    }

    /**
     * Runs {@code spec}, skipping the units already stored in {@code checkpoint} and saving each unit that
     * finishes; {@code progress} and {@code checkpoint} may be null. A unit is one chain, or for
     * a multi-spin sampler one 64-replica group (unit g = chains 64g … 64g+63, the last one possibly
     * fewer): see {@link #chainsPerUnit}. Since a unit's output depends only on the spec's identity
     * ({@link #checkpointIdentity}) and its index, a run resumed from any subset of stored units is
     * byte-identical to an uninterrupted one. Progress starts at the sweeps of the units restored.
     *
     * @throws IllegalStateException if the run is interrupted or a chain fails
     * @throws UncheckedIOException  if the checkpoint cannot be read or written, or holds a unit whose shape
     *                               does not fit {@code spec}
     */
    public static ChainResult run(RunSpec spec, Progress progress, ChainCheckpoint checkpoint) {
        return run(spec, progress, checkpoint, CheckpointCadence.DEFAULT);
    }

    /**
     * As {@link #run(RunSpec, Progress, ChainCheckpoint)}, and saves the progress of unfinished units to
     * {@code checkpoint} as {@code cadence} says; a unit whose progress the checkpoint holds continues from it. A
     * group that cannot save its state ({@link ChainGroup#saveState} empty) is saved only when it finishes.
     *
     * @throws IllegalStateException if the run is interrupted or a chain fails
     * @throws UncheckedIOException  if the checkpoint cannot be read or written, or holds a unit or progress whose
     *                               shape does not fit {@code spec}
     */
    public static ChainResult run(RunSpec spec, Progress progress, ChainCheckpoint checkpoint,
                                  CheckpointCadence cadence) {
        long start = System.nanoTime();
        int chains = spec.chains();
        int samples = spec.samplesPerChain();
        int perUnit = chainsPerUnit(spec);
        int units = (chains + perUnit - 1) / perUnit;
        byte[][] configurations = new byte[chains * samples][];
        double[][] energy = new double[chains][samples];
        double[][] magnetization = new double[chains][samples];
        boolean[] restored = new boolean[units];
        long restoredSweeps = 0;
        for (int u = 0; u < units && checkpoint != null; u++) {
            restored[u] = restore(spec, checkpoint, u, configurations, energy, magnetization);
            if (restored[u]) {
                restoredSweeps += unitChains(spec, u) * (spec.thermalize() + spec.sweeps());
            }
        }
        ChainProgress[] partial = new ChainProgress[units];
        for (int u = 0; u < units && checkpoint != null; u++) {
            if (!restored[u]) {
                partial[u] = restoreProgress(spec, checkpoint, u, configurations, energy, magnetization);
                if (partial[u] != null) {
                    restoredSweeps += unitChains(spec, u) * partial[u].sweepsDone();
                }
            }
        }
        AtomicLong done = new AtomicLong(restoredSweeps);
        if (progress != null && restoredSweeps > 0) {
            progress.advance(restoredSweeps, spec.totalSweeps());
        }
        List<RandomGenerator> streams = chainStreams(spec.seed(), units);
        int[] pending = IntStream.range(0, units).filter(u -> !restored[u]).toArray();
        TaskPool.run("sampling", pending.length, spec.threads(), k -> {
            int unit = pending[k];
            ChainGroup group = spec.sampler().chainGroup(spec.model(), streams.get(unit));
            long swept = 0;
            if (partial[unit] != null) {
                group.restoreState(partial[unit].groupState());
                swept = partial[unit].sweepsDone();
            }
            Saver saver = checkpoint == null || !cadence.saves() ? null
                    : new Saver(spec, checkpoint, cadence, unit, configurations, energy, magnetization);
            runGroup(spec, group, unit, swept, configurations, energy, magnetization, done, progress, saver);
            save(spec, checkpoint, unit, configurations, energy, magnetization);
        });
        return new ChainResult(spec, configurations, energy, magnetization, System.nanoTime() - start);
    }

    /** Chains per checkpoint unit: those of one {@link ChainGroup} ({@link SamplerKind#chainsPerGroup}). */
    public static int chainsPerUnit(RunSpec spec) {
        return spec.sampler().chainsPerGroup();
    }

    /** Chains of checkpoint unit {@code unit} of {@code spec} (fewer than {@link #chainsPerUnit} in the last group). */
    public static int unitChains(RunSpec spec, int unit) {
        int perUnit = chainsPerUnit(spec);
        return Math.min(perUnit, spec.chains() - unit * perUnit);
    }

    /**
     * What determines a run's output, as the manifest of a checkpoint records it: model, dimension, L, T, h
     * (Ising) or q (Potts), sampler, sweeps, thermalize, thin, chains, seed, the stream generator, the unit
     * size, and for a multi-spin sampler on the square lattice the sites per block (so a checkpoint of the
     * four-site chain that {@code multispin} ran before 2026-11-24 is refused, not continued with another chain);
     * not the thread count, which does not change the output. Doubles are written with
     * {@link Double#toString}, which round-trips exactly.
     */
    public static Map<String, String> checkpointIdentity(RunSpec spec) {
        Model model = spec.model();
        Map<String, String> id = new LinkedHashMap<>();
        id.put("model", model.name());
        id.put("dimension", String.valueOf(model.lattice().dimension()));
        id.put("L", String.valueOf(model.lattice().linearSize()));
        id.put("T", Double.toString(model.temperature()));
        if (model instanceof IsingModel ising) {
            id.put("h", Double.toString(ising.field()));
        }
        if (model instanceof PottsModel potts) {
            id.put("q", String.valueOf(potts.q()));
        }
        if (model instanceof DimerModel dimers) {
            id.put("v", Double.toString(dimers.v()));
        }
        id.put("sampler", spec.sampler().id());
        id.put("sweeps", String.valueOf(spec.sweeps()));
        id.put("thermalize", String.valueOf(spec.thermalize()));
        id.put("thin", String.valueOf(spec.thin()));
        id.put("chains", String.valueOf(spec.chains()));
        id.put("seed", String.valueOf(spec.seed()));
        id.put("generator", GENERATOR);
        id.put("chains_per_unit", String.valueOf(chainsPerUnit(spec)));
        if (spec.sampler().isMultispin() && model.lattice().dimension() == 2) {
            id.put("multispin_block_sites", String.valueOf(spec.sampler().multispinWidth(model.lattice()).sites()));
        }
        return id;
    }

    /** Copies unit {@code unit} from the checkpoint into the result arrays; false if it is not stored. */
    private static boolean restore(RunSpec spec, ChainCheckpoint checkpoint, int unit, byte[][] configurations,
                                   double[][] energy, double[][] magnetization) {
        Optional<ChainBlock> loaded = loadUnit(checkpoint, unit);
        if (loaded.isEmpty()) {
            return false;
        }
        ChainBlock block = loaded.get();
        int first = unit * chainsPerUnit(spec);
        int count = unitChains(spec, unit);
        int samples = spec.samplesPerChain();
        int sites = configurationLength(spec.model());
        if (block.firstChain() != first || block.chains() != count || block.samplesPerChain() != samples
                || block.sites() != sites) {
            throw new UncheckedIOException(new IOException("checkpoint unit " + unit + " holds chains "
                    + block.firstChain() + "+" + block.chains() + " × " + block.samplesPerChain() + " samples × "
                    + block.sites() + " sites; this run expects chains " + first + "+" + count + " × " + samples
                    + " × " + sites));
        }
        System.arraycopy(block.configurations(), 0, configurations, first * samples, count * samples);
        for (int i = 0; i < count; i++) {
            energy[first + i] = block.energyPerSite()[i];
            magnetization[first + i] = block.magnetizationPerSite()[i];
        }
        return true;
    }

    /** Bytes of one configuration: one per site, two per site for dimers (a bond occupation each). */
    private static int configurationLength(Model model) {
        int sites = model.lattice().siteCount();
        return model instanceof DimerModel ? 2 * sites : sites;
    }

    /** Samples kept by a chain after {@code swept} sweeps (thermalisation included). */
    static int keptAfter(RunSpec spec, long swept) {
        long production = swept - spec.thermalize();
        return production <= 0 ? 0 : (int) Math.min(spec.samplesPerChain(), production / spec.thin());
    }

    /**
     * Copies the kept samples of unit {@code unit}'s saved progress into the result arrays and returns the progress,
     * or null if none is stored.
     */
    private static ChainProgress restoreProgress(RunSpec spec, ChainCheckpoint checkpoint, int unit,
                                                 byte[][] configurations, double[][] energy,
                                                 double[][] magnetization) {
        Optional<ChainProgress> loaded = loadUnitProgress(checkpoint, unit);
        if (loaded.isEmpty()) {
            return null;
        }
        ChainProgress saved = loaded.get();
        ChainBlock block = saved.kept();
        int first = unit * chainsPerUnit(spec);
        int count = unitChains(spec, unit);
        int samples = spec.samplesPerChain();
        long chainSweeps = spec.thermalize() + spec.sweeps();
        int kept = keptAfter(spec, saved.sweepsDone());
        if (saved.sweepsDone() >= chainSweeps || block.firstChain() != first || block.chains() != count
                || block.samplesPerChain() != kept
                || (kept > 0 && block.sites() != configurationLength(spec.model()))) {
            throw new UncheckedIOException(new IOException("checkpoint progress of unit " + unit + " holds chains "
                    + block.firstChain() + "+" + block.chains() + " after " + saved.sweepsDone() + " sweeps with "
                    + block.samplesPerChain() + " samples; this run expects chains " + first + "+" + count
                    + ", fewer than " + chainSweeps + " sweeps and " + kept + " samples by then"));
        }
        for (int i = 0; i < count; i++) {
            System.arraycopy(block.configurations(), i * kept, configurations, (first + i) * samples, kept);
            System.arraycopy(block.energyPerSite()[i], 0, energy[first + i], 0, kept);
            System.arraycopy(block.magnetizationPerSite()[i], 0, magnetization[first + i], 0, kept);
        }
        return saved;
    }

    /** Saves an unfinished unit's progress when the cadence says so (one per running unit, used by its thread). */
    private static final class Saver {
        private final RunSpec spec;
        private final ChainCheckpoint checkpoint;
        private final int unit;
        private final byte[][] configurations;
        private final double[][] energy;
        private final double[][] magnetization;
        private final CheckpointClock clock;
        private boolean unsupported;

        Saver(RunSpec spec, ChainCheckpoint checkpoint, CheckpointCadence cadence, int unit, byte[][] configurations,
              double[][] energy, double[][] magnetization) {
            this.spec = spec;
            this.checkpoint = checkpoint;
            this.unit = unit;
            this.configurations = configurations;
            this.energy = energy;
            this.magnetization = magnetization;
            this.clock = new CheckpointClock(cadence);
        }

        /** Starts counting at {@code swept} sweeps. */
        void start(long swept) {
            clock.start(swept);
        }

        /** Sweeps the group may make before the next save by count. */
        long sweepsUntilDue(long swept) {
            return unsupported ? Long.MAX_VALUE : clock.sweepsUntilDue(swept);
        }

        /** Saves the group's state after {@code swept} sweeps if a save is due. */
        void maybeSave(ChainGroup group, long swept) {
            if (unsupported) {
                return;
            }
            if (!clock.due(swept)) {
                return;
            }
            Optional<byte[]> state = group.saveState();
            if (state.isEmpty()) {
                unsupported = true;
                return;
            }
            int first = unit * chainsPerUnit(spec);
            int count = unitChains(spec, unit);
            int samples = spec.samplesPerChain();
            int kept = keptAfter(spec, swept);
            byte[][] keptConfigurations = new byte[count * kept][];
            double[][] keptEnergy = new double[count][];
            double[][] keptMagnetization = new double[count][];
            for (int i = 0; i < count; i++) {
                System.arraycopy(configurations, (first + i) * samples, keptConfigurations, i * kept, kept);
                keptEnergy[i] = Arrays.copyOf(energy[first + i], kept);
                keptMagnetization[i] = Arrays.copyOf(magnetization[first + i], kept);
            }
            saveUnitProgress(checkpoint, unit, new ChainProgress(swept,
                    new ChainBlock(first, keptConfigurations, keptEnergy, keptMagnetization), state.get()));
            clock.saved(swept);
        }
    }

    /** Saves the finished unit {@code unit} to the checkpoint, if there is one. */
    private static void save(RunSpec spec, ChainCheckpoint checkpoint, int unit, byte[][] configurations,
                             double[][] energy, double[][] magnetization) {
        if (checkpoint == null) {
            return;
        }
        int first = unit * chainsPerUnit(spec);
        int count = unitChains(spec, unit);
        int samples = spec.samplesPerChain();
        ChainBlock block = new ChainBlock(first,
                Arrays.copyOfRange(configurations, first * samples, (first + count) * samples),
                Arrays.copyOfRange(energy, first, first + count), Arrays.copyOfRange(magnetization, first, first + count));
        saveUnit(checkpoint, unit, block);
    }

    /** {@link ChainCheckpoint#load}, its I/O errors unchecked (the runners' tasks cannot throw them). */
    static Optional<ChainBlock> loadUnit(ChainCheckpoint checkpoint, int unit) {
        try {
            return checkpoint.load(unit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link ChainCheckpoint#loadProgress}, its I/O errors unchecked. */
    static Optional<ChainProgress> loadUnitProgress(ChainCheckpoint checkpoint, int unit) {
        try {
            return checkpoint.loadProgress(unit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link ChainCheckpoint#save}, its I/O errors unchecked. */
    static void saveUnit(ChainCheckpoint checkpoint, int unit, ChainBlock block) {
        try {
            checkpoint.save(unit, block);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link ChainCheckpoint#saveProgress}, its I/O errors unchecked. */
    static void saveUnitProgress(ChainCheckpoint checkpoint, int unit, ChainProgress progress) {
        try {
            checkpoint.saveProgress(unit, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs unit {@code unit}'s group through thermalisation and production from sweep {@code swept} on (0, or
     * where its saved progress stood), storing its first {@link #unitChains} chains' samples and saving its progress
     * through {@code saver} (null: never). Sweeps go in as few calls as the samples, saves and progress reports allow
     * (a sampler may do several at once faster, bit-identically: {@link Sampler#sweeps}).
     */
    private static void runGroup(RunSpec spec, ChainGroup group, int unit, long swept, byte[][] configurations,
                                 double[][] energy, double[][] magnetization, AtomicLong done, Progress progress,
                                 Saver saver) {
        int first = unit * chainsPerUnit(spec);
        int chains = unitChains(spec, unit);
        int samples = spec.samplesPerChain();
        double[] groupEnergy = new double[group.chains()];
        double[] groupMagnetization = new double[group.chains()];
        long total = spec.totalSweeps();
        long chainSweeps = spec.thermalize() + spec.sweeps();
        long reportEvery = Math.max(1, chainSweeps / REPORTS_PER_CHAIN);
        long pending = 0;
        int kept = keptAfter(spec, swept);
        if (saver != null) {
            saver.start(swept);
        }
        while (swept < chainSweeps) {
            long untilSample = chainSweeps - swept;
            if (kept < samples) {
                long production = swept - spec.thermalize();
                long nextProduction = production < 0 ? spec.thin() : (production / spec.thin() + 1) * spec.thin();
                untilSample = spec.thermalize() + nextProduction - swept;
            }
            long step = Math.min(Math.min(untilSample, reportEvery - pending), chainSweeps - swept);
            if (saver != null) {
                step = Math.min(step, saver.sweepsUntilDue(swept));
            }
            group.sweeps(step);
            swept += step;
            long production = swept - spec.thermalize();
            if (production > 0 && production % spec.thin() == 0 && kept < samples) {
                group.measure(groupEnergy, groupMagnetization);
                for (int r = 0; r < chains; r++) {
                    configurations[(first + r) * samples + kept] = group.configuration(r);
                    energy[first + r][kept] = groupEnergy[r];
                    magnetization[first + r][kept] = groupMagnetization[r];
                }
                kept++;
            }
            if (saver != null && swept < chainSweeps) {
                saver.maybeSave(group, swept);
            }
            pending += step;
            if (pending == reportEvery) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("chain group " + unit + " cancelled");
                }
                if (progress != null) {
                    progress.advance(done.addAndGet(pending * chains), total);
                }
                pending = 0;
            }
        }
        if (progress != null && pending > 0) {
            progress.advance(done.addAndGet(pending * chains), total);
        }
    }
}
