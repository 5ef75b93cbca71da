package dev.coarse.learn.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * The native memory of one float input of fixed shape, allocated once and refilled for every batch.
 *
 * <p>Why: DJL's {@code NDManager.create(float[], Shape)} copies the values into a <em>new</em> direct buffer on every
 * call, and a direct buffer is freed only when a garbage collection finds it unreachable. A training loop that
 * creates its batch that way touches fresh memory at every step (RSMI-NE's tutorial setting: 1.5 MB of V and E per
 * step, 5,700 steps, a few collections): the page faults and zeroing showed as {@code java.nio.Bits.setMemory} at
 * the top of the Java profile and as system time. Here the memory is reused, so the values — hence every result —
 * are the same and the faults are gone.
 *
 * <p>The array {@link #fill} returns is a tensor over this buffer ({@code torch::from_blob}, no copy): it is valid
 * until the next {@code fill}. Use it within one step (forward, backward, optimizer update), closing it with the
 * step's sub-manager, before filling again. The buffer lives as long as this object, so a collection cannot free it
 * under a tensor that autograd saved during the step.
 */
public final class BatchBuffer {

    private final Shape shape;
    private final ByteBuffer bytes;
    private final FloatBuffer floats;

    /** A buffer for arrays of {@code shape} (float32). */
    public BatchBuffer(Shape shape) {
        this.shape = shape;
        long size = shape.size();
        if (size <= 0 || size > Integer.MAX_VALUE / Float.BYTES) {
            throw new IllegalArgumentException("a batch buffer needs 1.." + Integer.MAX_VALUE / Float.BYTES
                    + " values, got shape " + shape);
        }
        this.bytes = ByteBuffer.allocateDirect((int) size * Float.BYTES).order(ByteOrder.nativeOrder());
        this.floats = bytes.asFloatBuffer();
    }

    /**
     * The array of this shape holding {@code values}, attached to {@code manager}; the previous array of this buffer
     * must no longer be read.
     *
     * @throws IllegalArgumentException if {@code values} does not have the shape's size
     */
    public NDArray fill(NDManager manager, float[] values) {
        if (values.length != floats.capacity()) {
            throw new IllegalArgumentException("batch of " + values.length + " values for shape " + shape);
        }
        floats.clear();
        floats.put(values);
        bytes.clear();
        return manager.create(bytes, shape, DataType.FLOAT32);
    }
}
