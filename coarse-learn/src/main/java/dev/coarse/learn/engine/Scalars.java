package dev.coarse.learn.engine;

import ai.djl.ndarray.NDArray;
import java.util.function.BinaryOperator;

/**
 * Arithmetic of an array with a number, safe under autograd — use it instead of DJL's {@code NDArray.add/sub/mul/div
 * (Number)} everywhere a gradient may flow.
 *
 * <p>Why: DJL's PyTorch engine (0.35.1) implements {@code a.mul(2)} as "make a scalar tensor over a Java direct
 * buffer ({@code torch::from_blob}, no copy), multiply, close the scalar's wrapper". Autograd saves the scalar for the
 * backward pass of {@code mul}, {@code div}, {@code pow}, {@code maximum} and {@code minimum}; once the wrapper is
 * closed nothing keeps the Java buffer alive, and a garbage collection between the forward and the backward pass
 * frees the memory the saved tensor still points at. The backward pass then reads whatever the allocator put there:
 * a wrong gradient, sometimes NaN. It showed as RSMI and flow trainings that diverged or came out different inside
 * long test JVMs and never alone; {@code ScalarsTest} reproduces it with a forced collection. Here the scalar is a
 * clone in libtorch's own reference-counted memory, which the saved tensor keeps alive by itself.
 */
public final class Scalars {

    private Scalars() {
    }

    /** a + v. */
    public static NDArray add(NDArray a, double v) {
        return with(a, v, NDArray::add);
    }

    /** a − v. */
    public static NDArray sub(NDArray a, double v) {
        return with(a, v, NDArray::sub);
    }

    /** a · v. */
    public static NDArray mul(NDArray a, double v) {
        return with(a, v, NDArray::mul);
    }

    /** a / v. */
    public static NDArray div(NDArray a, double v) {
        return with(a, v, NDArray::div);
    }

    /** a ← a · v, in place; returns a. */
    public static NDArray muli(NDArray a, double v) {
        return with(a, v, NDArray::muli);
    }

    private static NDArray with(NDArray a, double v, BinaryOperator<NDArray> op) {
        try (NDArray c = like(a, v)) {
            return op.apply(a, c);
        }
    }

    /**
     * The number v as a 0-dimensional array of a's type on a's manager, in libtorch-owned memory (a clone of the
     * Java-backed scalar DJL makes, which is closed at once). Close it when done; a graph that saved it keeps it.
     */
    public static NDArray like(NDArray a, double v) {
        try (NDArray java = a.getManager().create(v)) {
            NDArray owned = java.duplicate();
            if (owned.getDataType() == a.getDataType()) {
                return owned;
            }
            try (owned) {
                return owned.toType(a.getDataType(), false);
            }
        }
    }
}
