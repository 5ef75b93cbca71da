package dev.coarse.learn.rbm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.AtomicFiles;
import dev.coarse.data.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads RBMs as JSON (format "coarse-rbm", version 1; documented in docs/rbm.md):
 * {@code {"format":"coarse-rbm","version":1,"unit_type":"spin"|"binary","visible":nv,"hidden":nh,
 * "visible_bias":[nv],"hidden_bias":[nh],"weights":[[nh] × nv],"metadata":{string: string}}}.
 * Doubles are written with Jackson's shortest round-trip representation, so save/load is exact.
 */
public final class RbmFile {

    /** The value of the "format" key. */
    public static final String FORMAT = "coarse-rbm";
    /** The format version written. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RbmFile() {
    }

    /** A loaded model with its free-form training metadata (seed, settings, data source, …). */
    public record Saved(Rbm rbm, Map<String, String> metadata) {
    }

    /** The JSON text of a model. */
    public static String toJson(Rbm rbm, Map<String, String> metadata) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("unit_type", rbm.unitType().name().toLowerCase(java.util.Locale.ROOT));
        root.put("visible", rbm.visibleCount());
        root.put("hidden", rbm.hiddenCount());
        root.set("visible_bias", Json.plainNumbers(rbm.visibleBias()));
        root.set("hidden_bias", Json.plainNumbers(rbm.hiddenBias()));
        ArrayNode w = root.putArray("weights");
        for (int i = 0; i < rbm.visibleCount(); i++) {
            ArrayNode row = w.addArray();
            for (int j = 0; j < rbm.hiddenCount(); j++) {
                row.add(rbm.weight(i, j));
            }
        }
        ObjectNode meta = root.putObject("metadata");
        metadata.forEach(meta::put);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a model. @throws IllegalArgumentException on a malformed document */
    public static Saved fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an RBM file: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not an RBM file: \"format\" is not \"" + FORMAT + "\"");
        }
        if (!root.path("version").isIntegralNumber() || root.path("version").asLong() != VERSION) {
            throw new IllegalArgumentException("unsupported RBM file version " + root.path("version"));
        }
        UnitType type;
        try {
            type = UnitType.valueOf(root.path("unit_type").asText().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown unit_type " + root.path("unit_type"), e);
        }
        int nv = count(root, "visible");
        int nh = count(root, "hidden");
        double[] a = vector(root.path("visible_bias"), nv, "visible_bias");
        double[] b = vector(root.path("hidden_bias"), nh, "hidden_bias");
        JsonNode rows = root.path("weights");
        if (!rows.isArray() || rows.size() != nv) {
            throw new IllegalArgumentException("weights must be " + nv + " rows");
        }
        double[] w = new double[nv * nh];
        for (int i = 0; i < nv; i++) {
            System.arraycopy(vector(rows.get(i), nh, "weights row " + i), 0, w, i * nh, nh);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        root.path("metadata").fields().forEachRemaining(e -> meta.put(e.getKey(), e.getValue().asText()));
        return new Saved(new Rbm(type, a, b, w), meta);
    }

    /** Writes atomically; refuses to overwrite unless {@code force}. */
    public static void save(Path path, Rbm rbm, Map<String, String> metadata, boolean force) throws IOException {
        AtomicFiles.writeString(path, force, toJson(rbm, metadata));
    }

    public static Saved load(Path path) throws IOException {
        return fromJson(Json.readText(path, "an RBM file"));
    }

    /** A unit count: a positive integer (not 4.5, not a string). */
    private static int count(JsonNode root, String key) {
        JsonNode v = root.path(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw new IllegalArgumentException("\"" + key + "\" must be a positive integer, got " + v);
        }
        return v.asInt();
    }

    private static double[] vector(JsonNode node, int n, String name) {
        if (!node.isArray() || node.size() != n) {
            throw new IllegalArgumentException(name + " must be an array of " + n + " numbers");
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            if (!node.get(k).isNumber()) {
                throw new IllegalArgumentException(name + " must hold numbers");
            }
            x[k] = node.get(k).asDouble();
            if (!Double.isFinite(x[k])) {
                // e.g. 1e999, which JSON allows and a double cannot hold
                throw new IllegalArgumentException(name + " entry " + k + " is not a finite number: " + node.get(k));
            }
        }
        return x;
    }
}
