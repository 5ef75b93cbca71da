package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.Optional;

/**
 * Energy and specific heat per site at every (L, T) point and, where exact finite-L values exist (2D Ising,
 * Kaufman), those values and a χ² over all points.
 *
 * @param points     in (size, temperature) order
 * @param chiSquared the comparison with the exact values, empty when there are none
 */
public record EnergyResult(List<Point> points, Optional<ChiSquared> chiSquared) implements StageResult {

    /**
     * One (L, T) point.
     *
     * @param exact Kaufman's e and C for the same finite lattice, empty when not known
     */
    public record Point(int linearSize, double temperature, Estimate energyPerSite, Estimate specificHeat,
                        Optional<Exact> exact) {
    }

    /** Exact energy and specific heat per site. */
    public record Exact(double energyPerSite, double specificHeat) {
    }

    /**
     * χ² of the measured values against the exact ones over all points, with the p-values of a χ² distribution
     * of {@code degreesOfFreedom} (the number of points); points whose error is zero add nothing.
     */
    public record ChiSquared(double energy, double specificHeat, int degreesOfFreedom, double pValueEnergy,
                             double pValueSpecificHeat) {
    }

    public EnergyResult {
        points = List.copyOf(points);
    }

    /** The points of one lattice size, in temperature order. */
    public List<Point> pointsOf(int linearSize) {
        return points.stream().filter(p -> p.linearSize() == linearSize).toList();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        Json.putObjects(out, "points", points, (p, n) -> {
            n.put("L", p.linearSize());
            n.put("T", p.temperature());
            n.set("energy_per_site", Json.estimate(p.energyPerSite()));
            n.set("specific_heat", Json.estimate(p.specificHeat()));
            p.exact().ifPresent(e -> {
                n.put("exact_energy_per_site", e.energyPerSite());
                n.put("exact_specific_heat", e.specificHeat());
            });
        });
        chiSquared.ifPresent(c -> {
            out.put("chi2_energy", c.energy());
            out.put("chi2_specific_heat", c.specificHeat());
            out.put("dof", c.degreesOfFreedom());
            Json.putNumber(out, "p_value_energy", c.pValueEnergy());
            Json.putNumber(out, "p_value_specific_heat", c.pValueSpecificHeat());
        });
        return out;
    }

    /** The result from its JSON. */
    public static EnergyResult fromJson(JsonNode json) {
        List<Point> points = Json.list(json.path("points"), p -> new Point(p.path("L").asInt(),
                Json.number(p.path("T")), Json.estimate(p.path("energy_per_site")),
                Json.estimate(p.path("specific_heat")), p.has("exact_energy_per_site")
                        ? Optional.of(new Exact(Json.number(p.get("exact_energy_per_site")),
                        Json.number(p.get("exact_specific_heat")))) : Optional.empty()));
        Optional<ChiSquared> chi2 = json.has("dof") ? Optional.of(new ChiSquared(Json.number(json.get("chi2_energy")),
                Json.number(json.get("chi2_specific_heat")), json.get("dof").asInt(),
                Json.number(json.get("p_value_energy")), Json.number(json.get("p_value_specific_heat"))))
                : Optional.empty();
        return new EnergyResult(points, chi2);
    }
}
