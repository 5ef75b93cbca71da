package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON forms shared by specs, results and checkpoints: an estimate is {@code {"mean","error","tau_int"}}, and a
 * number JSON cannot hold (NaN, ±∞) is written as null and read back as NaN. Reading is lenient about missing
 * numbers (NaN) because a checkpoint is only ever read by the code that wrote its format.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode estimate(Estimate e) {
        ObjectNode n = object();
        putNumber(n, "mean", e.mean());
        putNumber(n, "error", e.error());
        putNumber(n, "tau_int", e.tauInt());
        return n;
    }

    /** An estimate written by {@link #estimate(Estimate)}; nulls become NaN (a negative error 0). */
    static Estimate estimate(JsonNode n) {
        return new Estimate(number(n.path("mean")), Math.max(0, number(n.path("error"))), number(n.path("tau_int")));
    }

    /** Puts a double, null when it is not finite. */
    static void putNumber(ObjectNode n, String key, double value) {
        if (Double.isFinite(value)) {
            n.put(key, value);
        } else {
            n.putNull(key);
        }
    }

    /** A number, NaN for null, text or a missing node. */
    static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    /** Doubles as an array, null for those that are not finite. */
    static ArrayNode numbers(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }

    /** Doubles as an array exactly as {@link ObjectNode#put(String, double)} writes them (for spec grids). */
    static ArrayNode plainNumbers(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return List.copyOf(out);
    }

    static ArrayNode estimates(List<Estimate> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(e -> a.add(estimate(e)));
        return a;
    }

    static List<Estimate> estimates(JsonNode array) {
        return list(array, Json::estimate);
    }

    /** Each element of a JSON array read by {@code read}. */
    static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        array.forEach(e -> out.add(read.apply(e)));
        return List.copyOf(out);
    }
}
