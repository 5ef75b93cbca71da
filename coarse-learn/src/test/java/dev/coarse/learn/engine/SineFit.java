package dev.coarse.learn.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.SplittableRandom;

/**
 * A 1 → {@value #HIDDEN} → 1 tanh MLP trained by full-batch Adam to y = sin x on {@value #POINTS} equally spaced
 * points of [−π, π]: the smallest network that exercises everything a Coarse network needs (blocks, autograd
 * through {@link GradientCollector}, an optimiser step, seeded initial weights).
 */
final class SineFit {

    static final int HIDDEN = 64;
    static final int POINTS = 256;
    static final float LEARNING_RATE = 0.01f;

    /** The mean squared error after each step, and the final mean squared error on the training points. */
    record Result(float[] losses, double finalMeanSquaredError) {
    }

    private SineFit() {
    }

    static Result train(long seed, int steps) {
        TorchEngine.seed(seed);
        SequentialBlock mlp = new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(1).build());
        mlp.setInitializer(new GlorotUniform(new SplittableRandom(seed)), Parameter.Type.WEIGHT);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build());
        try (Model model = TorchEngine.newModel("sine-mlp")) {
            model.setBlock(mlp);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(POINTS, 1));
                NDManager manager = trainer.getManager();
                NDArray x = manager.linspace(-(float) Math.PI, (float) Math.PI, POINTS).reshape(POINTS, 1);
                NDArray y = x.sin();
                float[] losses = new float[steps];
                for (int step = 0; step < steps; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray loss = prediction.sub(y).square().mean();
                        collector.backward(loss);
                        losses[step] = loss.getFloat();
                    }
                    trainer.step();
                }
                NDArray prediction = trainer.evaluate(new NDList(x)).singletonOrThrow();
                return new Result(losses, prediction.sub(y).square().mean().getFloat());
            }
        }
    }
}
