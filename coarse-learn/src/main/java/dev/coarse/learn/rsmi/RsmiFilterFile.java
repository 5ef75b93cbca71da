package dev.coarse.learn.rsmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.AtomicFiles;
import dev.coarse.data.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads RSMI filters as JSON (format "coarse-rsmi-filter", version 1; documented in docs/rsmi.md):
 * <pre>
 * {"format": "coarse-rsmi-filter", "version": 1, "rule": "rsmi",
 *  "dimension": d, "b": b,
 *  "reads": {"values": "spin"|"state"|"occupation", "states": q, "support": "sites"|"bonds", "components": c},
 *  "hidden_kind": "binary"|"categorical",
 *  "weights": [[|V| numbers] × n_h],
 *  "metadata": {string: string}}
 * </pre>
 * Weights are in {@link RsmiGeometry}'s order (block sites row-major, each site's m values in order). Doubles are
 * written in Jackson's shortest round-trip form, so save/load is exact. The {@code "rule"} key lets
 * {@code coarse rsmi flow --rule FILE.json} tell this file from a plain linear filter.
 */
public final class RsmiFilterFile {

    public static final String FORMAT = "coarse-rsmi-filter";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RsmiFilterFile() {
    }

    /** A loaded filter with its free-form training metadata (seed, settings, I(H:E), data source, …). */
    public record Saved(RsmiFilter filter, Map<String, String> metadata) {
    }

    /** The JSON document of a filter. */
    public static ObjectNode toJsonNode(RsmiFilter filter, Map<String, String> metadata) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("rule", RsmiFilter.NAME);
        root.put("dimension", filter.dimension());
        root.put("b", filter.blockSize());
        DegreesOfFreedom reads = filter.reads();
        ObjectNode r = root.putObject("reads");
        r.put("values", reads.values().id());
        r.put("states", reads.states());
        r.put("support", reads.support().id());
        r.put("components", reads.components());
        root.put("hidden_kind", filter.kind().id());
        ArrayNode w = root.putArray("weights");
        for (double[] row : filter.weights()) {
            w.add(Json.plainNumbers(row));
        }
        ObjectNode meta = root.putObject("metadata");
        metadata.forEach(meta::put);
        return root;
    }

    /** The JSON text of a filter. */
    public static String toJson(RsmiFilter filter, Map<String, String> metadata) {
        try {
            return MAPPER.writeValueAsString(toJsonNode(filter, metadata));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a parsed JSON document is an RSMI filter file (its "format"). */
    public static boolean isFilterFile(JsonNode root) {
        return root != null && FORMAT.equals(root.path("format").asText());
    }

    /** Parses a filter. @throws IllegalArgumentException on a malformed document, naming what is wrong */
    public static Saved fromJson(JsonNode root) {
        if (!isFilterFile(root)) {
            throw new IllegalArgumentException("not an RSMI filter file: \"format\" is not \"" + FORMAT + "\"");
        }
        if (!root.path("version").isIntegralNumber() || root.path("version").asLong() != VERSION) {
            throw new IllegalArgumentException("unsupported RSMI filter file version " + root.path("version"));
        }
        JsonNode r = root.path("reads");
        DegreesOfFreedom reads = new DegreesOfFreedom(DegreesOfFreedom.Values.ofId(r.path("values").asText()),
                integer(r, "reads.states"), DegreesOfFreedom.Support.ofId(r.path("support").asText()),
                integer(r, "reads.components"));
        JsonNode rows = root.path("weights");
        if (!rows.isArray() || rows.isEmpty()) {
            throw new IllegalArgumentException("\"weights\" must be a non-empty array of rows");
        }
        double[][] weights = new double[rows.size()][];
        for (int j = 0; j < weights.length; j++) {
            JsonNode row = rows.get(j);
            if (!row.isArray()) {
                throw new IllegalArgumentException("weights row " + j + " is not an array");
            }
            weights[j] = new double[row.size()];
            for (int i = 0; i < weights[j].length; i++) {
                if (!row.get(i).isNumber()) {
                    throw new IllegalArgumentException("weights row " + j + " entry " + i + " is not a number");
                }
                weights[j][i] = row.get(i).asDouble();
                if (!Double.isFinite(weights[j][i])) {
                    // e.g. 1e999, which JSON allows and a double cannot hold
                    throw new IllegalArgumentException("weights row " + j + " entry " + i + " is not a finite number: "
                            + row.get(i));
                }
            }
        }
        RsmiFilter filter = new RsmiFilter(integer(root, "dimension"), integer(root, "b"), reads,
                HiddenKind.ofId(root.path("hidden_kind").asText()), weights);
        Map<String, String> meta = new LinkedHashMap<>();
        root.path("metadata").fields().forEachRemaining(e -> meta.put(e.getKey(), e.getValue().asText()));
        return new Saved(filter, meta);
    }

    /** An integer-valued key ({@code "reads.states"} names a key of "reads"); not 2.5, not a string. */
    private static int integer(JsonNode node, String name) {
        JsonNode v = node.path(name.substring(name.lastIndexOf('.') + 1));
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an integer, got " + v);
        }
        return v.asInt();
    }

    /** Parses a filter from text. @throws IllegalArgumentException on malformed JSON or a malformed document */
    public static Saved fromJson(String json) {
        try {
            return fromJson(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an RSMI filter file: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }

    /** Writes atomically; refuses to overwrite unless {@code force}. */
    public static void save(Path path, RsmiFilter filter, Map<String, String> metadata, boolean force)
            throws IOException {
        AtomicFiles.writeString(path, force, toJson(filter, metadata));
    }

    public static Saved load(Path path) throws IOException {
        return fromJson(Json.readText(path, "an RSMI filter file"));
    }
}
