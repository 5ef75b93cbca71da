package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.UserError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of one YAML mapping of a spec: every key read is remembered, and {@link #finish()} rejects the
 * rest ({@code unknown key 'foo' in SPEC.yaml}). Type and range errors name the key and its section. All
 * failures are {@link UserError}s (one line, exit 2).
 */
final class SpecReader {

    private final JsonNode node;
    private final String file;
    private final String section;
    private final Set<String> read = new HashSet<>();

    SpecReader(JsonNode node, String file, String section) {
        if (node == null || !node.isObject()) {
            throw new UserError((section == null ? "the spec" : "section '" + section + "'") + " in " + file
                    + " must be a mapping of keys to values");
        }
        this.node = node;
        this.file = file;
        this.section = section;
    }

    private String where(String key) {
        return "'" + (section == null ? key : section + "." + key) + "' in " + file;
    }

    UserError error(String key, String message) {
        return new UserError(where(key) + ": " + message);
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private JsonNode get(String key) {
        read.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    String string(String key, String fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isValueNode()) {
            throw error(key, "expected a single value, got " + kind(v));
        }
        return v.asText();
    }

    String choice(String key, String fallback, List<String> allowed) {
        String v = string(key, fallback);
        if (v != null && !allowed.contains(v)) {
            throw error(key, "expected one of " + String.join(", ", allowed) + ", got '" + v + "'");
        }
        return v;
    }

    long integer(String key, long fallback, long min, long max) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        long value = integerValue(key, v);
        if (value < min || value > max) {
            throw error(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private long integerValue(String key, JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            return (long) v.asDouble();
        }
        throw error(key, "expected an integer, got " + kind(v));
    }

    double number(String key, double fallback, double min, double max) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        double value = numberValue(key, v);
        if (!(value >= min && value <= max)) {
            throw error(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private double numberValue(String key, JsonNode v) {
        if (!v.isNumber()) {
            throw error(key, "expected a number, got " + kind(v));
        }
        return v.asDouble();
    }

    /** A list of integers (a single integer is a list of one), each in [min, max]; fallback when absent. */
    List<Integer> integers(String key, List<Integer> fallback, int min, int max) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode e : v.isArray() ? v : List.of(v)) {
            long value = integerValue(key, e);
            if (value < min || value > max) {
                throw error(key, "values must be between " + min + " and " + max + ", got " + value);
            }
            out.add((int) value);
        }
        if (out.isEmpty()) {
            throw error(key, "must not be empty");
        }
        return List.copyOf(out);
    }

    /** A list of strings (a single string is a list of one); fallback when absent. */
    List<String> strings(String key, List<String> fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v.isArray() ? v : List.of(v)) {
            if (!e.isValueNode()) {
                throw error(key, "expected a list of names, got " + kind(e) + " inside it");
            }
            out.add(e.asText());
        }
        return List.copyOf(out);
    }

    /**
     * Positive values given as a list ({@code [2.2, 2.3]}), a single number, or a range string {@code "a:b:n"}
     * (n equally spaced values from a to b inclusive, n ≥ 2).
     */
    double[] range(String key, double[] fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        double[] out;
        if (v.isTextual()) {
            String[] parts = v.asText().split(":");
            if (parts.length != 3) {
                throw error(key, "expected a list of numbers or a range 'a:b:n', got '" + v.asText() + "'");
            }
            double a;
            double b;
            int n;
            try {
                a = Double.parseDouble(parts[0].strip());
                b = Double.parseDouble(parts[1].strip());
                n = Integer.parseInt(parts[2].strip());
            } catch (NumberFormatException e) {
                throw error(key, "expected a range 'a:b:n' of two numbers and a count, got '" + v.asText() + "'");
            }
            if (n < 2 || n > 1000 || !(b > a)) {
                throw error(key, "range 'a:b:n' needs a < b and 2 ≤ n ≤ 1000, got '" + v.asText() + "'");
            }
            out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = a + (b - a) * i / (n - 1);
            }
        } else {
            List<Double> values = new ArrayList<>();
            for (JsonNode e : v.isArray() ? v : List.of(v)) {
                values.add(numberValue(key, e));
            }
            out = values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (out.length == 0) {
            throw error(key, "must not be empty");
        }
        for (double x : out) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw error(key, "values must be finite and > 0, got " + x);
            }
        }
        return out;
    }

    /** A nested section as its own reader (an empty one when absent). */
    SpecReader section(String key) {
        JsonNode v = get(key);
        String name = section == null ? key : section + "." + key;
        if (v == null) {
            return new SpecReader(JsonOutput.MAPPER.createObjectNode(), file, name);
        }
        if (!v.isObject()) {
            throw new UserError("'" + name + "' in " + file + ": expected a mapping of keys to values, got " + kind(v));
        }
        return new SpecReader(v, file, name);
    }

    /** Rejects keys that were never read. */
    void finish() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!read.contains(key)) {
                throw new UserError("unknown key '" + (section == null ? key : section + "." + key) + "' in " + file);
            }
        }
    }

    private static String kind(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isTextual()) {
            return "'" + v.asText() + "'";
        }
        return v.toString();
    }

    /** Deep merge: every key of {@code overrides} replaces (or, for mappings, merges into) the base's. */
    static void merge(ObjectNode base, JsonNode overrides) {
        for (Iterator<String> it = overrides.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode o = overrides.get(key);
            JsonNode b = base.get(key);
            if (o.isObject() && b != null && b.isObject()) {
                merge((ObjectNode) b, o);
            } else {
                base.set(key, o.deepCopy());
            }
        }
    }
}
