package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.coarse.learn.engine.AdamOptimizer;
import dev.coarse.learn.engine.Scalars;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.learn.flow.FlowArchitecture;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains an RG-Flow by maximum likelihood: each epoch shuffles the training images, and each mini-batch is dequantised
 * afresh (y = (k + u)/256) and takes one Adam step on the mean negative log-likelihood per dimension, its gradient
 * (DJL autograd, {@link GradientCollector}) scaled down to the global L2 norm {@link RgFlowSettings#clipNorm()} when
 * larger. A last partial batch is dropped.
 *
 * <p>Randomness: one seed split into {@link SplittableRandom} streams in a fixed order — the initial weights, then
 * one stream per epoch (its shuffle, then its dequantisation noise) — so a resumed run sees the same batches in its
 * later epochs as an uninterrupted one; Adam's moments and step count travel in the checkpoint
 * ({@link TrainedRgFlow#optimizer()}), so a resumed run is bit-identical to an uninterrupted one. On one machine,
 * libtorch and thread count a run is bit-identical for a seed.
 */
public final class RgFlowTrainer {

    private final RgFlowSettings settings;

    public RgFlowTrainer(RgFlowSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Trains from scratch with no time limit. */
    public TrainedRgFlow train(ImageSet images, RgFlowProgress progress) {
        return train(images, null, Double.POSITIVE_INFINITY, progress);
    }

    /**
     * Trains until {@code settings.epochs()} epochs are done or, after an epoch, {@code maxSeconds} of this session's
     * wall-clock time have passed.
     *
     * @param start      a checkpoint to continue (same settings but the epoch count, same architecture), or null
     * @param maxSeconds this session's budget, positive
     * @throws IllegalArgumentException if the checkpoint does not fit, there are fewer images than a batch, or the
     *                                  loss is not finite (training diverged)
     */
    public TrainedRgFlow train(ImageSet images, TrainedRgFlow start, double maxSeconds, RgFlowProgress progress) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(progress, "progress");
        if (!(maxSeconds > 0)) {
            throw new IllegalArgumentException("max seconds must be positive, got " + maxSeconds);
        }
        FlowArchitecture architecture = settings.architecture(images.size(), images.channels());
        if (start != null && (!start.architecture().equals(architecture)
                || !start.settings().withEpochs(settings.epochs()).equals(settings))) {
            throw new IllegalArgumentException("the checkpoint (" + start.architecture() + ", " + start.settings()
                    + ") does not match " + architecture + ", " + settings);
        }
        int batch = settings.batch();
        int n = images.count();
        if (n < batch) {
            throw new IllegalArgumentException("need at least one batch of " + batch + " images, got " + n);
        }
        int d = images.dimensions();
        long began = System.nanoTime();
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom weights = root.split();
        int firstEpoch = start == null ? 1 : start.epochsDone() + 1;
        for (int e = 1; e < firstEpoch; e++) {
            root.split();
        }
        double previousSeconds = start == null ? 0 : start.seconds();
        double[] history = new double[settings.epochs()];
        if (start != null) {
            System.arraycopy(start.trainBitsPerDim(), 0, history, 0, start.epochsDone());
        }
        TorchEngine.seed(settings.seed());
        try (NDManager manager = TorchEngine.newManager();
             RgFlowNetwork network = new RgFlowNetwork(settings, architecture, manager, weights)) {
            if (start != null) {
                network.flow().setWeights(start.weights());
            }
            List<NDArray> parameters = network.flow().parameters();
            AdamOptimizer adam = new AdamOptimizer(parameters, manager, start == null ? null : start.optimizer());
            TrainedRgFlow snapshot = start;
            int batches = n / batch;
            for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
                SplittableRandom stream = root.split();
                int[] order = permutation(n, stream.split());
                SplittableRandom noise = stream.split();
                double sum = 0;
                for (int b = 0; b < batches; b++) {
                    ImageSet chunk = images.select(Arrays.copyOfRange(order, b * batch, (b + 1) * batch));
                    float[] y = chunk.dequantise(0, batch, noise);
                    try (NDManager step = manager.newSubManager()) {
                        NDArray lnP;
                        try (GradientCollector collector = TorchEngine.engine().newGradientCollector()) {
                            lnP = network.encode(step.create(y, network.shape(batch))).get(1);
                            collector.backward(Scalars.div(lnP.mean().neg(), d));
                        }
                        double bits = RgFlowNetwork.bitsPerDim(lnP.mean().getFloat(), d);
                        if (!Double.isFinite(bits)) {
                            throw new IllegalArgumentException("training diverged at epoch " + epoch + " (bits/dim "
                                    + bits + "): try a smaller learning rate or clipping norm");
                        }
                        sum += bits;
                        step(parameters, adam);
                    }
                }
                history[epoch - 1] = sum / batches;
                double seconds = (System.nanoTime() - began) * 1e-9;
                snapshot = new TrainedRgFlow(settings, architecture, network.flow().weights(), epoch,
                        previousSeconds + seconds, Arrays.copyOf(history, epoch), adam.state());
                progress.epochDone(epoch, settings.epochs(), history[epoch - 1], snapshot);
                if (seconds >= maxSeconds) {
                    break;
                }
            }
            if (snapshot == null) {
                snapshot = new TrainedRgFlow(settings, architecture, network.flow().weights(), 0, 0, new double[0]);
            }
            return snapshot;
        }
    }

    /** Clips the gradient's global norm in place, then one Adam update of every parameter (which zeroes the gradients). */
    private void step(List<NDArray> parameters, AdamOptimizer adam) {
        double squared = 0;
        for (NDArray p : parameters) {
            try (NDArray grad = p.getGradient(); NDArray square = grad.square(); NDArray sum = square.sum()) {
                squared += sum.getFloat();
            }
        }
        double norm = Math.sqrt(squared);
        double scale = norm > settings.clipNorm() ? settings.clipNorm() / norm : 1;
        if (scale != 1) {
            for (NDArray p : parameters) {
                try (NDArray grad = p.getGradient()) {
                    Scalars.muli(grad, (float) scale);
                }
            }
        }
        adam.step((float) settings.learningRate());
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
