package dev.coarse.learn.mi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.coarse.learn.engine.GlorotUniform;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The separable critic f(x, y) = g(x)·h(y) (Poole et al. 2019, §2; the critic of CPC and RSMI-NE): two MLPs embed
 * x and y in ℝ<sup>e</sup>, and one K×e by e×K product scores all K² pairings of a batch, so a batch costs 2K network
 * evaluations. It can represent any log density ratio of rank ≤ e (constant terms included, through the biases),
 * e.g. the bilinear one of correlated Gaussians with e ≥ d.
 *
 * @param mlp       the hidden layers of g and of h (the same shape, separate weights)
 * @param embedding e, the output width of g and h, ≥ 1
 */
public record SeparableCritic(Mlp mlp, int embedding) implements Critic {

    /** The default embedding dimension e (Poole et al. 2019 use 32 for 20 + 20 Gaussians). */
    public static final int DEFAULT_EMBEDDING = 32;

    public SeparableCritic {
        Objects.requireNonNull(mlp, "mlp");
        if (embedding < 1) {
            throw new IllegalArgumentException("the embedding dimension must be at least 1, got " + embedding);
        }
    }

    /** The default separable critic: {@link Mlp#defaults()} for g and h, e = {@value #DEFAULT_EMBEDDING}. */
    public static SeparableCritic defaults() {
        return new SeparableCritic(Mlp.defaults(), DEFAULT_EMBEDDING);
    }

    @Override
    public Block newBlock(RandomGenerator initialWeights) {
        Block block = new Scores(mlp.block(embedding), mlp.block(embedding));
        block.setInitializer(new GlorotUniform(initialWeights), Parameter.Type.WEIGHT);
        return block;
    }

    @Override
    public String id() {
        return "separable";
    }

    /** g(x) h(y)ᵀ. */
    private static final class Scores extends AbstractBlock {

        private final Block g;
        private final Block h;

        Scores(Block g, Block h) {
            this.g = addChildBlock("g", g);
            this.h = addChildBlock("h", h);
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray gx = g.forward(store, new NDList(inputs.get(0)), training).singletonOrThrow();
            NDArray hy = h.forward(store, new NDList(inputs.get(1)), training).singletonOrThrow();
            return new NDList(gx.matMul(hy.transpose()));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[1].get(0))};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            g.initialize(manager, dataType, inputShapes[0]);
            h.initialize(manager, dataType, inputShapes[1]);
        }
    }
}
