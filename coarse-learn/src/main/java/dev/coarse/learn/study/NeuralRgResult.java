package dev.coarse.learn.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.stats.Estimate;
import dev.coarse.study.StageResult;
import java.util.Objects;

/**
 * What the {@code neural-rg} stage measured: the trained flow's variational bound on ln Z / N (which can never
 * exceed the exact value, up to its error) beside Kaufman's exact value, the importance-sampling estimate, the
 * effective sample size, the energy per site reweighted and straight from the flow beside the exact one, and the
 * training bound after every epoch.
 *
 * @param linearSize       L
 * @param temperature      T
 * @param parameters       the flow's trainable parameters
 * @param bound            the bound −βF<sub>q</sub>/N from fresh draws
 * @param exactLnZ         Kaufman's ln Z / N on the L×L torus
 * @param importanceLnZ    ln of the mean importance weight, per site
 * @param essFraction      effective sample size / draws, in (0, 1]
 * @param energy           ⟨E⟩/N reweighted to the Boltzmann law
 * @param flowEnergy       ⟨E⟩/N under the flow (biased by how far q is from p)
 * @param exactEnergy      Kaufman's ⟨E⟩/N
 * @param boundHistory     the training bound per site after each epoch
 */
public record NeuralRgResult(int linearSize, double temperature, int parameters, Estimate bound, double exactLnZ,
                             Estimate importanceLnZ, double essFraction, Estimate energy, Estimate flowEnergy,
                             double exactEnergy, double[] boundHistory) implements StageResult {

    public NeuralRgResult {
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(importanceLnZ, "importanceLnZ");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(flowEnergy, "flowEnergy");
        boundHistory = boundHistory.clone();
    }

    /** The gap exact − bound per site (≥ 0 up to the bound's error). */
    public double gap() {
        return exactLnZ - bound.mean();
    }

    @Override
    public double[] boundHistory() {
        return boundHistory.clone();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("L", linearSize);
        out.put("temperature", temperature);
        out.put("parameters", parameters);
        out.set("ln_z_bound_per_site", Json.estimate(bound));
        Json.putNumber(out, "exact_ln_z_per_site", exactLnZ);
        Json.putNumber(out, "gap_per_site", gap());
        out.set("importance_ln_z_per_site", Json.estimate(importanceLnZ));
        Json.putNumber(out, "ess_fraction", essFraction);
        out.set("energy_per_site", Json.estimate(energy));
        out.set("flow_energy_per_site", Json.estimate(flowEnergy));
        Json.putNumber(out, "exact_energy_per_site", exactEnergy);
        out.set("bound_history", Json.numbers(boundHistory));
        return out;
    }

    public static NeuralRgResult fromJson(JsonNode n) {
        return new NeuralRgResult(n.path("L").asInt(), n.path("temperature").asDouble(), n.path("parameters").asInt(),
                Json.estimate(n.path("ln_z_bound_per_site")), Json.number(n.path("exact_ln_z_per_site")),
                Json.estimate(n.path("importance_ln_z_per_site")), Json.number(n.path("ess_fraction")),
                Json.estimate(n.path("energy_per_site")), Json.estimate(n.path("flow_energy_per_site")),
                Json.number(n.path("exact_energy_per_site")), Json.doubles(n.path("bound_history")));
    }
}
