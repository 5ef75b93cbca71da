package dev.coarse.learn.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.learn.flow.LatentGeometry;
import dev.coarse.stats.Estimate;
import dev.coarse.study.StageResult;
import java.util.Objects;

/**
 * What the {@code neural-rg} stage measured: the trained flow's variational bound on ln Z / N (which can never
 * exceed the exact value, up to its error) beside Kaufman's exact value, the importance-sampling estimate, the
 * effective sample size, the energy per site reweighted and straight from the flow beside the exact one, the
 * training bound after every epoch, and the holographic geometry of the latents.
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
 * @param geometry         distances between latents along the boundary and in depth, from the reweighted draws
 *                         (null in results written before the stage measured it)
 */
public record NeuralRgResult(int linearSize, double temperature, int parameters, Estimate bound, double exactLnZ,
                             Estimate importanceLnZ, double essFraction, Estimate energy, Estimate flowEnergy,
                             double exactEnergy, double[] boundHistory, LatentGeometry geometry)
        implements StageResult {

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
        if (geometry != null) {
            out.set("geometry", geometryJson(geometry));
        }
        return out;
    }

    private static ObjectNode geometryJson(LatentGeometry g) {
        ObjectNode out = Json.object();
        ArrayNode boundary = out.putArray("boundary");
        for (int i = 0; i < g.separations().length; i++) {
            ObjectNode p = boundary.addObject();
            p.put("r", g.separations()[i]);
            Json.putNumber(p, "mi", g.boundaryMi()[i]);
            Json.putNumber(p, "distance", g.boundaryDistance()[i]);
        }
        out.set("log_fit", Json.numbers(g.logFit()));
        out.set("linear_fit", Json.numbers(g.linearFit()));
        ArrayNode depth = out.putArray("depth");
        for (int i = 0; i < g.depths().length; i++) {
            ObjectNode p = depth.addObject();
            p.put("depth", g.depths()[i]);
            Json.putNumber(p, "mi", g.depthMi()[i]);
            Json.putNumber(p, "distance", g.depthDistance()[i]);
        }
        out.set("depth_fit", Json.numbers(g.depthFit()));
        Json.putNumber(out, "mi_noise_floor", g.noiseFloor());
        return out;
    }

    private static LatentGeometry geometryFromJson(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        JsonNode b = n.path("boundary");
        JsonNode d = n.path("depth");
        int[] r = new int[b.size()];
        double[] bMi = new double[b.size()];
        double[] bD = new double[b.size()];
        for (int i = 0; i < b.size(); i++) {
            r[i] = b.get(i).path("r").asInt();
            bMi[i] = Json.number(b.get(i).path("mi"));
            bD[i] = Json.number(b.get(i).path("distance"));
        }
        int[] depths = new int[d.size()];
        double[] dMi = new double[d.size()];
        double[] dD = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            depths[i] = d.get(i).path("depth").asInt();
            dMi[i] = Json.number(d.get(i).path("mi"));
            dD[i] = Json.number(d.get(i).path("distance"));
        }
        return new LatentGeometry(r, bMi, bD, Json.doubles(n.path("log_fit")), Json.doubles(n.path("linear_fit")),
                depths, dMi, dD, Json.doubles(n.path("depth_fit")), Json.number(n.path("mi_noise_floor")));
    }

    public static NeuralRgResult fromJson(JsonNode n) {
        return new NeuralRgResult(n.path("L").asInt(), n.path("temperature").asDouble(), n.path("parameters").asInt(),
                Json.estimate(n.path("ln_z_bound_per_site")), Json.number(n.path("exact_ln_z_per_site")),
                Json.estimate(n.path("importance_ln_z_per_site")), Json.number(n.path("ess_fraction")),
                Json.estimate(n.path("energy_per_site")), Json.estimate(n.path("flow_energy_per_site")),
                Json.number(n.path("exact_energy_per_site")), Json.doubles(n.path("bound_history")),
                geometryFromJson(n.path("geometry")));
    }
}
