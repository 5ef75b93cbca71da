package dev.coarse.study.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.study.InvalidSettingException;
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
 * A study spec held as a JSON tree (a task's spec, as the sweep ships it to wherever the task runs): the
 * {@link SpecSource} a {@link StudySpec} is read from on an engine's worker. Strict like the CLI's YAML reader: keys
 * nobody read are rejected, and every problem is an {@link InvalidSettingException} naming its key. Accepts what the
 * sweep writes: numbers, lists of numbers (or one number), names, and nested sections.
 */
final class TreeSpecSource implements SpecSource {

    private final JsonNode node;
    private final String section;
    private final Set<String> read = new HashSet<>();

    TreeSpecSource(JsonNode node, String section) {
        this.node = node == null ? Json.object() : node;
        this.section = section;
        if (!this.node.isObject()) {
            throw new InvalidSettingException(section == null ? "spec" : section, "expected a mapping");
        }
    }

    /** The study spec of a tree. */
    static StudySpec read(ObjectNode tree) {
        return StudySpec.read(new TreeSpecSource(tree, null), null);
    }

    private String qualified(String key) {
        return section == null ? key : section + "." + key;
    }

    @Override
    public InvalidSettingException error(String key, String problem) {
        return new InvalidSettingException(qualified(key), problem);
    }

    @Override
    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private JsonNode get(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    @Override
    public Optional<String> string(String key) {
        JsonNode v = get(key);
        if (v != null && !v.isValueNode()) {
            throw error(key, "expected a single value");
        }
        return v == null ? Optional.empty() : Optional.of(v.asText());
    }

    @Override
    public OptionalLong integer(String key) {
        JsonNode v = get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(integer(key, v));
    }

    private long integer(String key, JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(key, "expected an integer, got " + v);
        }
        return v.asLong();
    }

    @Override
    public OptionalDouble number(String key) {
        JsonNode v = get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(number(key, v));
    }

    private double number(String key, JsonNode v) {
        if (!v.isNumber()) {
            throw error(key, "expected a number, got " + v);
        }
        return v.asDouble();
    }

    private List<JsonNode> elements(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        (v.isArray() ? v : List.of(v)).forEach(out::add);
        return out;
    }

    @Override
    public Optional<List<Long>> integers(String key) {
        JsonNode v = get(key);
        return v == null ? Optional.empty()
                : Optional.of(elements(v).stream().map(e -> integer(key, e)).toList());
    }

    @Override
    public Optional<List<String>> strings(String key) {
        JsonNode v = get(key);
        return v == null ? Optional.empty() : Optional.of(elements(v).stream().map(JsonNode::asText).toList());
    }

    @Override
    public Optional<double[]> numbers(String key) {
        JsonNode v = get(key);
        if (v != null && v.isTextual()) {
            return Optional.of(range(v.asText(), qualified(key)));
        }
        return v == null ? Optional.empty()
                : Optional.of(elements(v).stream().mapToDouble(e -> number(key, e)).toArray());
    }

    /**
     * The values of a range {@code "a:b:n"}: n evenly spaced values from a to b inclusive, a &lt; b, 2 ≤ n ≤ 1000
     * (as the CLI's spec files write a grid).
     */
    static double[] range(String text, String key) {
        String[] parts = text.split(":");
        try {
            if (parts.length == 3) {
                double a = Double.parseDouble(parts[0].strip());
                double b = Double.parseDouble(parts[1].strip());
                int n = Integer.parseInt(parts[2].strip());
                if (n >= 2 && n <= 1000 && b > a) {
                    return StudySpec.evenlySpaced(a, b, n);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(key, "expected a list of numbers or a range 'a:b:n' with a < b and "
                + "2 ≤ n ≤ 1000, got '" + text + "'");
    }

    @Override
    public SpecSource section(String key) {
        return new TreeSpecSource(get(key), qualified(key));
    }

    @Override
    public void finish() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!read.contains(key)) {
                throw error(key, "unknown key");
            }
        }
    }
}
