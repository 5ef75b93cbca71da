package dev.coarse.learn.mi;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.coarse.configuration.Configurations;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.stats.Estimate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Estimates I(X;Y) from joint samples by training a {@link Critic} to maximise a {@link MiBound}: mini-batches of
 * K, Adam, early stopping on a validation half of the held-out samples, the kept critic's bound on the test half
 * reported ({@link MiTrainingSettings} says how the samples are split and why).
 *
 * <p>Randomness: one seed, split into three {@link SplittableRandom} streams in a fixed order — the split of the
 * samples, the initial weights ({@link Critic#newBlock}) and the per-epoch shuffles of the training part. PyTorch's
 * own generator is seeded too ({@link TorchEngine#seed}) but the critics here draw nothing from it. A run is
 * reproducible bit for bit for a seed on one machine, one libtorch and one intra-op thread count
 * (docs/learning.md); training one network at a time per process keeps it so.
 *
 * <p>Per epoch: the training part is shuffled and cut into ⌊N<sub>train</sub>/K⌋ batches (the remainder waits for
 * a later shuffle); each batch is one Adam step on −bound. After the epoch the critic scores the validation half;
 * the best critic so far (epoch 0 is the untrained one) is remembered, and training stops after {@code patience}
 * epochs without a better one, after the maximum number of epochs, or when the training bound stops being finite.
 * The remembered parameters are then put back and scored on the test half.
 */
public final class MiTrainer {

    private final MiTrainingSettings settings;

    public MiTrainer(MiTrainingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public MiTrainingSettings settings() {
        return settings;
    }

    /**
     * I(X;Y) of joint samples, the critic trained and freed.
     *
     * @param x N×d<sub>x</sub>, {@code x[sample][column]}, finite; not modified
     * @param y N×d<sub>y</sub>, row i from the same joint sample as x's; not modified
     * @throws IllegalArgumentException for samples of bad shape, non-finite values, or too few samples for the
     *                                  batch size and held-out fraction
     */
    public NeuralMiResult estimate(Critic critic, double[][] x, double[][] y, EpochListener listener) {
        try (MiTraining training = train(critic, x, y, listener)) {
            return training.result();
        }
    }

    /** I(X;Y) between two sets of values of the same configurations, read as {@link MiFeatures#of} says. */
    public NeuralMiResult estimate(Critic critic, Configurations configurations, int[] x, int[] y,
            EpochListener listener) {
        return estimate(critic, MiFeatures.of(configurations, x), MiFeatures.of(configurations, y), listener);
    }

    /**
     * Trains the critic and keeps it: the caller reads the result and the block, then closes the returned
     * training. Arguments as for {@link #estimate(Critic, double[][], double[][], EpochListener)}.
     */
    public MiTraining train(Critic critic, double[][] x, double[][] y, EpochListener listener) {
        Objects.requireNonNull(critic, "critic");
        Objects.requireNonNull(listener, "listener");
        int n = checkSamples(x, y);
        int k = settings.batchSize();
        MiTrainingSettings.Split split = settings.split(n);
        int trainingSize = split.training();
        int validationSize = split.validation();
        int testSize = split.test();
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom splitting = root.split();
        SplittableRandom weights = root.split();
        SplittableRandom shuffling = root.split();
        int[] order = permutation(n, splitting);
        int[] trainingRows = Arrays.copyOfRange(order, 0, trainingSize);
        int[] validationRows = Arrays.copyOfRange(order, trainingSize, trainingSize + validationSize);
        int[] testRows = Arrays.copyOfRange(order, trainingSize + validationSize, n);
        double[][] xMoments = moments(x, trainingRows, settings.standardize());
        double[][] yMoments = moments(y, trainingRows, settings.standardize());
        FloatRows xTrain = FloatRows.of(x, trainingRows, xMoments[0], xMoments[1]);
        FloatRows yTrain = FloatRows.of(y, trainingRows, yMoments[0], yMoments[1]);
        FloatRows xValidation = FloatRows.of(x, validationRows, xMoments[0], xMoments[1]);
        FloatRows yValidation = FloatRows.of(y, validationRows, yMoments[0], yMoments[1]);

        TorchEngine.seed(settings.seed());
        Block block = critic.newBlock(weights);
        Model model = TorchEngine.newModel("neural-mi-" + critic.id());
        MiTraining training = null;
        try {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build());
            Trainer trainer = model.newTrainer(config);
            training = new MiTraining(model, trainer, settings.bound(), k, xMoments, yMoments);
            trainer.initialize(new Shape(k, xTrain.columns()), new Shape(k, yTrain.columns()));

            int maxEpochs = settings.epochs();
            double[] trainingBounds = new double[maxEpochs];
            double[] validationBounds = new double[maxEpochs + 1];
            validationBounds[0] = validationBound(training, xValidation, yValidation);
            int bestEpoch = 0;
            float[][] best = snapshot(block);
            int epoch = 0;
            NeuralMiResult.Stop stop = NeuralMiResult.Stop.EPOCHS;
            int[] shuffled = new int[trainingSize];
            for (int i = 0; i < trainingSize; i++) {
                shuffled[i] = i;
            }
            while (epoch < maxEpochs) {
                epoch++;
                shuffle(shuffled, shuffling);
                double trainingBound = trainEpoch(trainer, xTrain, yTrain, shuffled);
                trainingBounds[epoch - 1] = trainingBound;
                validationBounds[epoch] = validationBound(training, xValidation, yValidation);
                if (!Double.isFinite(trainingBound)) {
                    stop = NeuralMiResult.Stop.DIVERGED;
                } else if (validationBounds[epoch] > validationBounds[bestEpoch]
                        || Double.isNaN(validationBounds[bestEpoch])) {
                    bestEpoch = epoch;
                    best = snapshot(block);
                }
                listener.epochDone(new EpochListener.Progress(epoch, maxEpochs, trainingBound,
                        validationBounds[epoch], bestEpoch, validationBounds[bestEpoch]));
                if (stop == NeuralMiResult.Stop.DIVERGED) {
                    break;
                }
                if (epoch - bestEpoch >= settings.patience() && epoch < maxEpochs) {
                    stop = NeuralMiResult.Stop.PATIENCE;
                    break;
                }
            }
            restore(block, best);
            FloatRows xTest = FloatRows.of(x, testRows, xMoments[0], xMoments[1]);
            FloatRows yTest = FloatRows.of(y, testRows, yMoments[0], yMoments[1]);
            Estimate value = settings.bound().pooled(training.statistics(xTest, yTest));
            training.setResult(new NeuralMiResult(value, settings.bound(), critic.id(), k, epoch, bestEpoch, stop,
                    trainingSize, validationSize, testSize, settings.seed(),
                    Arrays.copyOf(trainingBounds, epoch), Arrays.copyOf(validationBounds, epoch + 1)));
            return training;
        } catch (RuntimeException | Error e) {
            if (training != null) {
                training.close();
            } else {
                model.close();
            }
            throw e;
        }
    }

    /** One pass of Adam steps over the shuffled training part; the mean of the batch bounds. */
    private double trainEpoch(Trainer trainer, FloatRows x, FloatRows y, int[] shuffled) {
        int k = settings.batchSize();
        int batches = x.rows() / k;
        float[] xBatch = new float[k * x.columns()];
        float[] yBatch = new float[k * y.columns()];
        double sum = 0;
        for (int b = 0; b < batches; b++) {
            x.gather(shuffled, b * k, xBatch);
            y.gather(shuffled, b * k, yBatch);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDList input = new NDList(manager.create(xBatch, new Shape(k, x.columns())),
                        manager.create(yBatch, new Shape(k, y.columns())));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray scores = trainer.forward(input).singletonOrThrow();
                    NDArray value = settings.bound().batchBound(scores);
                    collector.backward(value.neg());
                    sum += value.getFloat();
                }
                trainer.step();
            }
        }
        return sum / batches;
    }

    private double validationBound(MiTraining training, FloatRows x, FloatRows y) {
        return settings.bound().pooled(training.statistics(x, y)).mean();
    }

    /** A copy of every parameter's values, in the block's parameter order. */
    private static float[][] snapshot(Block block) {
        List<Parameter> parameters = block.getParameters().values();
        float[][] out = new float[parameters.size()][];
        for (int p = 0; p < out.length; p++) {
            out[p] = parameters.get(p).getArray().toFloatArray();
        }
        return out;
    }

    /** Writes {@code values} (from {@link #snapshot}) back into the block's parameters. */
    private static void restore(Block block, float[][] values) {
        List<Parameter> parameters = block.getParameters().values();
        for (int p = 0; p < values.length; p++) {
            NDArray array = parameters.get(p).getArray();
            array.set(new NDIndex(":"), array.getManager().create(values[p], array.getShape()));
        }
    }

    /**
     * Checks that x and y are N ≥ 1 rows each, rectangular, of at least one column, all finite; returns N.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    static int checkSamples(double[][] x, double[][] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length == 0) {
            throw new IllegalArgumentException("there are no samples");
        }
        if (y.length != x.length) {
            throw new IllegalArgumentException("x has " + x.length + " samples and y " + y.length);
        }
        checkRows(x, "x");
        checkRows(y, "y");
        return x.length;
    }

    private static void checkRows(double[][] rows, String name) {
        int d = rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(name + " has no columns");
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != d) {
                throw new IllegalArgumentException(name + " sample " + r + " has " + rows[r].length
                        + " columns, expected " + d);
            }
            for (int c = 0; c < d; c++) {
                if (!Double.isFinite(rows[r][c])) {
                    throw new IllegalArgumentException(name + " sample " + r + " column " + c + " is " + rows[r][c]
                            + "; the critic needs finite values");
                }
            }
        }
    }

    /**
     * {shift, scale} per column: the mean and standard deviation over {@code rows} (scale 1 for a constant
     * column), or {0, 1} if not standardising.
     */
    private static double[][] moments(double[][] samples, int[] rows, boolean standardize) {
        int d = samples[0].length;
        double[] shift = new double[d];
        double[] scale = new double[d];
        Arrays.fill(scale, 1.0);
        if (!standardize) {
            return new double[][] {shift, scale};
        }
        for (int c = 0; c < d; c++) {
            double mean = 0;
            for (int r : rows) {
                mean += samples[r][c];
            }
            mean /= rows.length;
            double variance = 0;
            for (int r : rows) {
                variance += (samples[r][c] - mean) * (samples[r][c] - mean);
            }
            variance /= rows.length;
            shift[c] = mean;
            scale[c] = variance > 0 ? Math.sqrt(variance) : 1.0;
        }
        return new double[][] {shift, scale};
    }

    /** A uniformly random permutation of 0 … n−1 (Fisher–Yates). */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    /** Shuffles {@code values} in place (Fisher–Yates). */
    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
