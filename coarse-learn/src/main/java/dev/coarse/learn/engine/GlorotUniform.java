package dev.coarse.learn.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Glorot (Xavier) uniform initial weights, U(−a, a) with a = √(6 / (fan-in + fan-out)) (Glorot &amp; Bengio 2010,
 * eq. 16), drawn from a Coarse random stream instead of the engine's process-wide generator: a network initialised
 * from its own split stream starts the same whatever else runs in the process.
 *
 * <p>One instance draws from its stream in the order the block initialises its parameters (a
 * {@code SequentialBlock} goes through its children in order), so give each network its own instance. Shapes are
 * (fan-out, fan-in, kernel…), as for DJL's linear and convolution weights.
 */
public final class GlorotUniform implements Initializer {

    private final RandomGenerator random;

    /** @param random the stream the weights are drawn from (advanced by every initialised parameter) */
    public GlorotUniform(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (shape.dimension() < 2) {
            throw new IllegalArgumentException("Glorot initialisation needs a weight of rank 2 or more, got " + shape);
        }
        long receptiveField = shape.size() / (shape.get(0) * shape.get(1));
        double fanIn = (double) shape.get(1) * receptiveField;
        double fanOut = (double) shape.get(0) * receptiveField;
        double bound = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        NDArray weights = manager.create(values, shape);
        return dataType == DataType.FLOAT32 ? weights : weights.toType(dataType, false);
    }
}
