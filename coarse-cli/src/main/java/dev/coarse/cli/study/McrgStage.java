package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.report.HtmlReport;
import dev.coarse.cli.report.Plots;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.rg.Mcrg;
import dev.coarse.rg.OperatorSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.Styler;

/**
 * Swendsen's MCRG at (or near) T_c: sample each size, coarse-grain it {@code levels} times and take y_t and
 * y_h from the leading eigenvalues of the linearised RG matrix at every level (SCIENCE.md §4).
 */
final class McrgStage implements Stage {

    @Override
    public String name() {
        return "mcrg";
    }

    @Override
    public String title() {
        return "Monte Carlo RG → thermal and magnetic exponents y_t, y_h";
    }

    /** Exact (2D) or best-known (3D: ν = 0.629971, η = 0.036298, conformal bootstrap) y_t. */
    static double exactYt(StudySpec spec) {
        return spec.model().equals("ising2d") ? 1.0 : 1 / 0.629971;
    }

    /** y_h = (d + 2 − η)/2: 15/8 in 2D. */
    static double exactYh(StudySpec spec) {
        return spec.model().equals("ising2d") ? 15.0 / 8.0 : (5 - 0.036298) / 2;
    }

    @Override
    public ObjectNode run(StudySpec spec, StageContext context) {
        StudySpec.Sampling s = spec.mcrgSampling();
        context.expect(StageContext.work(s) * spec.mcrgSizes().size());
        int d = spec.dimension();
        OperatorSet even = OperatorSet.standardEven(d).truncate(spec.mcrgEven());
        OperatorSet odd = OperatorSet.standardOdd(d).truncate(spec.mcrgOdd());
        ObjectNode out = JsonOutput.object();
        out.put("temperature", spec.mcrgTemperature());
        out.put("y_t_exact", exactYt(spec));
        out.put("y_h_exact", exactYh(spec));
        ArrayNode sizes = out.putArray("sizes");
        long i = 0;
        for (int L : spec.mcrgSizes()) {
            ChainResult r = context.sample(spec.model(L, spec.mcrgTemperature()), s, i);
            List<Mcrg.Level> levels = Mcrg.run(r.configurations(), Lattice.of(d, L), spec.mcrgRule().build(),
                    spec.mcrgRule().levels(), even, odd, spec.mcrgBins(), context.seed(1000 + i));
            i++;
            ObjectNode size = sizes.addObject();
            size.put("L", L);
            size.put("samples", r.configurations().length);
            ArrayNode lv = size.putArray("levels");
            for (Mcrg.Level level : levels) {
                ObjectNode n = lv.addObject();
                n.put("level", level.level());
                n.put("b", level.b());
                Results.put(n, "y_t", level.yT());
                Results.put(n, "y_h", level.yH());
                n.set("eigenvalues_even", Results.array(level.eigenvaluesEven()));
                n.set("eigenvalues_odd", Results.array(level.eigenvaluesOdd()));
                ArrayNode ev = n.putArray("even_operators");
                level.evenOperators().forEach(ev::add);
                ArrayNode od = n.putArray("odd_operators");
                level.oddOperators().forEach(od::add);
            }
        }
        return out;
    }

    private static JsonNode deepest(JsonNode result) {
        JsonNode sizes = result.path("sizes");
        if (sizes.size() == 0) {
            return null;
        }
        JsonNode levels = sizes.get(sizes.size() - 1).path("levels");
        return levels.size() == 0 ? null : levels.get(levels.size() - 1);
    }

    @Override
    public List<HtmlReport.Comparison> summary(StudySpec spec, JsonNode result) {
        JsonNode level = deepest(result);
        if (level == null) {
            return List.of();
        }
        JsonNode sizes = result.path("sizes");
        String at = " (MCRG, L = " + sizes.get(sizes.size() - 1).path("L").asInt() + ", level "
                + level.path("level").asInt() + ")";
        String kind = spec.model().equals("ising2d") ? "" : " [bootstrap reference]";
        return List.of(
                new HtmlReport.Comparison("y_t = 1/ν" + at + kind, Results.estimate(level.get("y_t")),
                        result.path("y_t_exact").asDouble()),
                new HtmlReport.Comparison("y_h = (d + 2 − η)/2" + at + kind, Results.estimate(level.get("y_h")),
                        result.path("y_h_exact").asDouble()));
    }

    @Override
    public void report(StudySpec spec, JsonNode result, HtmlReport report) throws IOException {
        StudySpec.Sampling s = spec.mcrgSampling();
        StudySpec.Coarsening rule = spec.mcrgRule();
        report.paragraph(String.format(Locale.ROOT, "Configurations sampled at T = %.6f with %s (%d chains, %d "
                        + "thermalisation and %d measured steps, a sample every %d steps), then coarse-grained %d times with "
                        + "the %s rule (b = %d). At level n the matrix T = C⁻¹D of connected correlations between "
                        + "operators at levels n and n−1 approximates ∂K⁽ⁿ⁾/∂K⁽ⁿ⁻¹⁾; its leading eigenvalue λ gives "
                        + "y = ln λ / ln b, using %d even operators (→ y_t) and %d odd ones (→ y_h). Errors: "
                        + "jackknife over %d bins. Deeper levels are closer to the fixed point (smaller "
                        + "irrelevant-operator corrections) but live on smaller lattices (finite-size effects); "
                        + "agreement of two sizes at the same level shows the latter are small.",
                spec.mcrgTemperature(), s.sampler(), s.chains(), s.thermalize(), s.sweeps(), s.thin(), rule.levels(),
                rule.rule(), rule.b(), spec.mcrgEven(), spec.mcrgOdd(), spec.mcrgBins()));
        String ref = spec.model().equals("ising2d") ? "exact" : "bootstrap";
        Plots.Builder yt = Plots.xy("Thermal exponent y_t by RG level", "RG level n (blocks of b^n sites)",
                "y_t = ln λ_even / ln b");
        Plots.Builder yh = Plots.xy("Magnetic exponent y_h by RG level", "RG level n (blocks of b^n sites)",
                "y_h = ln λ_odd / ln b");
        List<List<String>> rows = new ArrayList<>();
        int maxLevel = rule.levels();
        double offset = -0.05 * (result.path("sizes").size() - 1) / 2;
        for (JsonNode size : result.path("sizes")) {
            JsonNode levels = size.path("levels");
            double[] n = new double[levels.size()];
            for (int k = 0; k < n.length; k++) {
                n[k] = levels.get(k).path("level").asInt() + offset;
            }
            offset += 0.05;
            String label = "L = " + size.path("L").asInt() + " (" + size.path("samples").asInt() + " samples)";
            yt.points(label, n, Results.column(levels, "y_t", false), Results.column(levels, "y_t", true));
            yh.points(label, n, Results.column(levels, "y_h", false), Results.column(levels, "y_h", true));
            for (JsonNode level : levels) {
                rows.add(List.of(String.valueOf(size.path("L").asInt()), String.valueOf(level.path("level").asInt()),
                        Results.format(level.get("y_t")), Results.format(level.get("y_h")),
                        eigen(level.get("eigenvalues_even")), eigen(level.get("eigenvalues_odd"))));
            }
        }
        double[] span = {0.7, maxLevel + 0.3};
        double ytExact = result.path("y_t_exact").asDouble();
        double yhExact = result.path("y_h_exact").asDouble();
        String ytName = String.format(Locale.ROOT, "y_t = %.4f (%s)", ytExact, ref);
        String yhName = String.format(Locale.ROOT, "y_h = %.4f (%s)", yhExact, ref);
        yt.line(ytName, span, new double[] {ytExact, ytExact});
        yh.line(yhName, span, new double[] {yhExact, yhExact});
        Charts.reference(yt.chart(), ytName);
        Charts.legend(yt.chart(), Styler.LegendPosition.OutsideS);
        Charts.legend(yh.chart(), Styler.LegendPosition.OutsideS);
        Charts.reference(yh.chart(), yhName);
        report.figure("Thermal RG eigenvalue exponent y_t = 1/ν per level and lattice size (points slightly "
                + "offset horizontally so error bars do not overlap); the horizontal line is the " + ref
                + " value.", yt.chart());
        report.figure("Magnetic exponent y_h per level; the horizontal line is the " + ref + " value.", yh.chart());
        report.table("MCRG per size and level (eigenvalues: real parts, by decreasing magnitude)",
                List.of("L", "level", "y_t", "y_h", "λ even", "λ odd"), rows);
    }


    private static String eigen(JsonNode values) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v.asDouble()));
        }
        return sb.toString();
    }
}
