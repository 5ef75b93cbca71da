package dev.coarse.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.UserError;
import dev.coarse.study.SpecSource;
import dev.coarse.study.StudySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Strict reading of one YAML mapping of a spec, the {@link SpecSource} a {@link StudySpec} is read from: every key
 * read is remembered, and {@link #finish()} rejects the rest ({@code unknown key 'foo' in SPEC.yaml}). Shape errors
 * name the key and its section, and so do the range and consistency errors the study reports through
 * {@link #error}. All failures are {@link UserError}s (one line, exit 2).
 */
final class SpecReader implements SpecSource {

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

    /**
     * Parses and validates a spec tree (YAML parsed into JSON nodes). With {@code quick} the spec's {@code quick:}
     * mapping is merged over it first.
     *
     * @param file         name used in error messages
     * @param seedOverride replaces the spec's seed when not null
     */
    static StudySpec parse(JsonNode tree, String file, boolean quick, Long seedOverride) {
        if (tree == null || !tree.isObject()) {
            throw new UserError(file + " must be a YAML mapping of keys to values");
        }
        ObjectNode root = ((ObjectNode) tree).deepCopy();
        JsonNode quickNode = root.remove("quick");
        if (quick) {
            if (quickNode == null) {
                throw new UserError(file + " has no 'quick:' section, so --quick cannot shorten it");
            }
            if (!quickNode.isObject()) {
                throw new UserError("'quick' in " + file + ": expected a mapping of keys to values");
            }
            // The full spec must be valid too, though --quick replaces some of its values: a spec tested with
            // --quick must not fail later in the full run.
            try {
                StudySpec.read(new SpecReader(root.deepCopy(), file, null), seedOverride);
            } catch (UserError e) {
                throw new UserError(e.getMessage() + " (in the full spec, which --quick overrides but must still be"
                        + " valid)", e);
            }
            merge(root, quickNode);
        } else if (quickNode != null && !quickNode.isObject()) {
            throw new UserError("'quick' in " + file + ": expected a mapping of keys to values");
        }
        return StudySpec.read(new SpecReader(root, file, null), seedOverride);
    }

    private String where(String key) {
        return "'" + (section == null ? key : section + "." + key) + "' in " + file;
    }

    @Override
    public UserError error(String key, String problem) {
        return new UserError(where(key) + ": " + problem);
    }

    @Override
    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private JsonNode get(String key) {
        read.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    @Override
    public Optional<String> string(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            throw error(key, "expected a single value, got " + kind(v));
        }
        return Optional.of(v.asText());
    }

    @Override
    public OptionalLong integer(String key) {
        JsonNode v = get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(integerValue(key, v));
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

    @Override
    public OptionalDouble number(String key) {
        JsonNode v = get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(numberValue(key, v));
    }

    private double numberValue(String key, JsonNode v) {
        if (!v.isNumber()) {
            throw error(key, "expected a number, got " + kind(v));
        }
        return v.asDouble();
    }

    @Override
    public Optional<List<Long>> integers(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return Optional.empty();
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode e : v.isArray() ? v : List.of(v)) {
            out.add(integerValue(key, e));
        }
        return Optional.of(out);
    }

    @Override
    public Optional<List<String>> strings(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v.isArray() ? v : List.of(v)) {
            if (!e.isValueNode()) {
                throw error(key, "expected a list of names, got " + kind(e) + " inside it");
            }
            out.add(e.asText());
        }
        return Optional.of(List.copyOf(out));
    }

    /**
     * Numbers given as a list ({@code [2.2, 2.3]}), a single number, or a range string {@code "a:b:n"} (n equally
     * spaced values from a to b inclusive, 2 ≤ n ≤ 1000).
     */
    @Override
    public Optional<double[]> numbers(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return Optional.empty();
        }
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
            return Optional.of(StudySpec.evenlySpaced(a, b, n));
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode e : v.isArray() ? v : List.of(v)) {
            values.add(numberValue(key, e));
        }
        return Optional.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A nested section as its own reader (an empty one when absent). */
    @Override
    public SpecReader section(String key) {
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
    @Override
    public void finish() {
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
