package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import java.util.List;

/**
 * What the tensor stage measured: the free energy curve (against Onsager where exact) and, at the conformal run's
 * temperature, the Gu–Wen central charge and scaling dimensions of every step beside the exact ones.
 *
 * @param note        why the stage did nothing (a model without a tensor here), or empty
 * @param scheme      the scheme's id
 * @param chi         bond dimension
 * @param temperature of the conformal run
 * @param curve       ln Z per site at each temperature
 * @param steps       the conformal run, step by step
 * @param bestStep    the step whose conformal data changed least (0 if none)
 * @param exact       the exact conformal data of the model's critical point (NaN where unknown)
 */
public record TensorResult(String note, String scheme, int chi, double temperature, List<CurvePoint> curve,
                           List<Step> steps, int bestStep, Exact exact) implements StageResult {

    /**
     * @param exactLnZPerSite Onsager's value, NaN when there is none
     */
    public record CurvePoint(double temperature, double lnZPerSite, double freeEnergy, double exactLnZPerSite) {

        /** |ln z − exact| / |exact|, NaN without an exact value. */
        public double relativeError() {
            return Math.abs(lnZPerSite - exactLnZPerSite) / Math.abs(exactLnZPerSite);
        }
    }

    /** One RG step of the conformal run: x are the lowest scaling dimensions (x₀ = 0 omitted). */
    public record Step(int step, double lnZPerSite, double truncationError, double centralCharge,
                       double[] scalingDimensions) {

        public Step {
            scalingDimensions = scalingDimensions.clone();
        }

        @Override
        public double[] scalingDimensions() {
            return scalingDimensions.clone();
        }

        /** The i-th scaling dimension (0: the lowest, x<sub>σ</sub> for Ising), NaN if not reported. */
        public double x(int i) {
            return i < scalingDimensions.length ? scalingDimensions[i] : Double.NaN;
        }
    }

    /**
     * c, x<sub>σ</sub> and x<sub>ε</sub> of the model's critical point, and where x<sub>ε</sub> falls among the lowest
     * dimensions a step reports (1 for Ising; 2 for the 3- and 4-state Potts models, whose σ is doubly degenerate).
     */
    public record Exact(double centralCharge, double spin, double energy, int energyPosition) {
    }

    public TensorResult {
        curve = List.copyOf(curve);
        steps = List.copyOf(steps);
    }

    /** A stage that did not run, and why. */
    public static TensorResult skipped(String note) {
        return new TensorResult(note, "", 0, Double.NaN, List.of(), List.of(), 0,
                new Exact(Double.NaN, Double.NaN, Double.NaN, 1));
    }

    public boolean isSkipped() {
        return !note.isEmpty();
    }

    /** The flow of exponents y = 2 − x of every step (y_t from x_ε, y_h from x_σ), for reports beside MCRG's. */
    public RgFlow flow() {
        List<RgFlow.Step> out = new java.util.ArrayList<>();
        for (Step s : steps) {
            out.add(new RgFlow.Step(s.step(), Math.pow(2, s.step() / 2.0),
                    dev.coarse.stats.Estimate.exact(2 - s.x(exact.energyPosition())),
                    dev.coarse.stats.Estimate.exact(2 - s.x(0))));
        }
        return new RgFlow(scheme + " chi=" + chi, out);
    }

    /** The best step's record, or null. */
    public Step best() {
        return steps.stream().filter(s -> s.step() == bestStep).findFirst().orElse(null);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("note", note);
        out.put("scheme", scheme);
        out.put("chi", chi);
        Json.putNumber(out, "temperature", temperature);
        Json.putObjects(out, "curve", curve, (p, n) -> {
            n.put("T", p.temperature());
            Json.putNumber(n, "ln_z_per_site", p.lnZPerSite());
            Json.putNumber(n, "free_energy_per_site", p.freeEnergy());
            Json.putNumber(n, "exact_ln_z_per_site", p.exactLnZPerSite());
            Json.putNumber(n, "relative_error", p.relativeError());
        });
        Json.putObjects(out, "per_step", steps, (s, n) -> {
            n.put("step", s.step());
            Json.putNumber(n, "ln_z", s.lnZPerSite());
            Json.putNumber(n, "truncation_error", s.truncationError());
            Json.putNumber(n, "c", s.centralCharge());
            n.set("x", Json.numbers(s.scalingDimensions()));
        });
        out.put("best_step", bestStep);
        ObjectNode e = out.putObject("exact");
        Json.putNumber(e, "c", exact.centralCharge());
        Json.putNumber(e, "x_sigma", exact.spin());
        Json.putNumber(e, "x_epsilon", exact.energy());
        e.put("epsilon_position", exact.energyPosition());
        return out;
    }

    public static TensorResult fromJson(JsonNode json) {
        List<CurvePoint> curve = Json.list(json.path("curve"), p -> new CurvePoint(Json.number(p.path("T")),
                Json.number(p.path("ln_z_per_site")), Json.number(p.path("free_energy_per_site")),
                Json.number(p.path("exact_ln_z_per_site"))));
        List<Step> steps = Json.list(json.path("per_step"), s -> new Step(s.path("step").asInt(),
                Json.number(s.path("ln_z")), Json.number(s.path("truncation_error")), Json.number(s.path("c")),
                Json.doubles(s.path("x"))));
        JsonNode e = json.path("exact");
        return new TensorResult(json.path("note").asText(""), json.path("scheme").asText(""),
                json.path("chi").asInt(), Json.number(json.path("temperature")), curve, steps,
                json.path("best_step").asInt(), new Exact(Json.number(e.path("c")), Json.number(e.path("x_sigma")),
                Json.number(e.path("x_epsilon")), e.path("epsilon_position").asInt(1)));
    }
}
