package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.rg.BinderCrossing;
import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.Optional;

/**
 * Binder cumulant curves, their crossings, T<sub>c</sub> and K<sub>c</sub> with their references, the susceptibility
 * interpolated to the measured T<sub>c</sub> and the γ/ν fitted to it.
 *
 * @param curves                 one per size, in size order
 * @param crossings              of consecutive sizes
 * @param exactCriticalTemperature the model's reference T<sub>c</sub>
 * @param criticalTemperature    the largest pair's crossing, error √(statistical² + systematic²)
 * @param statistical            resampling error of that crossing
 * @param systematic             half the distance between the last two crossings
 * @param criticalCoupling       1/T<sub>c</sub>
 * @param susceptibilityAtTc     χ<sub>L</sub> at the measured T<sub>c</sub>, per size
 * @param gammaOverNu            the fit χ<sub>L</sub> ∝ L<sup>γ/ν</sup>, empty when it could not be made
 * @param exactGammaOverNu       the model's γ/ν, NaN when not known
 */
public record BinderResult(List<Curve> curves, List<BinderCrossing.Crossing> crossings, double exactCriticalTemperature,
                           Estimate criticalTemperature, double statistical, double systematic,
                           Estimate criticalCoupling, List<Susceptibility> susceptibilityAtTc,
                           Optional<GammaOverNu> gammaOverNu, double exactGammaOverNu) implements StageResult {

    /** One size's measurements, in temperature order (jackknife errors). */
    public record Curve(int linearSize, double[] temperatures, List<Estimate> binder, List<Estimate> susceptibility,
                        List<Estimate> energyPerSite) {
    }

    /** χ of one size at the measured T<sub>c</sub>. */
    public record Susceptibility(int linearSize, Estimate chi) {
    }

    /** γ/ν from ln χ = ln A + (γ/ν) ln L. */
    public record GammaOverNu(Estimate exponent, double logAmplitude, double chiSquared, int degreesOfFreedom) {
    }

    public BinderResult {
        curves = List.copyOf(curves);
        crossings = List.copyOf(crossings);
        susceptibilityAtTc = List.copyOf(susceptibilityAtTc);
    }

    /** The temperature χ was interpolated to: the measured T<sub>c</sub>. */
    public double susceptibilityTemperature() {
        return criticalTemperature.mean();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        Json.putObjects(out, "curves", curves, (curve, c) -> {
            c.put("L", curve.linearSize());
            c.set("binder", Json.estimates(curve.binder()));
            c.set("susceptibility", Json.estimates(curve.susceptibility()));
            c.set("energy_per_site", Json.estimates(curve.energyPerSite()));
            c.set("T", Json.numbers(curve.temperatures()));
        });
        Json.putObjects(out, "crossings", crossings, (x, c) -> {
            c.put("L_a", x.sizeA());
            c.put("L_b", x.sizeB());
            c.set("T", Json.estimate(x.temperature()));
        });
        out.put("tc_exact", exactCriticalTemperature);
        out.set("tc", Json.estimate(criticalTemperature));
        Json.putNumber(out, "tc_statistical", statistical);
        Json.putNumber(out, "tc_systematic", systematic);
        out.set("kc", Json.estimate(criticalCoupling));
        out.put("kc_exact", 1 / exactCriticalTemperature);
        out.put("chi_temperature", susceptibilityTemperature());
        Json.putObjects(out, "chi_at_tc", susceptibilityAtTc, (s, n) -> {
            n.put("L", s.linearSize());
            n.set("chi", Json.estimate(s.chi()));
        });
        gammaOverNu.ifPresent(g -> {
            out.set("gamma_over_nu", Json.estimate(g.exponent()));
            out.put("gamma_over_nu_log_amplitude", g.logAmplitude());
            out.put("gamma_over_nu_chi2", g.chiSquared());
            out.put("gamma_over_nu_dof", g.degreesOfFreedom());
        });
        Json.putNumber(out, "gamma_over_nu_exact", exactGammaOverNu);
        return out;
    }

    /** The result from its JSON. */
    public static BinderResult fromJson(JsonNode json) {
        List<Curve> curves = Json.list(json.path("curves"), c -> new Curve(c.path("L").asInt(),
                Json.doubles(c.path("T")), Json.estimates(c.path("binder")), Json.estimates(c.path("susceptibility")),
                Json.estimates(c.path("energy_per_site"))));
        List<BinderCrossing.Crossing> crossings = Json.list(json.path("crossings"), c -> new BinderCrossing.Crossing(
                c.path("L_a").asInt(), c.path("L_b").asInt(), Json.estimate(c.path("T"))));
        List<Susceptibility> chi = Json.list(json.path("chi_at_tc"), n -> new Susceptibility(n.path("L").asInt(),
                Json.estimate(n.path("chi"))));
        Optional<GammaOverNu> fit = json.has("gamma_over_nu") ? Optional.of(new GammaOverNu(
                Json.estimate(json.get("gamma_over_nu")), Json.number(json.get("gamma_over_nu_log_amplitude")),
                Json.number(json.get("gamma_over_nu_chi2")), json.path("gamma_over_nu_dof").asInt()))
                : Optional.empty();
        return new BinderResult(curves, crossings, Json.number(json.path("tc_exact")), Json.estimate(json.path("tc")),
                Json.number(json.path("tc_statistical")), Json.number(json.path("tc_systematic")),
                Json.estimate(json.path("kc")), chi, fit, Json.number(json.path("gamma_over_nu_exact")));
    }
}
