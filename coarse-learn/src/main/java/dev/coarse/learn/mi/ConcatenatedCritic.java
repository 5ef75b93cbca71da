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
 * The concatenated (joint) critic f(x, y) = m([x, y]) (Poole et al. 2019, §2; MINE's critic): one MLP reads each
 * pairing of a batch's x and y, K² network evaluations per batch of K. It can represent any log density ratio,
 * at K/2 times the cost of the {@link SeparableCritic} per batch; use smaller batches with it.
 *
 * @param mlp the hidden layers of m (its output is one score)
 */
public record ConcatenatedCritic(Mlp mlp) implements Critic {

    public ConcatenatedCritic {
        Objects.requireNonNull(mlp, "mlp");
    }

    @Override
    public Block newBlock(RandomGenerator initialWeights) {
        Block block = new Scores(mlp.block(1));
        block.setInitializer(new GlorotUniform(initialWeights), Parameter.Type.WEIGHT);
        return block;
    }

    @Override
    public String id() {
        return "concat";
    }

    /** m([x_i, y_j]) for every i, j, row-major. */
    private static final class Scores extends AbstractBlock {

        private final Block m;

        Scores(Block m) {
            this.m = addChildBlock("m", m);
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray x = inputs.get(0);
            NDArray y = inputs.get(1);
            long kx = x.getShape().get(0);
            long ky = y.getShape().get(0);
            // row i·K_y + j pairs x_i with y_j
            long dx = x.getShape().get(1);
            long dy = y.getShape().get(1);
            NDArray pairs = x.expandDims(1).broadcast(kx, ky, dx).reshape(kx * ky, dx)
                    .concat(y.expandDims(0).broadcast(kx, ky, dy).reshape(kx * ky, dy), 1);
            NDArray scores = m.forward(store, new NDList(pairs), training).singletonOrThrow();
            return new NDList(scores.reshape(kx, ky));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[1].get(0))};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            long pairs = inputShapes[0].get(0) * inputShapes[1].get(0);
            m.initialize(manager, dataType, new Shape(pairs, inputShapes[0].get(1) + inputShapes[1].get(1)));
        }
    }
}
