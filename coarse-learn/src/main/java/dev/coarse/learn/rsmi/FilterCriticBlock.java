package dev.coarse.learn.rsmi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import dev.coarse.learn.engine.GlorotUniform;
import java.util.random.RandomGenerator;
import dev.coarse.learn.engine.Scalars;

/**
 * The network RSMI trains: the filter Λ (a linear map without bias, V → n<sub>h</sub> logits z<sub>j</sub> =
 * Λ<sub>j</sub>·V/‖Λ<sub>j</sub>‖, each row normalised), the relaxed hidden
 * variables of {@link HiddenKind}, and a critic scoring every (H<sub>i</sub>, E<sub>j</sub>) pairing of a batch.
 *
 * <p>Input {@code NDList(v, e, noise, temperature)}: v (K, |V|), e (K, |E|), noise (K, n<sub>h</sub>) — logistic
 * for binary, Gumbel for categorical, drawn by the trainer from its own stream — and temperature of shape (1).
 * In training the hidden variables are relaxed with the noise at that temperature; in evaluation they are hard
 * (sign, or one-hot argmax) and noise and temperature are ignored. Output {@code NDList(scores)}, (K, K).
 */
final class FilterCriticBlock extends AbstractBlock {

    private final Block filter;
    private final Block critic;
    private final HiddenKind kind;
    private final int hidden;
    private final Parameter gain;

    FilterCriticBlock(int hidden, HiddenKind kind, Block critic, RandomGenerator filterWeights, float initialGain) {
        this.hidden = hidden;
        this.kind = kind;
        this.filter = addChildBlock("filter", Linear.builder().setUnits(hidden).optBias(false).build());
        this.filter.setInitializer(new GlorotUniform(filterWeights), Parameter.Type.WEIGHT);
        this.critic = addChildBlock("critic", critic);
        this.gain = addParameter(Parameter.builder().setName("gain").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(hidden)).optInitializer(new ConstantInitializer(initialGain)).build());
    }

    /** The gain g of z = g Λ·V/‖Λ‖, one per hidden variable. */
    Parameter gain() {
        return gain;
    }

    /** The filter's weight parameter, shape (n<sub>h</sub>, |V|). */
    Parameter filterWeight() {
        return filter.getParameters().get("weight");
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray v = inputs.get(0);
        NDArray w = store.getValue(filterWeight(), v.getDevice(), training);
        // weight normalisation (Salimans & Kingma 2016): each row of Λ enters with unit norm, so the sharpness of the
        // relaxed H is set by the annealed temperature alone, not by a growing |Λ| that would saturate it early and
        // stop the gradient that aligns the filter; sign and argmax, hence the hard filter, are unchanged
        NDArray gain = store.getValue(gain(), v.getDevice(), training);
        NDArray logits = Linear.linear(v, w.div(w.norm(new int[] {1}, true))).singletonOrThrow().mul(gain);
        NDArray h;
        if (training) {
            NDArray noisy = logits.add(inputs.get(2)).div(inputs.get(3));
            h = kind == HiddenKind.BINARY ? Scalars.div(noisy, 2).tanh() : noisy.softmax(1);
        } else if (kind == HiddenKind.BINARY) {
            h = logits.sign();
        } else {
            h = logits.argMax(1).oneHot(hidden).toType(DataType.FLOAT32, false);
        }
        return critic.forward(store, new NDList(h, inputs.get(1)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[1].get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        filter.initialize(manager, dataType, inputShapes[0]);
        critic.initialize(manager, dataType, new Shape(inputShapes[0].get(0), hidden), inputShapes[1]);
    }
}
