package dev.coarse.cli.emerge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.Plots;
import dev.coarse.emergence.sandpile.ActivitySpectrum;
import dev.coarse.emergence.sandpile.AvalancheSeries;
import dev.coarse.emergence.sandpile.AvalancheStatistics;
import dev.coarse.emergence.sandpile.DharExact;
import dev.coarse.emergence.sandpile.MomentScaling;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse emerge sandpile}: drive the BTW sandpile, compare with Dhar's exact mean, fit exponents. */
@Command(name = "sandpile", mixinStandardHelpOptions = true,
        description = "Drive the Bak–Tang–Wiesenfeld sandpile on an L×L grid with open boundaries: mean topplings per"
                + " grain against Dhar's exact value, avalanche size/area/duration distributions, an effective size"
                + " exponent, the power spectrum of the activity, and (with --collapse) finite-size scaling by moments.")
public final class EmergeSandpileCommand implements Callable<Integer> {

    /**
     * Segment length of the activity spectrum, and its fit window in cycles per parallel step: [0.6/L, 0.2], above the
     * low-frequency knee (at about 1/L^z, z ≈ 1.2, read off the spectra of L = 32 … 256) and below the lattice-scale
     * roll-off near f = 1/2.
     */
    private static final int SEGMENT = 4096;
    private static final double FIT_HIGH = 0.2;

    @Option(names = "--L", paramLabel = "L", defaultValue = "64", description = "Linear size (default: ${DEFAULT-VALUE}).")
    int linearSize;

    @Option(names = "--grains", paramLabel = "N", defaultValue = "100000",
            description = "Grains recorded after the burn-in, one avalanche each (default: ${DEFAULT-VALUE}).")
    int grains;

    @Option(names = "--burn-in", paramLabel = "N",
            description = "Grains discarded first, starting from the all-3 pile (default: 2·L²).")
    Long burnIn;

    @Option(names = "--activity-steps", paramLabel = "T", defaultValue = "1048576",
            description = "Parallel steps of activity recorded for the spectrum (default: ${DEFAULT-VALUE}).")
    int activitySteps;

    @Option(names = "--collapse", paramLabel = "L1,L2,…", split = ",",
            description = "Also run these sizes (with the same --grains) for finite-size scaling by moments.")
    List<Integer> collapseSizes;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Write the size distribution and the activity spectrum (and the collapse) as one PNG.")
    Path png;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        requireSize(linearSize, "--L");
        if (grains < 1000) {
            throw new UserError("--grains must be at least 1000, got " + grains);
        }
        long burn = burnIn == null ? 2L * linearSize * linearSize : burnIn;
        if (burn < 0) {
            throw new UserError("--burn-in must be ≥ 0, got " + burn);
        }
        if (activitySteps < 2 * SEGMENT || activitySteps > 1 << 26) {
            throw new UserError("--activity-steps must be in " + 2 * SEGMENT + " … " + (1 << 26) + ", got " + activitySteps);
        }
        SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom")
                .create(seed.value());
        AvalancheSeries run = AvalancheSeries.drive(linearSize, burn, grains, activitySteps, seed.value(), root.split());
        Estimate mean = AvalancheStatistics.meanTopplings(run);
        double exact = DharExact.meanTopplingsPerGrain(linearSize, linearSize);
        long[] window = AvalancheStatistics.defaultWindow(linearSize);
        Estimate tau = AvalancheStatistics.sizeExponent(run, window[0], window[1]);
        double fitLow = 0.6 / linearSize;
        ActivitySpectrum spectrum = run.activity().length >= 2 * SEGMENT
                ? ActivitySpectrum.of(run.activity(), SEGMENT, fitLow, FIT_HIGH) : null;
        List<AvalancheSeries> scalingRuns = new ArrayList<>();
        MomentScaling scaling = null;
        if (collapseSizes != null && !collapseSizes.isEmpty()) {
            List<Integer> sizes = new ArrayList<>(new java.util.TreeSet<>(collapseSizes));
            for (int l : sizes) {
                requireSize(l, "--collapse");
                RandomGenerator stream = root.split();
                scalingRuns.add(l == linearSize && burnIn == null ? run
                        : AvalancheSeries.drive(l, 2L * l * l, grains, 0, seed.value(), stream));
            }
            if (scalingRuns.size() < 2) {
                throw new UserError("--collapse needs at least 2 distinct sizes");
            }
            scaling = MomentScaling.of(scalingRuns);
        }
        double meanArea = 0;
        double meanDuration = 0;
        for (int i = 0; i < run.grains(); i++) {
            meanArea += (double) run.areas()[i] / run.grains();
            meanDuration += (double) run.durations()[i] / run.grains();
        }
        if (png != null) {
            writePng(run, spectrum, scaling, scalingRuns);
        }
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("L", linearSize);
            node.put("grains", grains);
            node.put("burn_in", burn);
            node.put("seed", seed.value());
            node.set("mean_topplings", JsonOutput.estimate(mean));
            node.put("exact_mean_topplings", exact);
            JsonOutput.putNumber(node, "sigmas_from_exact", mean.sigmasFrom(exact));
            node.set("size_exponent", JsonOutput.meanError(tau));
            ArrayNode w = node.putArray("size_exponent_window");
            w.add(window[0]);
            w.add(window[1]);
            node.put("mean_area", meanArea);
            node.put("mean_duration", meanDuration);
            if (spectrum != null) {
                node.set("spectrum_exponent", JsonOutput.meanError(spectrum.alpha()));
                ArrayNode f = node.putArray("spectrum_fit_window");
                f.add(fitLow);
                f.add(FIT_HIGH);
                node.put("activity_steps", run.activity().length);
            }
            if (scaling != null) {
                ObjectNode s = node.putObject("moment_scaling");
                ArrayNode ls = s.putArray("L");
                for (int l : scaling.sizes()) {
                    ls.add(l);
                }
                ArrayNode sig = s.putArray("sigma");
                for (int k = 0; k < scaling.moments().length; k++) {
                    ObjectNode e = JsonOutput.meanError(scaling.sigma()[k]);
                    e.put("q", scaling.moments()[k]);
                    sig.add(e);
                }
                s.set("D", JsonOutput.meanError(scaling.d()));
                s.set("tau", JsonOutput.meanError(scaling.tau()));
            }
            if (png != null) {
                node.put("png", png.toString());
            }
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%-26s L = %d, %d grains after %d burn-in, seed %d%n", "sandpile (BTW, open)",
                    linearSize, grains, burn, seed.value());
            out.printf(Locale.ROOT, "%-26s %s (exact %.6f, %.2fσ)%n", "mean topplings per grain", mean, exact,
                    mean.sigmasFrom(exact));
            out.printf(Locale.ROOT, "%-26s %s on s in [%d, %d] (effective; BTW is not a pure power law)%n",
                    "size exponent tau", tau, window[0], window[1]);
            out.printf(Locale.ROOT, "%-26s %.4f / %.4f%n", "mean area / duration", meanArea, meanDuration);
            if (spectrum != null) {
                out.printf(Locale.ROOT, "%-26s %s on f in [%g, %g]%n", "spectrum S(f) ~ f^-alpha", spectrum.alpha(),
                        fitLow, FIT_HIGH);
            }
            if (scaling != null) {
                out.printf(Locale.ROOT, "%-26s D = %s, tau = %s (moments q in [%g, %g])%n", "moment scaling",
                        scaling.d(), scaling.tau(), scaling.fitLow(), scaling.fitHigh());
            }
            out.flush();
        }
        return 0;
    }

    private void writePng(AvalancheSeries run, ActivitySpectrum spectrum, MomentScaling scaling,
            List<AvalancheSeries> scalingRuns) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        AvalancheStatistics.Distribution sizes = AvalancheStatistics.logBinned(run.sizes(), 8);
        AvalancheStatistics.Distribution areas = AvalancheStatistics.logBinned(run.areas(), 8);
        AvalancheStatistics.Distribution durations = AvalancheStatistics.logBinned(run.durations(), 8);
        charts.add(Plots.xy("Avalanches, L = " + run.linearSize(), "s, a, T", "P")
                .points("size s", sizes.centres(), sizes.density())
                .points("area a", areas.centres(), areas.density())
                .points("duration T", durations.centres(), durations.density())
                .logarithmic(true, true).chart());
        if (spectrum != null) {
            charts.add(Plots.xy(String.format(Locale.ROOT, "Activity spectrum, alpha = %.3f", spectrum.alpha().mean()),
                    "f (1/step)", "S(f)").points("S(f)", spectrum.frequencies(), spectrum.power())
                    .logarithmic(true, true).chart());
        }
        if (scaling != null) {
            Plots.Builder collapse = Plots.xy(String.format(Locale.ROOT, "Collapse: D = %.3f, tau = %.3f",
                    scaling.d().mean(), scaling.tau().mean()), "s / L^D", "s^tau P(s)");
            for (AvalancheSeries r : scalingRuns) {
                AvalancheStatistics.Distribution c = scaling.collapse(r, 8);
                collapse.points("L = " + r.linearSize(), c.centres(), c.density());
            }
            charts.add(collapse.logarithmic(true, true).chart());
        }
        EmergeCharts.saveSideBySide(charts, png);
    }

    private static void requireSize(int l, String option) {
        if (l < 2 || l > 4096) {
            throw new UserError(option + " must be in 2 … 4096, got " + l);
        }
    }
}
