package dev.coarse.cli.dynamics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.coarse.cli.command.UserError;
import dev.coarse.dynamics.reaction.Reaction;
import dev.coarse.dynamics.reaction.ReactionNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a reaction-network spec (YAML) into a {@link ReactionNetwork}, strictly: unknown keys, unknown species,
 * negative counts and malformed numbers are one-line {@link UserError}s naming the key.
 *
 * <pre>
 * name: birth-death
 * species: {X: 0}                 # initial counts
 * reactions:
 *   - {name: birth, reactants: {}, products: {X: 1}, rate: 20}
 *   - {name: death, reactants: {X: 1}, products: {}, rate: 1}
 * quasi_steady: []                # optional: species the QSSA eliminates
 * </pre>
 * A reaction may say {@code fast: true} (exactly two, a reversible pair, are averaged out by the reduced SSA).
 */
final class ReactionSpecFile {

    private static final Set<String> TOP = Set.of("name", "species", "reactions", "quasi_steady");
    private static final Set<String> REACTION = Set.of("name", "reactants", "products", "rate", "fast");

    private ReactionSpecFile() {
    }

    static ReactionNetwork read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserError(file + " is not UTF-8 text: a reaction spec is YAML");
        } catch (JsonProcessingException e) {
            throw new UserError(file + " is not valid YAML: " + UserError.oneLine(e.getOriginalMessage()));
        }
        return parse(root, file.toString());
    }

    static ReactionNetwork parse(JsonNode root, String file) {
        if (root == null || !root.isObject()) {
            throw new UserError(file + " must be a YAML mapping with species and reactions");
        }
        rejectUnknown(root, TOP, file, null);
        String name = root.has("name") ? root.get("name").asText() : file;
        JsonNode speciesNode = root.get("species");
        if (speciesNode == null || !speciesNode.isObject() || speciesNode.isEmpty()) {
            throw new UserError("'species' in " + file + ": expected a mapping of species names to initial counts");
        }
        List<String> species = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = speciesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            species.add(e.getKey());
            counts.add(count(e.getValue(), "species." + e.getKey(), file));
        }
        JsonNode reactionsNode = root.get("reactions");
        if (reactionsNode == null || !reactionsNode.isArray() || reactionsNode.isEmpty()) {
            throw new UserError("'reactions' in " + file + ": expected a list of reactions");
        }
        List<Reaction> reactions = new ArrayList<>();
        for (int r = 0; r < reactionsNode.size(); r++) {
            JsonNode node = reactionsNode.get(r);
            String where = "reactions[" + r + "]";
            if (!node.isObject()) {
                throw new UserError("'" + where + "' in " + file + ": expected a mapping");
            }
            rejectUnknown(node, REACTION, file, where);
            String label = node.has("name") ? node.get("name").asText() : "r" + (r + 1);
            JsonNode rate = node.get("rate");
            if (rate == null || !rate.isNumber() || !(rate.asDouble() >= 0) || !Double.isFinite(rate.asDouble())) {
                throw new UserError("'" + where + ".rate' in " + file + ": expected a finite number >= 0");
            }
            JsonNode fast = node.get("fast");
            if (fast != null && !fast.isBoolean()) {
                throw new UserError("'" + where + ".fast' in " + file + ": expected true or false");
            }
            reactions.add(new Reaction(label, stoichiometry(node.get("reactants"), species, where + ".reactants",
                    file), stoichiometry(node.get("products"), species, where + ".products", file),
                    rate.asDouble(), fast != null && fast.asBoolean()));
        }
        List<String> quasiSteady = new ArrayList<>();
        JsonNode qss = root.get("quasi_steady");
        if (qss != null && !qss.isNull()) {
            if (!qss.isArray()) {
                throw new UserError("'quasi_steady' in " + file + ": expected a list of species");
            }
            qss.forEach(n -> quasiSteady.add(n.asText()));
        }
        try {
            return new ReactionNetwork(name, species, reactions, counts.stream().mapToLong(Long::longValue).toArray(),
                    quasiSteady);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private static int[] stoichiometry(JsonNode node, List<String> species, String where, String file) {
        int[] out = new int[species.size()];
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new UserError("'" + where + "' in " + file + ": expected a mapping of species to molecule numbers");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int s = species.indexOf(e.getKey());
            if (s < 0) {
                throw new UserError("'" + where + "." + e.getKey() + "' in " + file + ": unknown species (declared: "
                        + species + ")");
            }
            long n = count(e.getValue(), where + "." + e.getKey(), file);
            if (n > 10) {
                throw new UserError("'" + where + "." + e.getKey() + "' in " + file + ": at most 10 molecules");
            }
            out[s] = (int) n;
        }
        return out;
    }

    private static long count(JsonNode value, String where, String file) {
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new UserError("'" + where + "' in " + file + ": expected a whole number >= 0");
        }
        return value.asLong();
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String file, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new UserError("unknown key '" + (where == null ? key : where + "." + key) + "' in " + file
                        + " (expected one of " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }
}
