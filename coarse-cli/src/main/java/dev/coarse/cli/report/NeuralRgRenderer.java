package dev.coarse.cli.report;

import dev.coarse.learn.flow.LatentGeometry;
import dev.coarse.learn.study.NeuralRgResult;
import dev.coarse.learn.study.NeuralRgSettings;
import dev.coarse.learn.study.NeuralRgStage;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The neural-rg stage: the flow's variational bound on ln Z / N against the exact value, the importance-sampling
 * estimates, the training curve, and the holographic geometry of the latents (distance against boundary separation
 * and against depth, with the fits).
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
                        + "size %.3f of the draws) — unbiased only where the flow reaches: a flow trained on the reverse "
                        + "KL under-covers the Boltzmann law (here the disordered configurations), the weights' own "
                        + "error cannot see the mass it misses, and a deviation of many errors below measures that "
                        + "missing mass rather than noise.", Integer.numberOfTrailingZeros(r.linearSize()), s.couplings(),
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
        if (r.geometry() != null) {
            renderGeometry(r.geometry(), report);
        }
    }

    private static void renderGeometry(LatentGeometry g, HtmlReport report) throws IOException {
        report.paragraph(String.format(Locale.ROOT, "Holographic geometry (docs/flow.md): under the Boltzmann law the "
                + "latents are not quite independent, and their mutual information I (Gaussianised; from Wolff "
                + "configurations given their exact Hubbard–Stratonovich fields and mapped through the flow's inverse, "
                + "no weights) defines a distance d = −ln(I/I₁), I₁ that of nearest boundary neighbours. "
                + "The hyperbolic picture predicts d ≈ a + b ln r along the boundary and d linear in depth. Fits: "
                + "boundary a + b ln r R² = %.3f, a + b r R² = %.3f; depth a + b·depth R² = %s. Mutual informations "
                + "near the noise floor %.1e nats (C²/2n_eff) are noise, and so are the distances made from them. "
                + "The depth-0 latents of a row are of two kinds (the plaquette's two positions), so I(r) zigzags "
                + "with the parity of r: compare even r with even r (docs/flow.md, \"Holographic geometry\").",
                g.logFit()[2], g.linearFit()[2], Double.isFinite(g.depthFit()[2])
                        ? String.format(Locale.ROOT, "%.3f", g.depthFit()[2]) : "— (needs L ≥ 8)", g.noiseFloor()));
        int n = g.separations().length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = g.separations()[i];
        }
        int fine = 50;
        double[] x = new double[fine];
        double[] logLaw = new double[fine];
        double[] linearLaw = new double[fine];
        for (int i = 0; i < fine; i++) {
            x[i] = 1 + (r[n - 1] - 1) * i / (fine - 1.0);
            logLaw[i] = g.logFit()[0] + g.logFit()[1] * Math.log(x[i]);
            linearLaw[i] = g.linearFit()[0] + g.linearFit()[1] * x[i];
        }
        report.figure("Distance between depth-0 latents against their separation r along the boundary, with the "
                        + "fits a + b ln r and a + b r (r on a log scale: the first is a straight line).",
                Plots.xy("Boundary: d(r) = −ln(I(r)/I(1))", "separation r [sites]", "d")
                        .points("measured", finite(r, g.boundaryDistance())[0], finite(r, g.boundaryDistance())[1])
                        .line(String.format(Locale.ROOT, "a + b ln r (R² %.3f)", g.logFit()[2]), x, logLaw)
                        .line(String.format(Locale.ROOT, "a + b r (R² %.3f)", g.linearFit()[2]), x, linearLaw)
                        .logarithmic(true, false).chart());
        int k = g.depths().length;
        double[] depth = new double[k];
        double[] fit = new double[k];
        for (int i = 0; i < k; i++) {
            depth[i] = g.depths()[i];
            fit[i] = g.depthFit()[0] + g.depthFit()[1] * depth[i];
        }
        Plots.Builder depthPlot = Plots.xy("Depth: d between latents L/2 apart", "depth (0 = finest)", "d")
                .points("measured", finite(depth, g.depthDistance())[0], finite(depth, g.depthDistance())[1]);
        if (Double.isFinite(g.depthFit()[2])) {
            depthPlot.line(String.format(Locale.ROOT, "a + b·depth (R² %.3f)", g.depthFit()[2]), depth, fit);
        }
        report.figure("Distance between latents of the same depth at separation L/2 against their depth (the "
                + "hyperbolic metric predicts a straight line).", depthPlot.chart());
    }

    /** The points whose y is finite (a mutual information at or below zero has no distance), as {x, y}. */
    private static double[][] finite(double[] x, double[] y) {
        int n = 0;
        for (double v : y) {
            n += Double.isFinite(v) ? 1 : 0;
        }
        double[][] out = new double[2][n];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                out[0][j] = x[i];
                out[1][j++] = y[i];
            }
        }
        return out;
    }
}
