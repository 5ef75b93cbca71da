package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.study.CellularAutomataResult.Series;
import java.util.List;
import java.util.Objects;

/**
 * What the dynamics stage measured. The curves are {@link Series} (named values over common abscissae).
 *
 * @param lumping  the double well's loss curve over k = 1 … K ({@code k} as times): {@code minimum_loss},
 *                 {@code minimum_loss_gap}, {@code spectral_loss}, {@code spectral_gap} (NaN where the spectral
 *                 partition does not exist), {@code timescale_separation} t<sub>k−1</sub>/t<sub>k</sub>
 * @param elbow    the Kneedle elbow of the minimum-loss curve
 * @param minimumLossBlocks the minimum-loss partition at the elbow (block of each state)
 * @param spectralBlocks    the spectral partition at the elbow (empty when there is none)
 * @param reaction Michaelis–Menten's observed species P over time: {@code full_mean}, {@code full_error} (SSA),
 *                 {@code quasi_steady}, {@code mean_field}, {@code reduced_mean}, {@code reduced_error} (averaged
 *                 fast pair SSA), {@code kl}, {@code kl_error}, {@code kl_bias} (KL(full ‖ reduced), nats)
 * @param reactionSummary the reductions' verdicts
 * @param entropy  coarse-grained entropy per step of {@code cat}, {@code baker}, {@code rotation}, and the
 *                 fine-grained entropy {@code fine} (the same for all three maps: they are bijections)
 * @param maps     one summary per map, in the order cat, baker, rotation
 * @param plateau  ln(1/δ²), the coarse entropy of a uniform occupation
 */
public record DynamicsResult(Series lumping, int elbow, List<Integer> minimumLossBlocks, List<Integer> spectralBlocks,
        Series reaction, ReactionSummary reactionSummary, Series entropy, List<MapSummary> maps, double plateau)
        implements StageResult {

    public DynamicsResult {
        Objects.requireNonNull(lumping, "lumping");
        Objects.requireNonNull(reaction, "reaction");
        Objects.requireNonNull(reactionSummary, "reactionSummary");
        Objects.requireNonNull(entropy, "entropy");
        minimumLossBlocks = List.copyOf(minimumLossBlocks);
        spectralBlocks = List.copyOf(spectralBlocks);
        maps = List.copyOf(maps);
    }

    /**
     * The reaction network's figures.
     *
     * @param network              its name
     * @param species              the observed species
     * @param runs                 SSA runs of each model
     * @param fullReactions        reactions fired by the full SSA
     * @param quasiSteadyDeviation max |QSSA − SSA mean| / (largest SSA mean)
     * @param meanFieldDeviation   the same for the mean field
     * @param reducedDeviation     the same for the averaged-fast-pair SSA mean
     * @param quasiSteadyHolds     the QSSA stays within 1% of the scale
     */
    public record ReactionSummary(String network, String species, int runs, long fullReactions,
            double quasiSteadyDeviation, double meanFieldDeviation, double reducedDeviation,
            boolean quasiSteadyHolds) {
        public ReactionSummary {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(species, "species");
        }
    }

    /**
     * One torus map.
     *
     * @param map        cat, baker or rotation
     * @param growthRate least-squares dS<sub>δ</sub>/dt over 20–70% of the plateau (NaN when too few steps lie there)
     * @param ksEntropy  its Kolmogorov–Sinai entropy per step
     * @param finalLevel mean coarse entropy of the last 5 steps
     */
    public record MapSummary(String map, double growthRate, double ksEntropy, double finalLevel) {
        public MapSummary {
            Objects.requireNonNull(map, "map");
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        ObjectNode l = n.putObject("lumping");
        l.set("curve", lumping.toJson());
        l.put("elbow", elbow);
        l.set("minimum_loss_partition", Json.integers(minimumLossBlocks));
        l.set("spectral_partition", Json.integers(spectralBlocks));
        ObjectNode r = n.putObject("reaction");
        r.set("curves", reaction.toJson());
        r.put("network", reactionSummary.network());
        r.put("species", reactionSummary.species());
        r.put("runs", reactionSummary.runs());
        r.put("full_reactions", reactionSummary.fullReactions());
        Json.putNumber(r, "quasi_steady_deviation", reactionSummary.quasiSteadyDeviation());
        Json.putNumber(r, "mean_field_deviation", reactionSummary.meanFieldDeviation());
        Json.putNumber(r, "reduced_deviation", reactionSummary.reducedDeviation());
        r.put("quasi_steady_holds", reactionSummary.quasiSteadyHolds());
        ObjectNode g = n.putObject("gibbs");
        g.set("entropy", entropy.toJson());
        Json.putNumber(g, "plateau_ln_1_over_delta_squared", plateau);
        Json.putObjects(g, "maps", maps, (m, o) -> {
            o.put("map", m.map());
            Json.putNumber(o, "growth_rate", m.growthRate());
            Json.putNumber(o, "ks_entropy", m.ksEntropy());
            Json.putNumber(o, "final_level", m.finalLevel());
        });
        return n;
    }

    public static DynamicsResult fromJson(JsonNode json) {
        JsonNode l = json.get("lumping");
        JsonNode r = json.get("reaction");
        JsonNode g = json.get("gibbs");
        ReactionSummary summary = new ReactionSummary(r.get("network").asText(), r.get("species").asText(),
                r.get("runs").asInt(), r.get("full_reactions").asLong(), Json.number(r.get("quasi_steady_deviation")),
                Json.number(r.get("mean_field_deviation")), Json.number(r.get("reduced_deviation")),
                r.get("quasi_steady_holds").asBoolean());
        List<MapSummary> maps = Json.list(g.get("maps"), o -> new MapSummary(o.get("map").asText(),
                Json.number(o.get("growth_rate")), Json.number(o.get("ks_entropy")),
                Json.number(o.get("final_level"))));
        return new DynamicsResult(Series.fromJson(l.get("curve")), l.get("elbow").asInt(),
                integers(l.get("minimum_loss_partition")), integers(l.get("spectral_partition")),
                Series.fromJson(r.get("curves")), summary, Series.fromJson(g.get("entropy")), maps,
                Json.number(g.get("plateau_ln_1_over_delta_squared")));
    }

    private static List<Integer> integers(JsonNode array) {
        return Json.list(array, JsonNode::asInt);
    }
}
