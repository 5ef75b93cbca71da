package dev.coarse.learn.mi;

import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.Arrays;
import java.util.Objects;

/**
 * The shape of a multilayer perceptron: fully connected hidden layers of the given widths, each followed by the
 * activation, then a linear output layer (width chosen by the critic that uses it). Weights are initialised by
 * the critic ({@link Critic#newBlock}), biases start at zero.
 *
 * @param hiddenWidths units of each hidden layer, in order; each ≥ 1; empty for a linear map
 * @param activation   the non-linearity after each hidden layer
 */
public record Mlp(int[] hiddenWidths, ActivationFunction activation) {

    /** Units per hidden layer of the default critic MLP. */
    public static final int DEFAULT_WIDTH = 64;
    /** Hidden layers of the default critic MLP. */
    public static final int DEFAULT_DEPTH = 2;
    /**
     * The default activation: ELU trained all three bounds on the 20 + 20 Gaussian, where softplus left NWJ stuck
     * near 0 (its first steps drive the units into saturation) and ReLU and tanh reached less (docs/info.md).
     */
    public static final ActivationFunction DEFAULT_ACTIVATION = ActivationFunction.ELU;

    public Mlp {
        Objects.requireNonNull(hiddenWidths, "hiddenWidths");
        Objects.requireNonNull(activation, "activation");
        hiddenWidths = hiddenWidths.clone();
        for (int w : hiddenWidths) {
            if (w < 1) {
                throw new IllegalArgumentException("hidden layer widths must be at least 1, got "
                        + Arrays.toString(hiddenWidths));
            }
        }
    }

    /** {@value #DEFAULT_DEPTH} hidden layers of {@value #DEFAULT_WIDTH} units, ELU. */
    public static Mlp defaults() {
        return of(DEFAULT_WIDTH, DEFAULT_DEPTH, DEFAULT_ACTIVATION);
    }

    /** {@code depth} hidden layers of {@code width} units each. */
    public static Mlp of(int width, int depth, ActivationFunction activation) {
        if (depth < 0) {
            throw new IllegalArgumentException("MLP depth must be >= 0, got " + depth);
        }
        int[] widths = new int[depth];
        Arrays.fill(widths, width);
        return new Mlp(widths, activation);
    }

    @Override
    public int[] hiddenWidths() {
        return hiddenWidths.clone();
    }

    /** The number of hidden layers. */
    public int depth() {
        return hiddenWidths.length;
    }

    /** A new, uninitialised block: the hidden layers, then a linear layer of {@code outputs} units. */
    SequentialBlock block(int outputs) {
        SequentialBlock block = new SequentialBlock();
        for (int width : hiddenWidths) {
            block.add(Linear.builder().setUnits(width).build());
            block.addSingleton(activation::apply);
        }
        return block.add(Linear.builder().setUnits(outputs).build());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mlp m && Arrays.equals(hiddenWidths, m.hiddenWidths) && activation == m.activation;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hiddenWidths) + activation.hashCode();
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(hiddenWidths) + " " + activation.id();
    }
}
