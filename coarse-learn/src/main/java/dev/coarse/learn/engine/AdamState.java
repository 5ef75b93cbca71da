package dev.coarse.learn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.JsonValues;
import java.util.Objects;

/**
 * Adam's state after some updates: the step count t and, per parameter (in the network's parameter order), the
 * first and second moment estimates m and v — what a checkpoint must hold for a resumed training to be
 * bit-identical to an uninterrupted one.
 *
 * @param steps     updates taken, ≥ 0 (every parameter is updated at every step, so one count serves all)
 * @param means     m per parameter, flat; not copied
 * @param variances v per parameter, flat, same sizes as {@code means}; not copied
 */
public record AdamState(int steps, float[][] means, float[][] variances) {

    public AdamState {
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(variances, "variances");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (means.length != variances.length) {
            throw new IllegalArgumentException("means and variances cover " + means.length + " and "
                    + variances.length + " parameters");
        }
        for (int i = 0; i < means.length; i++) {
            if (means[i].length != variances[i].length) {
                throw new IllegalArgumentException("parameter " + i + " has " + means[i].length + " means and "
                        + variances[i].length + " variances");
            }
        }
    }

    /** Writes this state into a model file's {@code adam} object: {@code steps}, {@code means}, {@code variances}. */
    public void write(ObjectNode adam) {
        adam.put("steps", steps);
        putRows(adam.putArray("means"), means);
        putRows(adam.putArray("variances"), variances);
    }

    /** Rows of floats as a JSON array of arrays (model files' weights and moments). */
    public static void putRows(ArrayNode array, float[][] rows) {
        for (float[] row : rows) {
            ArrayNode r = array.addArray();
            for (float v : row) {
                r.add(v);
            }
        }
    }

    /**
     * The state in a model file's {@code adam} object (as {@link #write} writes it), or null when the file has none.
     *
     * @param sizes the number of values of each parameter
     * @throws IllegalArgumentException on wrong shapes, non-finite values or a negative variance
     */
    public static AdamState read(JsonNode adam, long[] sizes) {
        if (adam.isMissingNode()) {
            return null;
        }
        AdamState state = new AdamState(JsonValues.integer(adam, "adam.steps", 0),
                JsonValues.floatRows(adam, "adam.means", sizes), JsonValues.floatRows(adam, "adam.variances", sizes));
        for (float[] row : state.variances()) {
            for (float v : row) {
                if (!(v >= 0)) {
                    throw new IllegalArgumentException("\"adam.variances\" must be >= 0, got " + v);
                }
            }
        }
        return state;
    }
}
