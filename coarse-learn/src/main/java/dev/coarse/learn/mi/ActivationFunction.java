package dev.coarse.learn.mi;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.coarse.naming.Identified;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The non-linearity between the hidden layers of a critic's {@link Mlp}. ReLU is the default of Poole et al.
 * (2019) and RSMI-NE; tanh and softplus give smooth critics (a smooth log density ratio, such as the bilinear one
 * of Gaussians, is fitted with fewer units); ELU (α = 1) is smooth with ReLU's unbounded positive side.
 */
public enum ActivationFunction implements Identified {

    RELU("relu", Activation::relu),
    TANH("tanh", Activation::tanh),
    SOFTPLUS("softplus", Activation::softPlus),
    ELU("elu", x -> Activation.elu(x, 1f));

    private final String id;
    private final UnaryOperator<NDArray> function;

    ActivationFunction(String id, UnaryOperator<NDArray> function) {
        this.id = id;
        this.function = function;
    }

    /** The short name used on the command line and in JSON. */
    @Override
    public String id() {
        return id;
    }

    /** The function applied elementwise; a new array. */
    public NDArray apply(NDArray x) {
        return function.apply(x);
    }

    /**
     * The activation with this short name.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static ActivationFunction ofId(String id) {
        return Identified.byId(ActivationFunction.class, "activation", id == null ? null : id.toLowerCase(Locale.ROOT));
    }
}
