package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.rg.Couplings;
import dev.coarse.stats.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One iterated rule followed level by level ({@link RuleFlowAnalysis}): what each step keeps of the information its
 * blocks have about their environment, the couplings of each level, and the MCRG exponents of each step. Each level
 * is shaped like a step of a general RG-flow record — index, scale, couplings, information measures by name — plus the
 * two exponents a flow of configurations gives, and the same two from matched lattices when an L/b ensemble was given.
 *
 * @param rule   the rule's description (e.g. "majority b=2 ties=coin"; a learned rule's description at level 0)
 * @param levels level 0 (the data: couplings only) and one per step
 */
public record RuleFlowResult(String rule, List<Level> levels) {

    /** The information measures' keys, in nats: I(H:E), I(V:E), I(H:E)/I(V:E), H(V|H). */
    public static final List<String> INFORMATION = List.of("mi", "mi_visible", "kept_fraction", "loss");

    /**
     * One level.
     *
     * @param level       n: the data is 0, the n-th coarse-graining n
     * @param linearSize  L of the level's lattice
     * @param scale       its lattice spacing in units of the data's
     * @param rule        the rule of the step that made this level (empty at level 0)
     * @param information the step's measures by the keys of {@link #INFORMATION} (empty at level 0, or when the block
     *                    geometry did not fit the level it blocks)
     * @param couplings   the pseudo-likelihood couplings of this level, when fitted (spins only)
     * @param yT          MCRG y<sub>t</sub> of the step into this level; NaN where not measured (level 0, not spins)
     * @param yH          MCRG y<sub>h</sub>, likewise
     * @param matchedYT   matched-lattice MCRG y<sub>t</sub> at this level (this level of the L run against level − 1 of
     *                    the L/b run, {@link dev.coarse.rg.MatchedMcrg}); NaN where not measured (no L/b ensemble)
     * @param matchedYH   matched-lattice y<sub>h</sub>, likewise
     */
    public record Level(int level, int linearSize, double scale, String rule, Map<String, Estimate> information,
                        Optional<Couplings> couplings, Estimate yT, Estimate yH, Estimate matchedYT,
                        Estimate matchedYH) {

        public Level {
            information = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(information));
        }

        /** A level without matched-lattice exponents. */
        public Level(int level, int linearSize, double scale, String rule, Map<String, Estimate> information,
                     Optional<Couplings> couplings, Estimate yT, Estimate yH) {
            this(level, linearSize, scale, rule, information, couplings, yT, yH, RuleFlowAnalysis.NOT_MEASURED,
                    RuleFlowAnalysis.NOT_MEASURED);
        }

        /** Whether the matched-lattice exponents were measured at this level. */
        public boolean matched() {
            return !Double.isNaN(matchedYT.mean()) || !Double.isNaN(matchedYH.mean());
        }

        /** A measure of {@link #INFORMATION}, NaN when absent. */
        public Estimate information(String key) {
            return information.getOrDefault(key, RuleFlowAnalysis.NOT_MEASURED);
        }
    }

    public RuleFlowResult {
        levels = List.copyOf(levels);
    }

    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("rule", rule);
        Json.putObjects(out, "levels", levels, (level, n) -> {
            n.put("level", level.level());
            n.put("L", level.linearSize());
            n.put("scale", level.scale());
            if (!level.rule().isEmpty()) {
                n.put("rule", level.rule());
            }
            level.information().forEach((key, e) -> n.set(key, Json.estimate(e)));
            level.couplings().ifPresent(c -> {
                ObjectNode k = n.putObject("couplings");
                c.estimates().forEach((name, e) -> k.set(name, Json.estimate(e)));
                n.put("couplings_samples", c.samples());
            });
            if (level.level() > 0) {
                n.set("y_t", Json.estimate(level.yT()));
                n.set("y_h", Json.estimate(level.yH()));
            }
            if (level.matched()) {
                ObjectNode m = n.putObject("matched");
                m.set("y_t", Json.estimate(level.matchedYT()));
                m.set("y_h", Json.estimate(level.matchedYH()));
            }
        });
        return out;
    }

    /** The result from its JSON (couplings come back with their estimates and sample count only). */
    public static RuleFlowResult fromJson(JsonNode json) {
        List<Level> levels = Json.list(json.path("levels"), n -> {
            Map<String, Estimate> information = new LinkedHashMap<>();
            for (String key : INFORMATION) {
                if (n.has(key)) {
                    information.put(key, Json.estimate(n.get(key)));
                }
            }
            Optional<Couplings> couplings = Optional.empty();
            if (n.has("couplings")) {
                Map<String, Estimate> k = new LinkedHashMap<>();
                n.get("couplings").fields().forEachRemaining(f -> k.put(f.getKey(), Json.estimate(f.getValue())));
                couplings = Optional.of(new Couplings(k, n.path("couplings_samples").asInt(), 0, Double.NaN, 0));
            }
            Estimate missing = RuleFlowAnalysis.NOT_MEASURED;
            JsonNode matched = n.path("matched");
            return new Level(n.path("level").asInt(), n.path("L").asInt(), Json.number(n.path("scale")),
                    n.path("rule").asText(""), information, couplings,
                    n.has("y_t") ? Json.estimate(n.get("y_t")) : missing,
                    n.has("y_h") ? Json.estimate(n.get("y_h")) : missing,
                    matched.has("y_t") ? Json.estimate(matched.get("y_t")) : missing,
                    matched.has("y_h") ? Json.estimate(matched.get("y_h")) : missing);
        });
        return new RuleFlowResult(json.path("rule").asText(), levels);
    }
}
