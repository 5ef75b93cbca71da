package dev.coarse.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.stats.Estimate;
import java.io.PrintWriter;

/**
 * The one JSON object a command prints on stdout with {@code --json}, pretty-printed; snake_case keys by convention.
 * Its parts have the JSON forms of results.json ({@link Json}): the object-building methods here are those.
 */
public final class JsonOutput {

    /** Shared mapper: pretty-printed. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    public static ObjectNode object() {
        return Json.object();
    }

    /** {@code {"mean","error","tau_int"}}; a NaN τ<sub>int</sub> is written as null ({@link Json#estimate}). */
    public static ObjectNode estimate(Estimate e) {
        return Json.estimate(e);
    }

    /** {@code {"mean","error"}}: an estimate without its τ<sub>int</sub>; NaN or infinity written as null. */
    public static ObjectNode meanError(Estimate e) {
        return Json.meanError(e);
    }

    /** Puts a double, writing null for NaN or infinity (which JSON cannot hold). */
    public static void putNumber(ObjectNode n, String key, double value) {
        Json.putNumber(n, key, value);
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
