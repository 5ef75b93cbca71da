package dev.coarse.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The JSON forms Coarse writes and reads back: results.json, canonical specs, checkpoints and the one object a command
 * prints with {@code --json}. An estimate is {@code {"mean","error","tau_int"}} (or {@code {"mean","error"}} where
 * τ<sub>int</sub> does not apply), and a number JSON cannot hold (NaN, ±∞) is written as null and read back as NaN.
 * Reading is lenient about missing numbers (NaN) because a checkpoint is only ever read by the code that wrote its
 * format.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"mean","error","tau_int"}}, each null where it is not finite. */
    public static ObjectNode estimate(Estimate e) {
        ObjectNode n = meanError(e);
        putNumber(n, "tau_int", e.tauInt());
        return n;
    }

    /** {@code {"mean","error"}}: an estimate without its τ<sub>int</sub>, each null where it is not finite. */
    public static ObjectNode meanError(Estimate e) {
        ObjectNode n = object();
        putNumber(n, "mean", e.mean());
        putNumber(n, "error", e.error());
        return n;
    }

    /** An estimate written by {@link #estimate(Estimate)}; nulls become NaN (a negative error 0). */
    public static Estimate estimate(JsonNode n) {
        return new Estimate(number(n.path("mean")), Math.max(0, number(n.path("error"))), number(n.path("tau_int")));
    }

    /** Puts a double, null when it is not finite. */
    public static void putNumber(ObjectNode n, String key, double value) {
        if (Double.isFinite(value)) {
            n.put(key, value);
        } else {
            n.putNull(key);
        }
    }

    /** A number, NaN for null, text or a missing node. */
    public static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    /** Doubles as an array, null for those that are not finite. */
    public static ArrayNode numbers(double[] values) {
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

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }

    /** Doubles as an array exactly as {@link ObjectNode#put(String, double)} writes them (for spec grids). */
    public static ArrayNode plainNumbers(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    public static ArrayNode integers(List<Integer> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return List.copyOf(out);
    }

    public static ArrayNode estimates(List<Estimate> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(e -> a.add(estimate(e)));
        return a;
    }

    public static List<Estimate> estimates(JsonNode array) {
        return list(array, Json::estimate);
    }

    /** Puts under {@code key} an array of one object per item, each filled by {@code write}: the inverse of {@link #list}. */
    public static <T> void putObjects(ObjectNode parent, String key, List<T> items, BiConsumer<T, ObjectNode> write) {
        ArrayNode array = parent.putArray(key);
        for (T item : items) {
            write.accept(item, array.addObject());
        }
    }

    /** Each element of a JSON array read by {@code read}. */
    public static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        array.forEach(e -> out.add(read.apply(e)));
        return List.copyOf(out);
    }

    /**
     * The UTF-8 text of a JSON document a user hands in; bytes that are not UTF-8 are refused naming the file and
     * what it should have been ({@code kind}, e.g. "an RBM file"), not with the decoder's "Input length = 1".
     */
    public static String readText(Path path, String kind) throws IOException {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(path + " is not " + kind + ": it is not UTF-8 text", e);
        }
    }
}
