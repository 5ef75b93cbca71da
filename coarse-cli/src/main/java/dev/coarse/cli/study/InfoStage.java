package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.report.HtmlReport;
import dev.coarse.cli.report.Plots;
import dev.coarse.info.BlockGeometry;
import dev.coarse.info.BlockInformation;
import dev.coarse.info.DiscreteInformation;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.rg.Coarsener;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Relevant information kept by each RG step (SCIENCE.md §3; Apenko 2012, Koch-Janusz and Ringel 2018): at every
 * level the visible b^d block V, its coarse spin H = rule(V) and the environment shell E beyond a buffer give
 * I(V:E), I(H:E), the kept fraction I(H:E)/I(V:E) and the loss H(V|H).
 */
final class InfoStage implements Stage {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String title() {
        return "Information kept per RG step";
    }

    /**
     * The rule as a function of the block pattern code (bit j = site j of the block up): majority with ties to
     * the block's first site, or decimation (the first site).
     */
    static IntUnaryOperator patternRule(String rule, int blockSites) {
        if (rule.equals("decimation")) {
            return code -> code & 1;
        }
        return code -> {
            int up = Integer.bitCount(code);
            return 2 * up > blockSites ? 1 : 2 * up < blockSites ? 0 : code & 1;
        };
    }

    @Override
    public ObjectNode run(StudySpec spec, StageContext context) {
        StudySpec.Sampling s = spec.infoSampling();
        StudySpec.Coarsening c = spec.infoRule();
        context.expect(StageContext.work(s) + StageContext.work(s) / 4 * c.levels());
        int d = spec.dimension();
        Lattice lattice = Lattice.of(d, spec.infoSize());
        ChainResult r = context.sample(spec.model(spec.infoSize(), spec.infoTemperature()), s, 0);
        List<byte[][]> levels = Coarsener.iterate(r.configurations(), lattice, c.build(), c.levels() - 1, context.seed(1));
        List<Lattice> lattices = Coarsener.lattices(lattice, c.build(), c.levels() - 1);
        DiscreteInformation info = new DiscreteInformation(EntropyEstimator.named(spec.infoEstimator()),
                spec.infoResamples(), context.seed(2));
        BlockInformation.EnvironmentCode code = spec.infoCode().equals("pattern")
                ? BlockInformation.EnvironmentCode.PATTERN : BlockInformation.EnvironmentCode.SUM;
        IntUnaryOperator rule = patternRule(c.rule(), (int) Math.round(Math.pow(c.b(), d)));
        ObjectNode out = JsonOutput.object();
        out.put("unit", "nats");
        out.put("samples", r.configurations().length);
        out.put("temperature", spec.infoTemperature());
        ArrayNode steps = out.putArray("steps");
        for (int n = 0; n < c.levels(); n++) {
            Lattice fine = lattices.get(n);
            BlockInformation blocks = new BlockInformation(fine, 2, info);
            BlockInformation.KeptInformation kept = blocks.keptInformation(levels.get(n),
                    new BlockGeometry(fine, c.b(), spec.infoBuffer(), spec.infoEnvironment()), rule, true, code);
            ObjectNode step = steps.addObject();
            step.put("step", n + 1);
            step.put("L_fine", fine.linearSize());
            Results.put(step, "i_visible_environment", kept.visibleEnvironment());
            Results.put(step, "i_coarse_environment", kept.coarseEnvironment());
            Results.put(step, "kept_fraction", kept.keptFraction());
            Results.put(step, "loss_h_v_given_h", kept.lossGivenCoarse());
            context.advance(StageContext.work(s) / 4);
        }
        return out;
    }

    @Override
    public List<HtmlReport.Comparison> summary(StudySpec spec, JsonNode result) {
        JsonNode steps = result.path("steps");
        if (steps.size() == 0) {
            return List.of();
        }
        JsonNode first = steps.get(0);
        return List.of(new HtmlReport.Comparison("fraction of I(V:E) kept by one " + spec.infoRule().rule()
                + " step (no exact value)", Results.estimate(first.get("kept_fraction")), Double.NaN));
    }

    @Override
    public void report(StudySpec spec, JsonNode result, HtmlReport report) throws IOException {
        StudySpec.Coarsening c = spec.infoRule();
        StudySpec.Sampling s = spec.infoSampling();
        report.paragraph(String.format(Locale.ROOT, "%d configurations of L = %d at T = %.6f (%s). At RG step n the "
                        + "fine lattice is the (n−1)-times coarse-grained one; V is a %d^%d block, H its coarse spin "
                        + "under the %s rule (ties to the block's first site), E the shell of width %d beyond a buffer "
                        + "of width %d, encoded as its %s; the block is placed at every site. I(V:E) is the information "
                        + "about the surroundings available in the block, I(H:E) ≤ I(V:E) what the coarse spin keeps "
                        + "of it (the relevant information), and H(V|H) what the step discards. Estimator: %s with "
                        + "%d bootstrap resamples; values in nats. With E encoded as its sum these are lower bounds.",
                result.path("samples").asInt(), spec.infoSize(), spec.infoTemperature(), s.sampler(), c.b(),
                spec.dimension(), c.rule(), spec.infoEnvironment(), spec.infoBuffer(),
                spec.infoCode().equals("sum") ? "sum (magnetisation)" : "full pattern", spec.infoEstimator(),
                spec.infoResamples()));
        JsonNode steps = result.path("steps");
        double[] n = Results.values(steps, "step");
        Plots.Builder mi = Plots.xy("Block–environment information per RG step", "RG step n",
                "mutual information [nats]")
                .lineWithErrors("I(V:E), block", n, Results.column(steps, "i_visible_environment", false),
                        Results.column(steps, "i_visible_environment", true))
                .lineWithErrors("I(H:E), coarse spin", n, Results.column(steps, "i_coarse_environment", false),
                        Results.column(steps, "i_coarse_environment", true));
        Plots.Builder loss = Plots.xy("Information discarded per RG step", "RG step n", "H(V|H) [nats]")
                .lineWithErrors("H(V|H)", n, Results.column(steps, "loss_h_v_given_h", false),
                        Results.column(steps, "loss_h_v_given_h", true));
        Plots.Builder kept = Plots.xy("Fraction of the block's environment information kept", "RG step n",
                "I(H:E) / I(V:E)")
                .lineWithErrors("kept fraction", n, Results.column(steps, "kept_fraction", false),
                        Results.column(steps, "kept_fraction", true))
                .line("all (upper bound)", new double[] {n[0], n[n.length - 1] + (n.length == 1 ? 1 : 0)}, new double[] {1, 1});
        XYChart keptChart = kept.chart();
        Charts.reference(keptChart, "all (upper bound)");
        Charts.legend(keptChart, Styler.LegendPosition.OutsideS);
        Charts.legend(mi.chart(), Styler.LegendPosition.OutsideS);
        Charts.legend(loss.chart(), Styler.LegendPosition.OutsideS);
        report.figure("Information about the environment in the block (V) and in its coarse spin (H) at each "
                + "step. At the critical point the numbers should settle to step-independent values as the "
                + "blocked system approaches the fixed point.", mi.chart());
        report.figure("Kept fraction I(H:E)/I(V:E): close to 1 means the rule keeps almost all the long-range "
                + "(relevant) information of the block; the dashed line is the data-processing bound.", keptChart);
        report.figure("Entropy of the block given its coarse spin, H(V|H): the short-range detail each step "
                + "throws away (at most ln 2^{b^d − 1}).", loss.chart());
        List<List<String>> rows = new java.util.ArrayList<>();
        for (JsonNode step : steps) {
            rows.add(List.of(String.valueOf(step.path("step").asInt()), String.valueOf(step.path("L_fine").asInt()),
                    Results.format(step.get("i_visible_environment")), Results.format(step.get("i_coarse_environment")),
                    Results.format(step.get("kept_fraction")), Results.format(step.get("loss_h_v_given_h"))));
        }
        report.table("Per RG step (the fine lattice of step n is L_fine × L_fine; small lattices at the last steps "
                + "add finite-size effects)", List.of("step", "L_fine", "I(V:E) [nats]", "I(H:E) [nats]",
                "kept fraction", "H(V|H) [nats]"), rows);
    }

}
