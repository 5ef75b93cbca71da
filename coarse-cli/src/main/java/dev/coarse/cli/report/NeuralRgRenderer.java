package dev.coarse.cli.report;

import dev.coarse.learn.study.NeuralRgResult;
import dev.coarse.learn.study.NeuralRgSettings;
import dev.coarse.learn.study.NeuralRgStage;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The neural-rg stage: the flow's variational bound on ln Z / N against the exact value, the importance-sampling
 * estimates, and the training curve.
 */
final class NeuralRgRenderer extends StageRenderer<NeuralRgResult> {

    NeuralRgRenderer() {
        super(NeuralRgStage.NAME, NeuralRgResult.class,
                "Neural RG: a hierarchical flow trained on the energy, its bound on ln Z against the exact value");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, NeuralRgResult r) {
        String at = String.format(Locale.ROOT, " (neural-rg, L = %d)", r.linearSize());
        return List.of(
                HtmlReport.Comparison.notExpectedToAgree("variational bound on ln Z / N" + at, r.bound(),
                        r.exactLnZ(), String.format(Locale.ROOT, "a lower bound: gap %.4f nats/site",
                                r.gap())),
                new HtmlReport.Comparison("importance-sampled ln Z / N" + at, r.importanceLnZ(), r.exactLnZ()),
                new HtmlReport.Comparison("reweighted energy per site" + at, r.energy(), r.exactEnergy()));
    }

    @Override
    void render(StudySpec spec, NeuralRgResult r, HtmlReport report) throws IOException {
        NeuralRgSettings s = spec.settings(NeuralRgSettings.class);
        report.paragraph(String.format(Locale.ROOT, "A MERA-shaped normalizing flow (log₂ L = %d levels of "
                        + "decimator and disentangler blocks on 2×2 plaquettes, %d affine couplings per block with %d × "
                        + "%d tanh units, %,d parameters, Z₂-symmetrised) trained by Adam on the 2D Ising energy alone "
                        + "at T = %.6f through the Hubbard–Stratonovich field — no configurations — for %d epochs of "
                        + "%d steps of %d draws. Its bound −βF_q/N can never exceed the exact ln Z / N (%s); "
                        + "importance weights e^{−βS}/q over %,d fresh draws give unbiased estimates (effective sample "
                        + "size %.3f of the draws).", Integer.numberOfTrailingZeros(r.linearSize()), s.couplings(),
                s.hiddenLayers(), s.width(), r.parameters(), r.temperature(), s.epochs(), s.steps(), s.batch(),
                r.linearSize() <= 4 ? "enumeration" : "Kaufman", s.samples(), r.essFraction()));
        report.table("Bound and estimates per site (nats)", List.of("quantity", "flow", "exact"), List.of(
                List.of("variational bound on ln Z / N", StudyReport.format(r.bound()),
                        HtmlReport.formatNumber(r.exactLnZ(), 8)),
                List.of("gap exact − bound", HtmlReport.formatNumber(r.gap(), 3), "0"),
                List.of("importance-sampled ln Z / N", StudyReport.format(r.importanceLnZ()),
                        HtmlReport.formatNumber(r.exactLnZ(), 8)),
                List.of("energy per site, reweighted", StudyReport.format(r.energy()),
                        HtmlReport.formatNumber(r.exactEnergy(), 8)),
                List.of("energy per site, flow alone", StudyReport.format(r.flowEnergy()),
                        HtmlReport.formatNumber(r.exactEnergy(), 8))));
        double[] history = r.boundHistory();
        double[] epochs = new double[history.length];
        double[] gaps = new double[history.length];
        for (int i = 0; i < history.length; i++) {
            epochs[i] = i + 1;
            gaps[i] = Math.max(r.exactLnZ() - history[i], 1e-6);
        }
        report.figure("Training curve: exact ln Z / N minus the epoch's mean training bound (log scale; the training "
                + "bound is noisier than the final one, and points below 1e-6 are drawn at 1e-6).",
                Plots.xy("Gap to the exact ln Z per site during training", "epoch", "gap [nats/site]")
                        .line("gap", epochs, gaps).logarithmic(false, true).chart());
    }
}
