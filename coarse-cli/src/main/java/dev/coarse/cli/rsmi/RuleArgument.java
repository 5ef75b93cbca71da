package dev.coarse.cli.rsmi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.data.Json;
import dev.coarse.data.JsonValues;
import dev.coarse.learn.rsmi.RsmiFilterFile;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.CoarseGrainingRules;
import dev.coarse.rg.LinearFilterRule;
import dev.coarse.rg.TieBreak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code --rule} names: a fixed rule ({@code majority}, {@code decimation}) or a rule file (JSON). A rule file
 * holds {@code "rule"}: {@code "linear-filter"} ({@code "b"}, {@code "weights"}: one per block site in row-major
 * order, {@code "ties"}: {@code "coin"|"fixed"}, the sign of the weighted block sum, {@code LinearFilterRule}).
 * A learned filter's file ({@code "format": "coarse-rsmi-filter"}, {@code "rule": "rsmi"}, written by
 * {@code coarse rsmi train --out}; docs/rsmi.md) is read as coarse-learn's {@code RsmiFilter}.
 */
final class RuleArgument {

    private RuleArgument() {
    }

    /** The rule {@code --rule} names (the same at every level of a flow). */
    static CoarseGraining resolve(String rule, int b, TieBreak ties) throws IOException {
        if (CoarseGrainingRules.NAMES.contains(rule)) {
            return CoarseGrainingRules.byName(rule, b, ties);
        }
        Path file = Path.of(rule);
        if (!rule.endsWith(".json")) {
            throw new UserError("unknown --rule '" + rule + "' (known: " + String.join(", ", CoarseGrainingRules.NAMES)
                    + ", or a rule file FILE.json)");
        }
        if (!Files.exists(file)) {
            throw new UserError("rule file " + file + " does not exist");
        }
        JsonNode json;
        try {
            json = JsonOutput.MAPPER.readTree(Json.readText(file, "a rule file"));
        } catch (JsonProcessingException e) {
            throw new UserError(file + " is not a rule file (not JSON: " + e.getOriginalMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new UserError(file + " is not a rule file (not a JSON object)");
        }
        try {
            return fromFile(file, json);
        } catch (IllegalArgumentException e) {
            // the rule's own checks (weights all zero, b against the weights' count) name no file
            throw new UserError(file + ": " + e.getMessage(), e);
        }
    }

    private static CoarseGraining fromFile(Path file, JsonNode json) {
        String kind = json.path("rule").asText("");
        if (RsmiFilterFile.isFilterFile(json)) {
            try {
                return RsmiFilterFile.fromJson(json).filter();
            } catch (IllegalArgumentException e) {
                throw new UserError(file + ": " + e.getMessage(), e);
            }
        }
        if (!kind.equals("linear-filter")) {
            throw new UserError(file + ": unknown rule '" + kind + "' (known: linear-filter, rsmi)");
        }
        JsonNode weights = json.path("weights");
        if (!weights.isArray() || weights.isEmpty()) {
            throw new UserError(file + ": a linear filter needs \"b\" and a non-empty array \"weights\"");
        }
        // "b": 2.5 is not read as 2
        int blockSize = JsonValues.integer(json, "b", 1);
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            if (!weights.get(i).isNumber()) {
                throw new UserError(file + ": weight " + i + " is not a number");
            }
            w[i] = weights.get(i).asDouble(); // 1e999 (infinite) is refused by the rule, with the file named
        }
        JsonNode ties = json.path("ties");
        return new LinearFilterRule(blockSize, w, ties(ties.isMissingNode() ? "fixed"
                : JsonValues.text(json, "ties"), file + ": ties"));
    }

    /** The tie rule named {@code coin} or {@code fixed}; {@code what} names the setting in the error. */
    static TieBreak ties(String value, String what) {
        return switch (value) {
            case "coin" -> TieBreak.COIN;
            case "fixed" -> TieBreak.FIXED_SITE;
            default -> throw new UserError("unknown " + what + " '" + value + "' (known: coin, fixed)");
        };
    }
}
