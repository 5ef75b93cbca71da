package dev.coarse.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.stats.Estimate;
import java.io.PrintWriter;

/** The one JSON object a command prints on stdout with {@code --json}; snake_case keys by convention. */
public final class JsonOutput {

    /** Shared mapper: pretty-printed, NaN written as a JSON string is avoided by {@link #estimate}. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"mean","error","tau_int"}}; a NaN τ<sub>int</sub> is written as null. */
    public static ObjectNode estimate(Estimate e) {
        ObjectNode n = MAPPER.createObjectNode();
        putNumber(n, "mean", e.mean());
        putNumber(n, "error", e.error());
        putNumber(n, "tau_int", e.tauInt());
        return n;
    }

    /** {@code {"mean","error"}}: an estimate without its τ<sub>int</sub>; NaN or infinity written as null. */
    public static ObjectNode meanError(Estimate e) {
        ObjectNode n = MAPPER.createObjectNode();
        putNumber(n, "mean", e.mean());
        putNumber(n, "error", e.error());
        return n;
    }

    /** Puts a double, writing null for NaN or infinity (which JSON cannot hold). */
    public static void putNumber(ObjectNode n, String key, double value) {
        if (Double.isFinite(value)) {
            n.put(key, value);
        } else {
            n.putNull(key);
        }
    }

    public static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
