package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.stats.Estimate;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flow K → K′ of one RG step: the fitted coarse couplings at every K, and the fixed point of the projected
 * map K → K′<sub>nn</sub> with ν there, beside the model's K<sub>c</sub> and ν (which a truncated map is not
 * expected to reproduce).
 *
 * @param linearSize             L of the fine lattice
 * @param b                      the step's scale factor
 * @param rule                   the step's rule
 * @param exactCriticalCoupling  the model's K<sub>c</sub>
 * @param exactNu                the model's ν
 * @param points                 in coupling order
 * @param fixedPoint             empty when K′<sub>nn</sub> − K does not change sign on the grid
 */
public record FlowResult(int linearSize, int b, Coarsening.Rule rule, double exactCriticalCoupling,
                         double exactNu, List<Point> points, Optional<FlowDiagram.FixedPoint> fixedPoint)
        implements StageResult {

    /** Why there is no fixed point, as results.json says it. */
    public static final String NO_FIXED_POINT = "K′_nn − K does not change sign on the grid: widen 'flow.couplings'";

    /** One coupling of the grid and the fitted coarse couplings, by operator name in fitting order. */
    public record Point(double coupling, Map<String, Estimate> coarseCouplings) {
        public Point {
            coarseCouplings = Collections.unmodifiableMap(new LinkedHashMap<>(coarseCouplings));
        }
    }

    public FlowResult {
        points = List.copyOf(points);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("L", linearSize);
        out.put("b", b);
        out.put("rule", rule.id());
        out.put("kc_exact", exactCriticalCoupling);
        out.put("nu_exact", exactNu);
        Json.putObjects(out, "points", points, (p, n) -> {
            n.put("K", p.coupling());
            ObjectNode c = n.putObject("coarse_couplings");
            p.coarseCouplings().forEach((name, e) -> c.set(name, Json.estimate(e)));
        });
        if (fixedPoint.isPresent()) {
            FlowDiagram.FixedPoint f = fixedPoint.get();
            ObjectNode n = out.putObject("fixed_point");
            n.set("K", Json.estimate(f.coupling()));
            n.set("slope", Json.estimate(f.slope()));
            n.set("nu", Json.estimate(f.nu()));
        } else {
            out.putNull("fixed_point");
            out.put("note", NO_FIXED_POINT);
        }
        return out;
    }

    /** The result from its JSON. */
    public static FlowResult fromJson(JsonNode json) {
        List<Point> points = Json.list(json.path("points"), p -> {
            Map<String, Estimate> couplings = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = p.path("coarse_couplings").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                couplings.put(e.getKey(), Json.estimate(e.getValue()));
            }
            return new Point(Json.number(p.path("K")), couplings);
        });
        JsonNode f = json.path("fixed_point");
        Optional<FlowDiagram.FixedPoint> fixed = f.isObject() ? Optional.of(new FlowDiagram.FixedPoint(
                Json.estimate(f.path("K")), Json.estimate(f.path("slope")), Json.estimate(f.path("nu"))))
                : Optional.empty();
        return new FlowResult(json.path("L").asInt(), json.path("b").asInt(), SpecReading.choice("rule",
                json.path("rule").asText(), Coarsening.Rule.class), Json.number(json.path("kc_exact")), Json.number(json.path("nu_exact")),
                points, fixed);
    }
}
