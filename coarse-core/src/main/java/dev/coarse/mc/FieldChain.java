package dev.coarse.mc;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One chain of a {@link FieldSampler}: its field, its sampler (whose step holds the tuning and the acceptance counts)
 * and its random stream, with the whole state as bytes for in-chain checkpoints ({@link FieldChainRunner}). The field
 * sibling of {@link SamplerChain}.
 */
final class FieldChain {

    private final FieldSampler sampler;
    private final double[] field;
    private RandomGenerator stream;

    /**
     * Starts hot: φ<sub>k</sub> ~ N(0, 1) for every real component, drawn from {@code stream}.
     *
     * <p>Modified: {@code stream} is advanced by the hot start and kept.
     */
    FieldChain(FieldSampler sampler, RandomGenerator stream) {
        this.sampler = sampler;
        this.stream = stream;
        this.field = new double[sampler.model().fieldLength()];
        for (int k = 0; k < field.length; k++) {
            field[k] = stream.nextGaussian();
        }
    }

    FieldSampler sampler() {
        return sampler;
    }

    /** The current field (the chain's own array: copy it to keep it). */
    double[] field() {
        return field;
    }

    /** One update of the sampler with the chain's stream. Modified: the field, the stream, the step. */
    void update() {
        sampler.update(field, stream);
    }

    /** Bytes of a saved state: the generator's words, the step, the field. */
    private int stateBytes() {
        return ResumableStream.STATE_WORDS * Long.BYTES + AdaptiveStep.STATE_BYTES + field.length * Double.BYTES;
    }

    /**
     * The chain's whole state between two updates: the generator's {@link ResumableStream#state()} words, the step's
     * state ({@link AdaptiveStep#writeState}) and the field's raw bits; empty for another generator.
     */
    Optional<byte[]> saveState() {
        if (!(stream instanceof ResumableStream resumable)) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate(stateBytes());
        for (long word : resumable.state()) {
            bytes.putLong(word);
        }
        sampler.step().writeState(bytes);
        for (double v : field) {
            bytes.putLong(Double.doubleToRawLongBits(v));
        }
        return Optional.of(bytes.array());
    }

    /**
     * Replaces the chain's state by one {@link #saveState} wrote for a chain of the same sampler kind and model.
     *
     * <p>Modified: the field, the step and the generator.
     *
     * @throws IllegalArgumentException if {@code saved} does not fit this chain's field, or is not such a state
     */
    void restoreState(byte[] saved) {
        if (saved.length != stateBytes()) {
            throw new IllegalArgumentException("a saved field chain of " + saved.length + " bytes does not fit a field"
                    + " of " + field.length + " values (" + stateBytes() + " bytes)");
        }
        ByteBuffer bytes = ByteBuffer.wrap(saved);
        long[] words = new long[ResumableStream.STATE_WORDS];
        for (int k = 0; k < words.length; k++) {
            words[k] = bytes.getLong();
        }
        ResumableStream restored = ResumableStream.fromState(words);
        double[] values = new double[field.length];
        bytes.position(bytes.position() + AdaptiveStep.STATE_BYTES);
        for (int k = 0; k < values.length; k++) {
            values[k] = Double.longBitsToDouble(bytes.getLong());
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("a saved field holds the non-finite value " + values[k]);
            }
        }
        sampler.step().readState(bytes.position(ResumableStream.STATE_WORDS * Long.BYTES));
        stream = restored;
        System.arraycopy(values, 0, field, 0, field.length);
    }
}
