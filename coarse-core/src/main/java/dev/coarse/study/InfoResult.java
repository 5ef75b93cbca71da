package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.stats.Estimate;
import java.util.List;

/**
 * The information kept and lost by each RG step, in nats.
 *
 * @param samples     configurations of the fine lattice
 * @param temperature where they were sampled
 * @param steps       one per RG step, in order
 */
public record InfoResult(int samples, double temperature, List<Step> steps) implements StageResult {

    /** The unit of every information value. */
    public static final String UNIT = "nats";

    /**
     * One RG step: block V, its coarse spin H, environment E.
     *
     * @param step                 1 for the first blocking
     * @param fineLinearSize       L of the lattice the step blocks
     * @param visibleEnvironment   I(V:E)
     * @param coarseEnvironment    I(H:E), the information the coarse spin keeps
     * @param keptFraction         I(H:E)/I(V:E)
     * @param lossGivenCoarse      H(V|H), what the step discards
     */
    public record Step(int step, int fineLinearSize, Estimate visibleEnvironment, Estimate coarseEnvironment,
                       Estimate keptFraction, Estimate lossGivenCoarse) {
    }

    public InfoResult {
        steps = List.copyOf(steps);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("unit", UNIT);
        out.put("samples", samples);
        out.put("temperature", temperature);
        Json.putObjects(out, "steps", steps, (s, n) -> {
            n.put("step", s.step());
            n.put("L_fine", s.fineLinearSize());
            n.set("i_visible_environment", Json.estimate(s.visibleEnvironment()));
            n.set("i_coarse_environment", Json.estimate(s.coarseEnvironment()));
            n.set("kept_fraction", Json.estimate(s.keptFraction()));
            n.set("loss_h_v_given_h", Json.estimate(s.lossGivenCoarse()));
        });
        return out;
    }

    /** The result from its JSON. */
    public static InfoResult fromJson(JsonNode json) {
        List<Step> steps = Json.list(json.path("steps"), s -> new Step(s.path("step").asInt(),
                s.path("L_fine").asInt(), Json.estimate(s.path("i_visible_environment")),
                Json.estimate(s.path("i_coarse_environment")), Json.estimate(s.path("kept_fraction")),
                Json.estimate(s.path("loss_h_v_given_h"))));
        return new InfoResult(json.path("samples").asInt(), Json.number(json.path("temperature")), steps);
    }
}
