package dev.coarse.mc;

import dev.coarse.data.ChainBlock;
import dev.coarse.data.ChainCheckpoint;
import dev.coarse.data.ChainProgress;
import dev.coarse.model.FieldModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Runs independent chains of a {@link FieldSampler} in parallel: the field-model sibling of {@link ChainRunner},
 * with the same stream discipline ({@link ChainRunner#chainStreams}: the root generator seeded with the spec's seed is
 * split once per chain, in chain order, before any thread starts) and the same executor ({@link TaskPool}), so the
 * result for a seed is identical for every thread count.
 *
 * <p>Chain c draws a hot start φ<sub>k</sub> ~ N(0, 1) for every real component from its stream, runs
 * {@code thermalize} updates with step tuning on, freezes the step, resets the acceptance counts, then runs
 * {@code updates} updates, measuring and copying the configuration after every {@code thin}-th.
 *
 * <p>Checkpoints ({@link #run(FieldRunSpec, Progress, ChainCheckpoint, CheckpointCadence)}), as {@link ChainRunner}'s
 * and in the same {@link ChainCheckpoint} format: a unit is one chain. A finished chain is saved as a
 * {@link ChainBlock} whose configurations are the kept fields' doubles as big-endian raw bits (8 bytes per real
 * component), whose energy series is S/N and magnetisation series |Σφ|/N, and whose final state is the chain's state
 * after its last update (so its frozen step and production acceptance are restored exactly; Σ|φ|²/N is recomputed from
 * the fields). An unfinished chain's progress ({@link ChainProgress}) holds the updates done, the samples kept so far
 * and the chain's state: its generator's {@link ResumableStream} words, its step (size, tuning switch, tuning
 * iterations, acceptance counts) and its field. A resumed run is bit-identical to an uninterrupted one.
 */
public final class FieldChainRunner {

    private static final int REPORTS_PER_CHAIN = 100;

    private FieldChainRunner() {
    }

    /**
     * Runs {@code spec}; {@code progress} may be null (it counts updates).
     *
     * @throws IllegalStateException if the run is interrupted or a chain fails
     */
    public static FieldChainResult run(FieldRunSpec spec, Progress progress) {
        return run(spec, progress, null, CheckpointCadence.NEVER);
    }

    /**
     * Runs {@code spec}, skipping the chains {@code checkpoint} holds as finished, continuing those whose progress it
     * holds, saving each chain as it finishes and the progress of unfinished ones as {@code cadence} says;
     * {@code progress} and {@code checkpoint} may be null. Progress starts at the updates restored.
     *
     * @throws IllegalStateException if the run is interrupted or a chain fails
     * @throws UncheckedIOException  if the checkpoint cannot be read or written, or holds a chain or progress that
     *                               does not fit {@code spec}
     */
    public static FieldChainResult run(FieldRunSpec spec, Progress progress, ChainCheckpoint checkpoint,
                                       CheckpointCadence cadence) {
        long start = System.nanoTime();
        Series out = new Series(spec);
        int chains = spec.chains();
        long chainUpdates = spec.thermalize() + spec.updates();
        boolean[] finished = new boolean[chains];
        ChainProgress[] partial = new ChainProgress[chains];
        long restoredUpdates = 0;
        for (int c = 0; c < chains && checkpoint != null; c++) {
            finished[c] = restoreFinished(spec, checkpoint, c, out);
            if (finished[c]) {
                restoredUpdates += chainUpdates;
            } else {
                partial[c] = restoreProgress(spec, checkpoint, c, out);
                restoredUpdates += partial[c] == null ? 0 : partial[c].sweepsDone();
            }
        }
        AtomicLong done = new AtomicLong(restoredUpdates);
        if (progress != null && restoredUpdates > 0) {
            progress.advance(restoredUpdates, spec.totalUpdates());
        }
        List<RandomGenerator> streams = ChainRunner.chainStreams(spec.seed(), chains);
        int[] pending = IntStream.range(0, chains).filter(c -> !finished[c]).toArray();
        TaskPool.run("sampling", pending.length, spec.threads(), k -> {
            int c = pending[k];
            FieldChain chain = new FieldChain(spec.newSampler(), streams.get(c));
            long updated = 0;
            if (partial[c] != null) {
                restore(chain, partial[c].groupState(), "progress of chain " + c);
                updated = partial[c].sweepsDone();
            }
            CheckpointClock clock = checkpoint == null || !cadence.saves() ? null : new CheckpointClock(cadence);
            runChain(spec, chain, c, updated, out, done, progress, checkpoint, clock);
            out.finish(c, chain);
            if (checkpoint != null) {
                byte[] finalState = chain.saveState().orElseThrow();
                ChainRunner.saveUnit(checkpoint, c, out.block(c, spec.samplesPerChain(), finalState));
            }
        });
        return new FieldChainResult(spec, out.configurations, out.action, out.fieldSquared, out.magnetization,
                out.acceptance, out.stepSize, out.leapfrogSteps, System.nanoTime() - start);
    }

    /**
     * What determines a field run's output, as a checkpoint's manifest records it: model, dimension, L, the couplings
     * ({@code parameter.NAME}, sorted), sampler, sweeps (the updates), thermalize, thin, chains, seed, the stream
     * generator, one chain per unit, the target acceptance and, for HMC, the trajectory length; not the thread count.
     * Doubles are written with {@link Double#toString}, which round-trips exactly.
     */
    public static Map<String, String> checkpointIdentity(FieldRunSpec spec) {
        FieldModel model = spec.model();
        Map<String, String> id = new LinkedHashMap<>();
        id.put("model", model.name());
        id.put("dimension", String.valueOf(model.lattice().dimension()));
        id.put("L", String.valueOf(model.lattice().linearSize()));
        new TreeMap<>(model.parameters()).forEach((name, value) -> id.put("parameter." + name, Double.toString(value)));
        id.put("sampler", spec.sampler().id());
        id.put("sweeps", String.valueOf(spec.updates()));
        id.put("thermalize", String.valueOf(spec.thermalize()));
        id.put("thin", String.valueOf(spec.thin()));
        id.put("chains", String.valueOf(spec.chains()));
        id.put("seed", String.valueOf(spec.seed()));
        id.put("generator", ChainRunner.GENERATOR);
        id.put("chains_per_unit", "1");
        id.put("target_acceptance", Double.toString(spec.targetAcceptance()));
        if (spec.sampler() == SamplerKind.HMC) {
            id.put("trajectory_length", Double.toString(spec.trajectoryLength()));
        }
        return id;
    }

    /**
     * Runs chain {@code c} from update {@code updated} (0, or where its saved progress stood) to the end, keeping its
     * samples in {@code out}, reporting progress and saving its progress when {@code clock} (null: never) says so.
     */
    private static void runChain(FieldRunSpec spec, FieldChain chain, int c, long updated, Series out, AtomicLong done,
                                 Progress progress, ChainCheckpoint checkpoint, CheckpointClock clock) {
        FieldModel model = spec.model();
        FieldSampler sampler = chain.sampler();
        int samples = spec.samplesPerChain();
        long chainUpdates = spec.thermalize() + spec.updates();
        long reportEvery = Math.max(1, chainUpdates / REPORTS_PER_CHAIN);
        int kept = keptAfter(spec, updated);
        if (updated == 0) {
            sampler.step().tuning(true);
        }
        if (clock != null) {
            clock.start(updated);
        }
        long reported = updated;
        for (long u = updated + 1; u <= chainUpdates; u++) {
            if (u == spec.thermalize() + 1) {
                sampler.step().tuning(false);
                sampler.step().resetCounts();
            }
            chain.update();
            long production = u - spec.thermalize();
            if (production > 0 && production % spec.thin() == 0 && kept < samples) {
                double[] field = chain.field();
                out.action[c][kept] = model.action(field) / model.lattice().siteCount();
                out.fieldSquared[c][kept] = fieldSquaredPerSite(model, field);
                out.magnetization[c][kept] = absMagnetizationPerSite(model, field);
                out.configurations[c * samples + kept] = field.clone();
                kept++;
            }
            if (clock != null && u < chainUpdates && clock.due(u)) {
                Optional<byte[]> state = chain.saveState();
                if (state.isPresent()) {
                    ChainRunner.saveUnitProgress(checkpoint, c, new ChainProgress(u, out.block(c, kept, new byte[0]), state.get()));
                    clock.saved(u);
                }
            }
            if (u % reportEvery == 0 || u == chainUpdates) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("chain " + c + " cancelled");
                }
                if (progress != null) {
                    progress.advance(done.addAndGet(u - reported), spec.totalUpdates());
                }
                reported = u;
            }
        }
    }

    /** Samples kept by a chain after {@code updated} updates (thermalisation included). */
    private static int keptAfter(FieldRunSpec spec, long updated) {
        long production = updated - spec.thermalize();
        return production <= 0 ? 0 : (int) Math.min(spec.samplesPerChain(), production / spec.thin());
    }

    /** Copies chain {@code c} from the checkpoint into {@code out}; false if it is not stored as finished. */
    private static boolean restoreFinished(FieldRunSpec spec, ChainCheckpoint checkpoint, int c, Series out) {
        Optional<ChainBlock> loaded = ChainRunner.loadUnit(checkpoint, c);
        if (loaded.isEmpty()) {
            return false;
        }
        ChainBlock block = loaded.get();
        int samples = spec.samplesPerChain();
        int bytes = spec.model().fieldLength() * Double.BYTES;
        if (block.firstChain() != c || block.chains() != 1 || block.samplesPerChain() != samples
                || (samples > 0 && block.sites() != bytes)) {
            throw mismatch("checkpoint unit " + c + " holds chains " + block.firstChain() + "+" + block.chains() + " × "
                    + block.samplesPerChain() + " samples × " + block.sites() + " bytes; this field run expects chain "
                    + c + " × " + samples + " × " + bytes);
        }
        out.restoreSamples(c, block);
        FieldChain chain = new FieldChain(spec.newSampler(), ResumableStream.seeded(0));
        restore(chain, block.finalState(), "chain " + c);
        out.finish(c, chain);
        return true;
    }

    /** Copies the kept samples of chain {@code c}'s saved progress into {@code out}; null if none is stored. */
    private static ChainProgress restoreProgress(FieldRunSpec spec, ChainCheckpoint checkpoint, int c, Series out) {
        Optional<ChainProgress> loaded = ChainRunner.loadUnitProgress(checkpoint, c);
        if (loaded.isEmpty()) {
            return null;
        }
        ChainProgress saved = loaded.get();
        ChainBlock block = saved.kept();
        int kept = keptAfter(spec, saved.sweepsDone());
        int bytes = spec.model().fieldLength() * Double.BYTES;
        long chainUpdates = spec.thermalize() + spec.updates();
        if (saved.sweepsDone() >= chainUpdates || block.firstChain() != c || block.chains() != 1
                || block.samplesPerChain() != kept || (kept > 0 && block.sites() != bytes)) {
            throw mismatch("checkpoint progress of unit " + c + " holds chains " + block.firstChain() + "+"
                    + block.chains() + " after " + saved.sweepsDone() + " updates with " + block.samplesPerChain()
                    + " samples; this field run expects chain " + c + ", fewer than " + chainUpdates + " updates and "
                    + kept + " samples by then");
        }
        out.restoreSamples(c, block);
        return saved;
    }

    private static void restore(FieldChain chain, byte[] state, String what) {
        try {
            chain.restoreState(state);
        } catch (IllegalArgumentException e) {
            throw mismatch("checkpoint " + what + ": " + e.getMessage());
        }
    }

    private static UncheckedIOException mismatch(String message) {
        return new UncheckedIOException(new IOException(message));
    }

    /** The run's output arrays, filled by the chains (each chain its own rows) and by what a checkpoint restores. */
    private static final class Series {
        final FieldRunSpec spec;
        final double[][] configurations;
        final double[][] action;
        final double[][] fieldSquared;
        final double[][] magnetization;
        final double[] acceptance;
        final double[] stepSize;
        final int[] leapfrogSteps;

        Series(FieldRunSpec spec) {
            this.spec = spec;
            int chains = spec.chains();
            int samples = spec.samplesPerChain();
            configurations = new double[chains * samples][];
            action = new double[chains][samples];
            fieldSquared = new double[chains][samples];
            magnetization = new double[chains][samples];
            acceptance = new double[chains];
            stepSize = new double[chains];
            leapfrogSteps = new int[chains];
        }

        /** Records what chain {@code c}'s sampler settled on, from its final state. */
        void finish(int c, FieldChain chain) {
            FieldSampler sampler = chain.sampler();
            acceptance[c] = sampler.step().acceptance();
            stepSize[c] = sampler.step().size();
            leapfrogSteps[c] = sampler instanceof HybridMonteCarlo hmc ? hmc.leapfrogSteps() : 0;
        }

        /** Chain {@code c}'s first {@code kept} samples as a checkpoint block (fields as raw big-endian bits). */
        ChainBlock block(int c, int kept, byte[] finalState) {
            int samples = spec.samplesPerChain();
            byte[][] fields = new byte[kept][];
            for (int k = 0; k < kept; k++) {
                double[] field = configurations[c * samples + k];
                ByteBuffer bytes = ByteBuffer.allocate(field.length * Double.BYTES);
                for (double v : field) {
                    bytes.putLong(Double.doubleToRawLongBits(v));
                }
                fields[k] = bytes.array();
            }
            return new ChainBlock(c, fields, new double[][] {Arrays.copyOf(action[c], kept)},
                    new double[][] {Arrays.copyOf(magnetization[c], kept)}, finalState);
        }

        /** Copies a block's samples into chain {@code c}'s rows; Σ|φ|²/N is recomputed from each field. */
        void restoreSamples(int c, ChainBlock block) {
            FieldModel model = spec.model();
            int samples = spec.samplesPerChain();
            for (int k = 0; k < block.samplesPerChain(); k++) {
                ByteBuffer bytes = ByteBuffer.wrap(block.configurations()[k]);
                double[] field = new double[model.fieldLength()];
                for (int i = 0; i < field.length; i++) {
                    field[i] = Double.longBitsToDouble(bytes.getLong());
                }
                configurations[c * samples + k] = field;
                action[c][k] = block.energyPerSite()[0][k];
                magnetization[c][k] = block.magnetizationPerSite()[0][k];
                fieldSquared[c][k] = fieldSquaredPerSite(model, field);
            }
        }
    }

    /** Σ<sub>x</sub>|φ<sub>x</sub>|²/N: the sum of squares of every real component, over the sites. */
    public static double fieldSquaredPerSite(FieldModel model, double[] field) {
        double sum = 0;
        for (double v : field) {
            sum += v * v;
        }
        return sum / model.lattice().siteCount();
    }

    /** |Σ<sub>x</sub>φ<sub>x</sub>|/N, the modulus of the summed complex value for a complex field. */
    public static double absMagnetizationPerSite(FieldModel model, double[] field) {
        int parts = model.componentsPerSite();
        double norm2 = 0;
        for (int p = 0; p < parts; p++) {
            double sum = 0;
            for (int k = p; k < field.length; k += parts) {
                sum += field[k];
            }
            norm2 += sum * sum;
        }
        return Math.sqrt(norm2) / model.lattice().siteCount();
    }
}
