package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What the RSMI stage measured: for each rule compared on the same configurations, its flow level by level
 * ({@link RuleFlowResult}: information kept, couplings, MCRG exponents) and its filter — the linear map of a block
 * that best reproduces the rule's first step on the data (the rule itself for a linear filter).
 *
 * @param temperature where the configurations were sampled
 * @param samples     configurations of the fine lattice
 * @param linearSize  L of the fine lattice
 * @param b           block size of every rule
 * @param rules       in the order the spec names them
 * @param note        why a rule the spec names is missing (the learned filter where coarse-learn supplies none);
 *                    empty when every rule ran
 */
public record RsmiResult(double temperature, int samples, int linearSize, int b, List<Entry> rules, String note)
        implements StageResult {

    /**
     * One rule.
     *
     * @param rule   its id in the spec ({@link RsmiSettings.Rule})
     * @param flow   its flow
     * @param filter one row per coarse value (hidden variable): weights over the block's values in
     *               {@link dev.coarse.info.RuleInformation}'s order (for spins the block's sites, row-major), scaled to
     *               a largest |weight| of 1 — least squares of H on V over the data's blocks
     */
    public record Entry(String rule, RuleFlowResult flow, double[][] filter) {
    }

    public RsmiResult {
        rules = List.copyOf(rules);
    }

    /** The entry of a rule, if it ran. */
    public java.util.Optional<Entry> entry(RsmiSettings.Rule rule) {
        return rules.stream().filter(e -> e.rule().equals(rule.id())).findFirst();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("unit", InfoResult.UNIT);
        out.put("temperature", temperature);
        out.put("samples", samples);
        out.put("L", linearSize);
        out.put("b", b);
        if (!note.isEmpty()) {
            out.put("note", note);
        }
        Json.putObjects(out, "rules", rules, (e, n) -> {
            n.put("rule", e.rule());
            ArrayNode filter = n.putArray("filter");
            for (double[] row : e.filter()) {
                filter.add(Json.numbers(row));
            }
            n.set("flow", e.flow().toJson());
        });
        return out;
    }

    /** The result from its JSON. */
    public static RsmiResult fromJson(JsonNode json) {
        List<Entry> rules = Json.list(json.path("rules"), n -> {
            List<double[]> rows = new ArrayList<>();
            n.path("filter").forEach(row -> rows.add(Json.doubles(row)));
            return new Entry(n.path("rule").asText(), RuleFlowResult.fromJson(n.path("flow")),
                    rows.toArray(double[][]::new));
        });
        return new RsmiResult(Json.number(json.path("temperature")), json.path("samples").asInt(),
                json.path("L").asInt(), json.path("b").asInt(), rules, json.path("note").asText(""));
    }
}
