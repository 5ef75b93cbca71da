package dev.coarse.learn.rsmi;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.learn.engine.BatchBuffer;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.learn.mi.EpochListener;
import dev.coarse.learn.mi.MiBound;
import dev.coarse.lattice.Lattice;
import dev.coarse.stats.Estimate;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains an RSMI filter (Koch-Janusz &amp; Ringel 2018; RSMI-NE, Gökmen et al. 2021): the filter Λ and a critic
 * together maximise a variational bound ({@link MiBound}) on I(H:E), H = Λ(V) relaxed by Gumbel-softmax
 * ({@link HiddenKind}) at a temperature annealed geometrically from step to step.
 *
 * <p>Data: the configurations are split once, by a seeded permutation, into training and held-out configurations
 * ({@link RsmiTrainingSettings#heldOutFraction()}); from each, {@code pairsPerConfiguration} distinct blocks of the
 * b-tiling are drawn and give one (V, E) pair each ({@link RsmiGeometry}), so all pairs of a configuration fall on
 * the same side. V enters raw (the filter has no bias, so the coarse-graining reads the same numbers); E is centred
 * by the training pairs' column means.
 *
 * <p>Per epoch the training pairs are shuffled and cut into ⌊N/K⌋ batches, one Adam step each on −bound; then the
 * critic with the hard H scores the held-out pairs. The last epoch's filter is the result (binary rows oriented to a
 * non-negative weight sum, {@link #orient}), and its held-out bound,
 * pooled over ⌊N<sub>held-out</sub>/K⌋ batches with a jackknife error, the reported I(H:E) — held-out data chose
 * nothing, so the estimate is not biased upwards by selection.
 *
 * <p>Randomness: one seed, split into {@link SplittableRandom} streams in a fixed order — the configuration split,
 * the blocks drawn, the filter's and the critic's initial weights, the shuffles, the relaxation noise. The network
 * draws nothing from PyTorch's generator; a run is bit-identical for a seed on one machine, one libtorch and one
 * intra-op thread count (docs/learning.md), with one network training at a time.
 */
public final class RsmiTrainer {

    private final RsmiTrainingSettings settings;

    public RsmiTrainer(RsmiTrainingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public RsmiTrainingSettings settings() {
        return settings;
    }

    /**
     * Bytes the (V, E) pairs of {@code configurations} configurations take in training — the arrays that grow with the
     * data (each pair holds |V| + |E| floats); the network and one batch are small beside them. For a memory check
     * before training.
     *
     * @throws IllegalArgumentException if the geometry does not fit on the lattice
     */
    public long estimatedBytes(Lattice lattice, DegreesOfFreedom degreesOfFreedom, int configurations) {
        RsmiGeometry geometry = RsmiGeometry.of(lattice, settings.blockSize(), settings.buffer(),
                settings.environment(), degreesOfFreedom);
        long rows = (long) configurations * Math.min(settings.pairsPerConfiguration(), geometry.blockCorners().length);
        return rows * (geometry.visibleCount() + geometry.environmentCount()) * Float.BYTES;
    }

    /**
     * Trains a filter on {@code configurations} (on {@code lattice}); not modified.
     *
     * @throws IllegalArgumentException if the configurations are not discrete, do not fit the lattice, the geometry
     *                                  does not fit on it, or there are too few for one training batch and two
     *                                  held-out batches (the message says which)
     */
    public TrainedFilter train(Lattice lattice, Configurations configurations, EpochListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!(configurations instanceof DiscreteConfigurations discrete)) {
            throw new IllegalArgumentException("an RSMI filter is learned from discrete values (spins, states, "
                    + "occupations), not " + configurations.degreesOfFreedom());
        }
        RsmiGeometry geometry = RsmiGeometry.of(lattice, settings.blockSize(), settings.buffer(),
                settings.environment(), discrete.degreesOfFreedom());
        int expected = discrete.degreesOfFreedom().length(lattice);
        if (discrete.size() > 0 && discrete.length() != expected) {
            throw new IllegalArgumentException("configurations hold " + discrete.length() + " values, but "
                    + discrete.degreesOfFreedom() + " on " + lattice + " are " + expected);
        }
        int n = discrete.size();
        int k = settings.batchSize();
        int pairs = Math.min(settings.pairsPerConfiguration(), geometry.blockCorners().length);
        long values = (long) n * pairs * Math.max(geometry.visibleCount(), geometry.environmentCount());
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " configurations × " + pairs + " pairs × "
                    + geometry.environmentCount() + " environment values exceed a Java array (2³¹ values): use fewer "
                    + "pairs per configuration or fewer configurations");
        }
        int heldOutConfigurations = (int) Math.round(n * settings.heldOutFraction());
        int trainingConfigurations = n - heldOutConfigurations;
        if (trainingConfigurations * pairs < k || heldOutConfigurations * pairs < 2 * k) {
            throw new IllegalArgumentException(n + " configurations × " + pairs + " pairs give "
                    + trainingConfigurations * pairs + " training and " + heldOutConfigurations * pairs
                    + " held-out pairs: need at least one batch of " + k + " to train and two to score; use more "
                    + "configurations, more pairs per configuration or a smaller batch");
        }

        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom splitting = root.split();
        SplittableRandom blocks = root.split();
        SplittableRandom filterWeights = root.split();
        SplittableRandom criticWeights = root.split();
        SplittableRandom shuffling = root.split();
        SplittableRandom noise = root.split();
        int[] order = permutation(n, splitting);
        RsmiPairs training = RsmiPairs.of(geometry, discrete.values(), Arrays.copyOfRange(order, 0,
                trainingConfigurations), pairs, blocks);
        RsmiPairs heldOut = RsmiPairs.of(geometry, discrete.values(), Arrays.copyOfRange(order,
                trainingConfigurations, n), pairs, blocks);
        float[] environmentMeans = training.environmentMeans();
        training.centreEnvironment(environmentMeans);
        heldOut.centreEnvironment(environmentMeans);

        TorchEngine.seed(settings.seed());
        int hidden = settings.hidden();
        FilterCriticBlock block = new FilterCriticBlock(hidden, settings.kind(),
                settings.critic().newBlock(criticWeights), filterWeights, (float) settings.initialGain());
        try (Model model = TorchEngine.newModel("rsmi")) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(k, training.visibleCount()), new Shape(k, training.environmentCount()),
                        new Shape(k, hidden), new Shape(1));
                int perEpoch = training.rows() / k;
                int totalSteps = settings.epochs() * perEpoch;
                double[] trainingBounds = new double[settings.epochs()];
                double[] heldOutBounds = new double[settings.epochs()];
                int[] shuffled = identity(training.rows());
                float[] vBatch = new float[k * training.visibleCount()];
                float[] eBatch = new float[k * training.environmentCount()];
                float[] noiseBatch = new float[k * hidden];
                BatchBuffer vInput = new BatchBuffer(new Shape(k, training.visibleCount()));
                BatchBuffer eInput = new BatchBuffer(new Shape(k, training.environmentCount()));
                int step = 0;
                Estimate last = null;
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    shuffle(shuffled, shuffling);
                    double sum = 0;
                    for (int b = 0; b < perEpoch; b++) {
                        training.gather(shuffled, b * k, k, vBatch, eBatch);
                        fillNoise(noiseBatch, noise);
                        float temperature = (float) temperature(step, totalSteps);
                        try (NDManager manager = trainer.getManager().newSubManager()) {
                            NDList input = new NDList(vInput.fill(manager, vBatch), eInput.fill(manager, eBatch),
                                    manager.create(noiseBatch, new Shape(k, hidden)),
                                    manager.create(new float[] {temperature}, new Shape(1)));
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray scores = trainer.forward(input).singletonOrThrow();
                                NDArray value = settings.bound().batchBound(scores);
                                collector.backward(value.neg());
                                sum += value.getFloat();
                            }
                            trainer.step();
                        }
                        step++;
                    }
                    trainingBounds[epoch - 1] = sum / perEpoch;
                    last = heldOutBound(trainer, heldOut, k, hidden, vInput, eInput);
                    heldOutBounds[epoch - 1] = last.mean();
                    listener.epochDone(new EpochListener.Progress(epoch, settings.epochs(), trainingBounds[epoch - 1],
                            last.mean(), epoch, last.mean()));
                }
                double[][] learned = weights(block, hidden, training.visibleCount());
                for (double[] row : learned) {
                    for (double w : row) {
                        if (!Double.isFinite(w)) {
                            throw new TrainingDivergedException("training diverged (a filter weight is " + w
                                    + "): try a smaller learning rate");
                        }
                    }
                }
                if (settings.kind() == HiddenKind.BINARY) {
                    orient(learned);
                }
                RsmiFilter filter = new RsmiFilter(lattice.dimension(), settings.blockSize(),
                        discrete.degreesOfFreedom(), settings.kind(), learned);
                double ceiling = settings.bound().ceiling(k);
                return new TrainedFilter(filter, settings, last, ceiling, settings.bound().nearCeiling(last.mean(), k),
                        step, training.rows(), heldOut.rows(), trainingBounds, heldOutBounds,
                        TorchEngine.intraOpThreads());
            }
        }
    }

    /** τ at step s of S: τ<sub>0</sub> (τ<sub>f</sub>/τ<sub>0</sub>)<sup>s/(S−1)</sup>. */
    private double temperature(int step, int totalSteps) {
        double t0 = settings.initialTemperature();
        if (totalSteps <= 1) {
            return settings.finalTemperature();
        }
        // StrictMath here and in the noise: Math.pow/log may differ by an ulp between the interpreter and C2's
        // intrinsics (JDK 25), which made a run's filter depend on when the JIT compiled this code
        return t0 * StrictMath.pow(settings.finalTemperature() / t0, (double) step / (totalSteps - 1));
    }

    /** Logistic (binary) or Gumbel (categorical) noise from the trainer's stream. */
    private void fillNoise(float[] out, SplittableRandom noise) {
        for (int i = 0; i < out.length; i++) {
            double u = noise.nextDouble();
            while (u == 0) {
                u = noise.nextDouble();
            }
            out[i] = (float) (settings.kind() == HiddenKind.BINARY ? StrictMath.log(u) - StrictMath.log1p(-u)
                    : -StrictMath.log(-StrictMath.log(u)));
        }
    }

    /** The bound of the network with hard H on consecutive batches of the held-out pairs, pooled. */
    private Estimate heldOutBound(Trainer trainer, RsmiPairs pairs, int k, int hidden, BatchBuffer vInput,
                                  BatchBuffer eInput) {
        int batches = pairs.rows() / k;
        double[][] statistics = new double[batches][];
        int[] rows = identity(pairs.rows());
        float[] vBatch = new float[k * pairs.visibleCount()];
        float[] eBatch = new float[k * pairs.environmentCount()];
        for (int b = 0; b < batches; b++) {
            pairs.gather(rows, b * k, k, vBatch, eBatch);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDList input = new NDList(vInput.fill(manager, vBatch), eInput.fill(manager, eBatch),
                        manager.zeros(new Shape(k, hidden)), manager.ones(new Shape(1)));
                float[] scores = trainer.evaluate(input).singletonOrThrow().toFloatArray();
                statistics[b] = MiBound.batchStatistics(scores, k);
            }
        }
        return settings.bound().pooled(statistics);
    }

    private static double[][] weights(FilterCriticBlock block, int hidden, int visible) {
        float[] flat = block.filterWeight().getArray().toFloatArray();
        double[][] out = new double[hidden][visible];
        for (int j = 0; j < hidden; j++) {
            for (int i = 0; i < visible; i++) {
                out[j][i] = flat[j * visible + i];
            }
        }
        return out;
    }

    /**
     * Turns every binary row with a negative weight sum into its negative: h and −h keep the same information, and
     * with this convention a learned block spin points along the block's magnetisation at every level of a flow, so
     * that MCRG's odd operators of successive levels are not anti-correlated (a flipped level makes its y_h
     * undefined). Modified: {@code weights}.
     */
    static void orient(double[][] weights) {
        for (double[] row : weights) {
            double sum = 0;
            for (double w : row) {
                sum += w;
            }
            if (sum < 0) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = -row[i];
                }
            }
        }
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = identity(n);
        shuffle(order, random);
        return order;
    }

    /** Fisher–Yates, in place. */
    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
