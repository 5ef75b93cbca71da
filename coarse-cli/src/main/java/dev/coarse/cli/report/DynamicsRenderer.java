package dev.coarse.cli.report;

import dev.coarse.stats.Estimate;
import dev.coarse.study.CellularAutomataResult.Series;
import dev.coarse.study.DynamicsResult;
import dev.coarse.study.DynamicsSettings;
import dev.coarse.study.DynamicsStage;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The dynamics stage: the double well's information loss against k (minimum-loss and spectral partitions, the
 * elbow), Michaelis–Menten's SSA mean against its reductions and the KL between full and reduced laws, and the
 * coarse-grained entropy of the cat map, the baker's map and a rotation against step.
 */
final class DynamicsRenderer extends StageRenderer<DynamicsResult> {

    DynamicsRenderer() {
        super(DynamicsStage.NAME, DynamicsResult.class,
                "Dynamics → lumping by information loss, reduced reaction kinetics, Gibbs's coarse entropy");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, DynamicsResult r) {
        DynamicsSettings s = spec.settings(DynamicsSettings.class);
        DynamicsResult.MapSummary cat = r.maps().get(0);
        double cells = (double) s.cellsPerSide() * s.cellsPerSide();
        double bias = (cells - 1) / (2.0 * s.ensemble());
        Series reaction = r.reaction();
        int last = reaction.times().length - 1;
        DynamicsResult.ReactionSummary m = r.reactionSummary();
        return List.of(
                HtmlReport.Comparison.notExpectedToAgree("cat map dS_δ/dt vs KS entropy ln((3+√5)/2)",
                        Estimate.exact(cat.growthRate()), cat.ksEntropy(), "a least-squares slope of one seeded"
                                + " ensemble, without an error bar; the core test asks agreement within 10%"),
                HtmlReport.Comparison.notExpectedToAgree("cat map final S_δ vs ln(1/δ²) − plug-in bias",
                        Estimate.exact(cat.finalLevel()), r.plateau() - bias, String.format(Locale.ROOT,
                                "one seeded ensemble, without an error bar: off by %.1e nats",
                                cat.finalLevel() - (r.plateau() - bias))),
                HtmlReport.Comparison.notExpectedToAgree(m.species() + " at t = " + fmt(reaction.times()[last])
                                + ": SSA mean vs QSSA",
                        Estimate.of(reaction.values("full_mean")[last], reaction.values("full_error")[last]),
                        reaction.values("quasi_steady")[last],
                        String.format(Locale.ROOT, "the QSSA is a reduction, not exact: it %s (largest deviation"
                                + " %.2f%% of the curve's scale; holds within 1%%)",
                                m.quasiSteadyHolds() ? "holds" : "does not hold", 100 * m.quasiSteadyDeviation())));
    }

    @Override
    void render(StudySpec spec, DynamicsResult r, HtmlReport report) throws IOException {
        DynamicsSettings s = spec.settings(DynamicsSettings.class);
        renderLumping(s, r, report);
        renderReaction(s, r, report);
        renderEntropy(s, r, report);
    }

    private static void renderLumping(DynamicsSettings s, DynamicsResult r, HtmlReport report) throws IOException {
        Series c = r.lumping();
        double[] k = c.times();
        report.paragraph(String.format(Locale.ROOT, "Lumping (dev.coarse.dynamics; docs/dynamics.md): the double-well"
                + " random walk on %d grid points at T = %s, lumped into k blocks. L = I(X_t; Y_{t+1} | Y_t) is the"
                + " information the blocks lose about their own next step (0 for a strongly lumpable partition);"
                + " the minimum-loss partition is the greedy agglomeration, the spectral one is built from the"
                + " slowest eigenvectors. L is weighted by the stationary law, so at low T the minimum-loss search"
                + " splits off states of negligible weight (the grid's ends) at almost no loss, while the spectral"
                + " partition follows the wells and keeps the slow hopping between them (small lumped gap): the same"
                + " timescales, different information lost. The elbow of the minimum-loss curve (Kneedle) is k = %d.",
                s.states(),
                fmt(s.temperature()), r.elbow()));
        Plots.Builder plot = Plots.xy("Information loss of k blocks", "k", "L (nats per step)")
                .line("minimum loss (greedy)", k, c.values("minimum_loss"));
        addFinite(plot, "spectral partition", k, c.values("spectral_loss"));
        report.figure("Loss against the number of blocks, double well (" + s.states() + " states).", plot.chart());
        List<List<String>> rows = new ArrayList<>();
        double[] loss = c.values("minimum_loss");
        double[] gap = c.values("minimum_loss_gap");
        double[] spectral = c.values("spectral_loss");
        double[] spectralGap = c.values("spectral_gap");
        double[] separation = c.values("timescale_separation");
        for (int i = 0; i < k.length; i++) {
            rows.add(List.of(Integer.toString((int) k[i]), sci(loss[i]), fmt(gap[i]), sci(spectral[i]),
                    fmt(spectralGap[i]), fmt(separation[i])));
        }
        report.table("Minimum-loss against spectral partitions (gap: 1 − |λ₂| of the lumped chain; separation:"
                + " t_{k−1}/t_k of the chain's relaxation times)", List.of("k", "minimum loss", "gap",
                "spectral loss", "spectral gap", "separation"), rows);
        report.paragraph("At the elbow the minimum-loss partition is " + blocks(r.minimumLossBlocks())
                + (r.spectralBlocks().isEmpty() ? "; there is no spectral partition with that many blocks."
                : " and the spectral one " + blocks(r.spectralBlocks()) + "."));
    }

    private static void renderReaction(DynamicsSettings s, DynamicsResult r, HtmlReport report) throws IOException {
        Series c = r.reaction();
        DynamicsResult.ReactionSummary m = r.reactionSummary();
        double[] t = c.times();
        report.paragraph(String.format(Locale.ROOT, "Reaction kinetics (dev.coarse.dynamics.reaction): Michaelis–Menten"
                + " E + S ⇌ C → E + P with S₀ = %d, E₀ = %d (k₁ = 0.01, k₋₁ = 2, k_cat = 0.1), %d Gillespie runs"
                + " (%d reactions) against the quasi-steady-state rate equation, the mean-field rate equations and"
                + " the averaged-fast-pair SSA (binding/unbinding averaged out). Largest deviation from the SSA mean,"
                + " as a fraction of the curve's scale: QSSA %.2f%% (%s within 1%%), mean field %.2f%%, averaged pair"
                + " %.2f%%.", s.substrate(), s.enzyme(), m.runs(), m.fullReactions(),
                100 * m.quasiSteadyDeviation(), m.quasiSteadyHolds() ? "holds" : "does NOT hold",
                100 * m.meanFieldDeviation(), 100 * m.reducedDeviation()));
        XYChart trajectories = Plots.xy("Michaelis–Menten: full against reduced", "t", m.species() + " molecules")
                .lineWithErrors("full SSA", t, c.values("full_mean"), c.values("full_error"))
                .line("quasi-steady state", t, c.values("quasi_steady"))
                .line("mean field", t, c.values("mean_field"))
                .lineWithErrors("averaged fast pair SSA", t, c.values("reduced_mean"), c.values("reduced_error"))
                .chart();
        Charts.legend(trajectories, Styler.LegendPosition.InsideSE);
        report.figure("Product " + m.species() + " against time: full SSA mean ± error and the reduced models.",
                trajectories);
        report.figure("KL(full ‖ averaged fast pair) of the law of " + m.species() + " (± bootstrap error), beside"
                + " the KL two samples of one law would show (the plug-in bias).",
                Plots.xy("KL between full and reduced laws", "t", "nats")
                        .lineWithErrors("KL(full || reduced)", t, c.values("kl"), c.values("kl_error"))
                        .line("sampling bias for equal laws", t, c.values("kl_bias")).chart());
    }

    private static void renderEntropy(DynamicsSettings s, DynamicsResult r, HtmlReport report) throws IOException {
        Series e = r.entropy();
        double[] steps = e.times();
        double[] plateau = new double[steps.length];
        Arrays.fill(plateau, r.plateau());
        report.paragraph(String.format(Locale.ROOT, "Gibbs's coarse-grained entropy (dev.coarse.dynamics.gibbs): %d"
                + " points start in one cell of side δ = 1/%d and are moved by each map; S_δ is the entropy of their"
                + " occupation of the cells, the fine-grained entropy ln(distinct points) stays ln N (the maps are"
                + " bijections). Growth rates over 20–70%% of ln(1/δ²) = %.4f: %s.", s.ensemble(), s.cellsPerSide(),
                r.plateau(), r.maps().stream().map(m -> String.format(Locale.ROOT, "%s %s (KS entropy %.4f)",
                        m.map(), fmt(m.growthRate()), m.ksEntropy())).collect(Collectors.joining(", "))));
        Plots.Builder plot = Plots.xy("Coarse-grained entropy", "step", "nats");
        for (DynamicsResult.MapSummary m : r.maps()) {
            plot.line(m.map() + " map", steps, e.values(m.map()));
        }
        XYChart chart = plot.line("fine-grained", steps, e.values("fine")).line("ln(1/δ²)", steps, plateau).chart();
        Charts.legend(chart, Styler.LegendPosition.OutsideE);
        report.figure("Coarse-grained entropy against step: the mixing maps rise to ln(1/δ²), the rotation stays low;"
                + " the fine-grained entropy is constant.", chart);
    }

    private static void addFinite(Plots.Builder plot, String name, double[] x, double[] y) {
        int[] keep = IntStream.range(0, x.length).filter(i -> Double.isFinite(y[i])).toArray();
        if (keep.length > 0) {
            plot.line(name, Arrays.stream(keep).mapToDouble(i -> x[i]).toArray(),
                    Arrays.stream(keep).mapToDouble(i -> y[i]).toArray());
        }
    }

    private static String blocks(List<Integer> blocks) {
        return blocks.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "—";
    }

    private static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : "—";
    }
}
