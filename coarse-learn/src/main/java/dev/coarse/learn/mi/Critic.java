package dev.coarse.learn.mi;

import ai.djl.nn.Block;
import java.util.random.RandomGenerator;

/**
 * A critic f(x, y): a trainable network scoring every pairing of a batch's x and y samples. A bound
 * ({@link MiBound}) is a function of the score matrix only, so any critic trains with any bound.
 *
 * <p>The block's contract, which {@link MiTrainer} relies on: input {@code NDList(x, y)} with x of shape
 * (K, d<sub>x</sub>) and y of shape (K, d<sub>y</sub>), float32, row i of each from the same joint sample; output
 * {@code NDList(scores)} of shape (K, K) with {@code scores[i][j]} = f(x<sub>i</sub>, y<sub>j</sub>). The block
 * may behave differently in training ({@code forward(…, training = true, …)}), e.g. add noise; held-out data are
 * always scored with {@code training = false}.
 *
 * <p>Implementations here are {@link SeparableCritic} and {@link ConcatenatedCritic}. A network that transforms x
 * before scoring it (the RSMI filter, which maps a visible block V to hidden variables H = Λ(V) and scores H
 * against the environment) is a critic too: its block wraps one of these and applies the filter to x first.
 */
public interface Critic {

    /**
     * A new, uninitialised score block. Its weights are drawn from {@code initialWeights} when the trainer
     * initialises it (e.g. by setting a {@link dev.coarse.learn.engine.GlorotUniform} on it), so that a seed fixes
     * them. Random numbers the block needs while training (noise) must come from a stream seeded from this one
     * here, before any weight is drawn (e.g. {@code new SplittableRandom(initialWeights.nextLong())}), and be handed
     * to the engine as arrays, never drawn from PyTorch's generator.
     */
    Block newBlock(RandomGenerator initialWeights);

    /** The short name used on the command line and in JSON (separable, concat). */
    String id();
}
