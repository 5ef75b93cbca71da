package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.stats.Estimate;
import java.util.List;

/**
 * The RG eigenvalue exponents y<sub>t</sub> and y<sub>h</sub> of every size at every level, with the model's
 * reference values.
 *
 * @param temperature            where the configurations were sampled
 * @param exactThermalExponent   the model's y<sub>t</sub> = 1/ν
 * @param exactMagneticExponent  the model's y<sub>h</sub> = (d + 2 − η)/2
 * @param sizes                  in size order
 */
public record McrgResult(double temperature, double exactThermalExponent, double exactMagneticExponent,
                         List<Size> sizes) implements StageResult {

    /** One lattice size: its number of configurations and its levels. */
    public record Size(int linearSize, int samples, List<Level> levels) {
        public Size {
            levels = List.copyOf(levels);
        }
    }

    /**
     * One RG level.
     *
     * @param b                the scale factor of one step
     * @param eigenvaluesEven  real parts of the even matrix's eigenvalues, by decreasing magnitude
     * @param eigenvaluesOdd   the same for the odd matrix
     */
    public record Level(int level, double b, Estimate yT, Estimate yH, double[] eigenvaluesEven,
                        double[] eigenvaluesOdd, List<String> evenOperators, List<String> oddOperators) {
    }

    public McrgResult {
        sizes = List.copyOf(sizes);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("temperature", temperature);
        out.put("y_t_exact", exactThermalExponent);
        out.put("y_h_exact", exactMagneticExponent);
        Json.putObjects(out, "sizes", sizes, (size, s) -> {
            s.put("L", size.linearSize());
            s.put("samples", size.samples());
            Json.putObjects(s, "levels", size.levels(), (level, n) -> {
                n.put("level", level.level());
                n.put("b", level.b());
                n.set("y_t", Json.estimate(level.yT()));
                n.set("y_h", Json.estimate(level.yH()));
                n.set("eigenvalues_even", Json.numbers(level.eigenvaluesEven()));
                n.set("eigenvalues_odd", Json.numbers(level.eigenvaluesOdd()));
                n.set("even_operators", Json.strings(level.evenOperators()));
                n.set("odd_operators", Json.strings(level.oddOperators()));
            });
        });
        return out;
    }

    /** The result from its JSON. */
    public static McrgResult fromJson(JsonNode json) {
        List<Size> sizes = Json.list(json.path("sizes"), s -> new Size(s.path("L").asInt(), s.path("samples").asInt(),
                Json.list(s.path("levels"), n -> new Level(n.path("level").asInt(), Json.number(n.path("b")),
                        Json.estimate(n.path("y_t")), Json.estimate(n.path("y_h")),
                        Json.doubles(n.path("eigenvalues_even")), Json.doubles(n.path("eigenvalues_odd")),
                        Json.strings(n.path("even_operators")), Json.strings(n.path("odd_operators"))))));
        return new McrgResult(Json.number(json.path("temperature")), Json.number(json.path("y_t_exact")),
                Json.number(json.path("y_h_exact")), sizes);
    }
}
