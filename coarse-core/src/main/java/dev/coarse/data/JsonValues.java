package dev.coarse.data;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Strict reading of the values of a JSON model file a user hands in (trained flows, RG-Flows): each value must have
 * the type and range it was written with, or an {@link IllegalArgumentException} of one line names its key and what
 * it holds. Jackson's own accessors are lenient — {@code asInt()} reads 2.5 as 2 and "x" as 0, {@code asBoolean()}
 * reads 1 as true, a missing key reads as 0 — so a damaged file would otherwise load as a different model. Keys are
 * named as dotted paths ({@code "settings.hidden_width"}); the node given is the key's parent.
 */
public final class JsonValues {

    private JsonValues() {
    }

    private static JsonNode child(JsonNode parent, String path) {
        return parent.path(path.substring(path.lastIndexOf('.') + 1));
    }

    private static IllegalArgumentException wrong(String path, String what, JsonNode value) {
        return new IllegalArgumentException("\"" + path + "\" must be " + what + ", got "
                + (value.isMissingNode() ? "nothing" : shortText(value)));
    }

    /** The value as it appears in the file, cut short if long (a whole array of weights is not a message). */
    private static String shortText(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** An integer at least {@code min} (not 2.5, not "2", not a number beyond int). */
    public static int integer(JsonNode parent, String path, int min) {
        JsonNode v = child(parent, path);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
            throw wrong(path, "an integer >= " + min, v);
        }
        return v.asInt();
    }

    /** A long integer (a seed). */
    public static long longInteger(JsonNode parent, String path) {
        JsonNode v = child(parent, path);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrong(path, "an integer", v);
        }
        return v.asLong();
    }

    /** A finite number (1e999 is valid JSON but no double). */
    public static double finite(JsonNode parent, String path) {
        return finiteValue(child(parent, path), path);
    }

    private static double finiteValue(JsonNode v, String path) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw wrong(path, "a finite number", v);
        }
        return v.asDouble();
    }

    /** {@code true} or {@code false} (not 1, not "yes"). */
    public static boolean bool(JsonNode parent, String path) {
        JsonNode v = child(parent, path);
        if (!v.isBoolean()) {
            throw wrong(path, "true or false", v);
        }
        return v.asBoolean();
    }

    /** A string. */
    public static String text(JsonNode parent, String path) {
        JsonNode v = child(parent, path);
        if (!v.isTextual()) {
            throw wrong(path, "a string", v);
        }
        return v.asText();
    }

    /**
     * An array of numbers that may include the non-finite values Jackson writes as the strings "NaN", "Infinity" and
     * "-Infinity" (a training history whose bound diverged); nothing else.
     */
    public static double[] history(JsonNode parent, String path) {
        JsonNode a = child(parent, path);
        if (!a.isArray()) {
            throw wrong(path, "an array of numbers", a);
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            if (v.isNumber()) {
                out[i] = finiteValue(v, path + "[" + i + "]");
            } else if (v.isTextual() && (v.asText().equals("NaN") || v.asText().equals("Infinity")
                    || v.asText().equals("-Infinity"))) {
                out[i] = Double.parseDouble(v.asText());
            } else {
                throw wrong(path + "[" + i + "]", "a number", v);
            }
        }
        return out;
    }

    /**
     * Rows of finite single-precision numbers with the given sizes ({@code sizes[i]} entries in row i), e.g. a
     * network's parameter arrays; a number beyond float's range (3.5e38) is refused rather than read as infinity.
     */
    public static float[][] floatRows(JsonNode parent, String path, long[] sizes) {
        JsonNode a = child(parent, path);
        if (!a.isArray() || a.size() != sizes.length) {
            throw wrong(path, "an array of " + sizes.length + " arrays", a);
        }
        float[][] rows = new float[sizes.length][];
        for (int i = 0; i < rows.length; i++) {
            JsonNode row = a.get(i);
            if (!row.isArray() || row.size() != sizes[i]) {
                throw wrong(path + "[" + i + "]", "an array of " + sizes[i] + " numbers", row);
            }
            rows[i] = new float[row.size()];
            for (int j = 0; j < rows[i].length; j++) {
                JsonNode v = row.get(j);
                String at = path + "[" + i + "][" + j + "]";
                rows[i][j] = (float) finiteValue(v, at);
                if (!Float.isFinite(rows[i][j])) {
                    throw wrong(at, "a finite single-precision number", v);
                }
            }
        }
        return rows;
    }
}
