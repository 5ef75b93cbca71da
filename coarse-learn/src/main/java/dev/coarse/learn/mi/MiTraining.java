package dev.coarse.learn.mi;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import dev.coarse.stats.Estimate;

/**
 * A trained critic, kept alive for its owner: {@link MiTrainer#train} returns it with the parameters of the best
 * validation epoch in place. Read the result, score other samples, or read the block's parameters (a trainer built
 * on this one reads its filter's weights here), then close it to free the network's native memory.
 * Not thread-safe.
 */
public final class MiTraining implements AutoCloseable {

    private final Model model;
    private final Trainer trainer;
    private final MiBound bound;
    private final int batchSize;
    private final double[][] xMoments;
    private final double[][] yMoments;
    private NeuralMiResult result;

    /**
     * @param xMoments {shift, scale} per x column; y likewise
     */
    MiTraining(Model model, Trainer trainer, MiBound bound, int batchSize, double[][] xMoments, double[][] yMoments) {
        this.model = model;
        this.trainer = trainer;
        this.bound = bound;
        this.batchSize = batchSize;
        this.xMoments = xMoments;
        this.yMoments = yMoments;
    }

    /** The estimate on the test half and the training history. */
    public NeuralMiResult result() {
        return result;
    }

    void setResult(NeuralMiResult value) {
        result = value;
    }

    /** The critic's block, with the parameters of the epoch kept; valid until {@link #close}. */
    public Block block() {
        return model.getBlock();
    }

    /**
     * The kept critic's bound on other samples (x and y row by row from the same joint samples; standardised by
     * the training part's moments if the run standardised), scored in ⌊N/K⌋ batches of K in the given order, with
     * the jackknife error over them.
     *
     * @throws IllegalArgumentException for samples of another shape than the training samples, non-finite values,
     *                                  or fewer than 2K of them
     */
    public Estimate bound(double[][] x, double[][] y) {
        int n = MiTrainer.checkSamples(x, y);
        if (x[0].length != xMoments[0].length || y[0].length != yMoments[0].length) {
            throw new IllegalArgumentException("samples of " + x[0].length + " + " + y[0].length
                    + " columns for a critic trained on " + xMoments[0].length + " + " + yMoments[0].length);
        }
        if (n < 2 * batchSize) {
            throw new IllegalArgumentException("scoring needs at least 2 batches of " + batchSize + " samples, got "
                    + n);
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return bound.pooled(statistics(FloatRows.of(x, all, xMoments[0], xMoments[1]),
                FloatRows.of(y, all, yMoments[0], yMoments[1])));
    }

    /** {@link MiBound#batchStatistics} of each full batch of K consecutive rows, scored in evaluation mode. */
    double[][] statistics(FloatRows x, FloatRows y) {
        int batches = x.rows() / batchSize;
        double[][] out = new double[batches][];
        float[] xBatch = new float[batchSize * x.columns()];
        float[] yBatch = new float[batchSize * y.columns()];
        for (int b = 0; b < batches; b++) {
            x.slice(b * batchSize, xBatch);
            y.slice(b * batchSize, yBatch);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDList input = new NDList(manager.create(xBatch, new Shape(batchSize, x.columns())),
                        manager.create(yBatch, new Shape(batchSize, y.columns())));
                float[] scores = trainer.evaluate(input).singletonOrThrow().toFloatArray();
                out[b] = MiBound.batchStatistics(scores, batchSize);
            }
        }
        return out;
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
