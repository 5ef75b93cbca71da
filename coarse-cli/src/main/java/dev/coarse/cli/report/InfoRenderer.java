package dev.coarse.cli.report;

import dev.coarse.info.BlockInformation;
import dev.coarse.stats.Estimate;
import dev.coarse.study.Coarsening;
import dev.coarse.study.InfoResult;
import dev.coarse.study.InfoSettings;
import dev.coarse.study.InfoStage;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** The information stage: I(V:E), I(H:E), the kept fraction and H(V|H) per RG step. */
final class InfoRenderer extends StageRenderer<InfoResult> {

    InfoRenderer() {
        super(InfoStage.NAME, InfoResult.class, "Information kept per RG step");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, InfoResult result) {
        if (result.steps().isEmpty()) {
            return List.of();
        }
        return List.of(new HtmlReport.Comparison("fraction of I(V:E) kept by one "
                + spec.settings(InfoSettings.class).rule().rule().id() + " step (no exact value)",
                result.steps().get(0).keptFraction(), Double.NaN));
    }

    @Override
    void render(StudySpec spec, InfoResult result, HtmlReport report) throws IOException {
        InfoSettings settings = spec.settings(InfoSettings.class);
        Coarsening c = settings.rule();
        report.paragraph(String.format(Locale.ROOT, "%d configurations of L = %d at T = %.6f (%s). At RG step n the "
                        + "fine lattice is the (n−1)-times coarse-grained one; V is a %d^%d block, H its coarse spin "
                        + "under the %s rule (ties to the block's first site), E the shell of width %d beyond a buffer "
                        + "of width %d, encoded as its %s; the block is placed at every site. I(V:E) is the information "
                        + "about the surroundings available in the block, I(H:E) ≤ I(V:E) what the coarse spin keeps "
                        + "of it (the relevant information), and H(V|H) what the step discards. Estimator: %s with "
                        + "%d bootstrap resamples; values in nats. With E encoded as its sum these are lower bounds.",
                result.samples(), settings.size(), settings.temperature(), settings.sampling().sampler().id(), c.b(),
                spec.model().dimension(), c.rule().id(), settings.environment(), settings.buffer(),
                settings.environmentCode() == BlockInformation.EnvironmentCode.SUM ? "sum (magnetisation)"
                        : "full pattern", settings.estimator().id(), settings.resamples()));
        List<InfoResult.Step> steps = result.steps();
        double[] n = steps.stream().mapToDouble(InfoResult.Step::step).toArray();
        Plots.Builder mi = Plots.xy("Block–environment information per RG step", "RG step n",
                "mutual information [nats]")
                .lineWithErrors("I(V:E), block", n, means(steps, InfoResult.Step::visibleEnvironment),
                        errors(steps, InfoResult.Step::visibleEnvironment))
                .lineWithErrors("I(H:E), coarse spin", n, means(steps, InfoResult.Step::coarseEnvironment),
                        errors(steps, InfoResult.Step::coarseEnvironment));
        Plots.Builder loss = Plots.xy("Information discarded per RG step", "RG step n", "H(V|H) [nats]")
                .lineWithErrors("H(V|H)", n, means(steps, InfoResult.Step::lossGivenCoarse),
                        errors(steps, InfoResult.Step::lossGivenCoarse));
        Plots.Builder kept = Plots.xy("Fraction of the block's environment information kept", "RG step n",
                "I(H:E) / I(V:E)")
                .lineWithErrors("kept fraction", n, means(steps, InfoResult.Step::keptFraction),
                        errors(steps, InfoResult.Step::keptFraction))
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
        List<List<String>> rows = new ArrayList<>();
        for (InfoResult.Step step : steps) {
            rows.add(List.of(String.valueOf(step.step()), String.valueOf(step.fineLinearSize()),
                    StudyReport.format(step.visibleEnvironment()), StudyReport.format(step.coarseEnvironment()),
                    StudyReport.format(step.keptFraction()), StudyReport.format(step.lossGivenCoarse())));
        }
        report.table("Per RG step (the fine lattice of step n is L_fine × L_fine; small lattices at the last steps "
                + "add finite-size effects)", List.of("step", "L_fine", "I(V:E) [nats]", "I(H:E) [nats]",
                "kept fraction", "H(V|H) [nats]"), rows);
    }

    private static double[] means(List<InfoResult.Step> steps, Function<InfoResult.Step, Estimate> value) {
        return StudyReport.means(steps.stream().map(value).toList());
    }

    private static double[] errors(List<InfoResult.Step> steps, Function<InfoResult.Step, Estimate> value) {
        return StudyReport.errors(steps.stream().map(value).toList());
    }
}
