package dev.coarse.cli.dynamics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.Plots;
import dev.coarse.data.Json;
import dev.coarse.dynamics.reaction.ReactionNetwork;
import dev.coarse.dynamics.reaction.Reduction;
import dev.coarse.dynamics.reaction.Trajectories;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.knowm.xchart.XYChart;

/** {@code coarse dynamics reduce}: full stochastic dynamics against its reduced models. */
@Command(name = "reduce", mixinStandardHelpOptions = true,
        description = "Full SSA against the reduced models of a reaction network — mean-field rate equations,"
                + " quasi-steady-state rate equations (quasi_steady species), the SSA with its fast reversible pair"
                + " averaged out (fast: true) — on the observed species, with KL(full || reduced) ± bootstrap error"
                + " and where each reduction holds or breaks down.")
public final class DynamicsReduceCommand implements Callable<Integer> {

    @Mixin
    NetworkInput input;

    @Option(names = "--t-end", paramLabel = "T", defaultValue = "10",
            description = "Simulated time (default: ${DEFAULT-VALUE}).")
    double tEnd;

    @Option(names = "--points", paramLabel = "N", defaultValue = "11",
            description = "Sample times 0 … t-end (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "400",
            description = "Independent runs of each stochastic model (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Also plot the observed species' curves (SSA mean ± error and every reduced model).")
    Path png;

    @Option(names = "--force", description = "Overwrite the --png file.")
    boolean force;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        if (!(tEnd > 0) || !Double.isFinite(tEnd)) {
            throw new UserError("--t-end must be a finite number > 0, got " + tEnd);
        }
        if (points < 2 || runs < 4) {
            throw new UserError("--points must be >= 2 and --runs >= 4, got " + points + " and " + runs);
        }
        ReactionNetwork network = input.network();
        Reduction.Comparison comparison = Reduction.compare(network, Trajectories.evenTimes(tEnd, points), runs,
                seed.value());
        if (png != null) {
            Plots.savePng(chart(comparison), png, force);
        }
        if (output.json()) {
            output.print(json(comparison));
        } else {
            text(comparison);
        }
        return 0;
    }

    /** One line per verdict, for text and JSON alike. */
    static List<String> verdicts(Reduction.Comparison comparison) {
        List<String> lines = new ArrayList<>();
        double[] t = comparison.times();
        for (Reduction.SpeciesComparison s : comparison.species()) {
            String name = s.species();
            if (s.meanFieldFails()) {
                lines.add(String.format(Locale.ROOT, "%s: mean field FAILS — %s; it deviates from the SSA mean by up to"
                                + " %.1f%% and ends at %.4g, while the SSA law at t = %g has modes near %.4g and %.4g"
                                + " (weight %.2f on the upper)",
                        name, s.bimodal() ? String.format(Locale.ROOT, "the SSA law is bimodal (Sarle's coefficient"
                                + " %.2f > 5/9)", s.bimodality()) : "it misses the SSA mean",
                        100 * s.meanFieldDeviation(), s.meanField()[t.length - 1], t[t.length - 1],
                        s.clusters().lowCentre(), s.clusters().highCentre(), s.clusters().highWeight()));
            } else {
                lines.add(String.format(Locale.ROOT, "%s: mean field holds to %.2f%% of the curve's scale", name,
                        100 * s.meanFieldDeviation()));
            }
            if (s.quasiSteady() != null) {
                int worst = worstTime(s.quasiSteady(), s.fullMean());
                lines.add(String.format(Locale.ROOT, "%s: quasi-steady state %s — deviation up to %.2f%% of the curve's"
                                + " scale (worst at t = %.4g: %.4g against the SSA's %.4g ± %.2g; holds within %.0f%%)",
                        name, s.quasiSteadyHolds() ? "HOLDS" : "BREAKS DOWN", 100 * s.quasiSteadyDeviation(), t[worst],
                        s.quasiSteady()[worst], s.fullMean()[worst], s.fullError()[worst],
                        100 * Reduction.HOLDS_WITHIN));
            }
            if (s.klDivergence() != null) {
                int worst = 0;
                for (int i = 0; i < t.length; i++) {
                    if (s.klDivergence()[i] > s.klDivergence()[worst]) {
                        worst = i;
                    }
                }
                lines.add(String.format(Locale.ROOT, "%s: averaged-fast-pair SSA — KL(full || reduced) at most %.4f ±"
                                + " %.4f nats (t = %.4g; equal laws would give about %.4f from sampling alone); means"
                                + " deviate by up to %.2f%%", name, s.klDivergence()[worst], s.klError()[worst],
                        t[worst], s.klBias()[worst], 100 * s.reducedDeviation()));
            }
        }
        return lines;
    }

    private static int worstTime(double[] model, double[] reference) {
        int worst = 0;
        for (int i = 0; i < model.length; i++) {
            if (Math.abs(model[i] - reference[i]) > Math.abs(model[worst] - reference[worst])) {
                worst = i;
            }
        }
        return worst;
    }

    private ObjectNode json(Reduction.Comparison c) {
        ObjectNode node = JsonOutput.object();
        node.put("source", input.source());
        node.put("network", c.network());
        node.put("runs", c.runs());
        node.put("seed", c.seed());
        node.put("full_reactions", c.fullReactions());
        node.put("reduced_reactions", c.reducedReactions());
        node.set("times", Json.numbers(c.times()));
        ArrayNode observed = node.putArray("observed");
        for (Reduction.SpeciesComparison s : c.species()) {
            ObjectNode o = observed.addObject();
            o.put("species", s.species());
            o.set("ssa_mean", Json.numbers(s.fullMean()));
            o.set("ssa_error", Json.numbers(s.fullError()));
            o.set("mean_field", Json.numbers(s.meanField()));
            putOptional(o, "quasi_steady", s.quasiSteady());
            putOptional(o, "reduced_mean", s.reducedMean());
            putOptional(o, "reduced_error", s.reducedError());
            putOptional(o, "kl_full_reduced", s.klDivergence());
            putOptional(o, "kl_error", s.klError());
            putOptional(o, "kl_sampling_bias", s.klBias());
            JsonOutput.putNumber(o, "mean_field_deviation", s.meanFieldDeviation());
            JsonOutput.putNumber(o, "quasi_steady_deviation", s.quasiSteadyDeviation());
            JsonOutput.putNumber(o, "reduced_deviation", s.reducedDeviation());
            JsonOutput.putNumber(o, "bimodality_coefficient", s.bimodality());
            ObjectNode modes = o.putObject("modes");
            modes.put("low", s.clusters().lowCentre());
            modes.put("high", s.clusters().highCentre());
            modes.put("high_weight", s.clusters().highWeight());
            o.put("bimodal", s.bimodal());
            o.put("mean_field_fails", s.meanFieldFails());
            if (s.quasiSteady() != null) {
                o.put("quasi_steady_holds", s.quasiSteadyHolds());
            } else {
                o.putNull("quasi_steady_holds");
            }
        }
        ArrayNode lines = node.putArray("verdicts");
        verdicts(c).forEach(lines::add);
        return node;
    }

    private static void putOptional(ObjectNode o, String key, double[] values) {
        if (values == null) {
            o.putNull(key);
        } else {
            o.set(key, Json.numbers(values));
        }
    }

    private void text(Reduction.Comparison c) {
        PrintWriter out = output.out();
        out.printf(Locale.ROOT, "%s: %d runs per stochastic model, seed %d (%d reactions full, %d reduced)%n",
                c.network(), c.runs(), c.seed(), c.fullReactions(), c.reducedReactions());
        for (Reduction.SpeciesComparison s : c.species()) {
            out.printf(Locale.ROOT, "%n%-10s %22s %12s %12s %22s %20s%n", "t", s.species() + " SSA mean ± err",
                    "mean field", "QSSA", "reduced SSA ± err", "KL(full||red) ± err");
            for (int i = 0; i < c.times().length; i++) {
                out.printf(Locale.ROOT, "%-10.4g %13.4f ± %-6.2g %12.4f %12s %22s %20s%n", c.times()[i],
                        s.fullMean()[i], s.fullError()[i], s.meanField()[i],
                        s.quasiSteady() == null ? "-" : String.format(Locale.ROOT, "%.4f", s.quasiSteady()[i]),
                        s.reducedMean() == null ? "-" : String.format(Locale.ROOT, "%.4f ± %.2g", s.reducedMean()[i],
                                s.reducedError()[i]),
                        s.klDivergence() == null ? "-" : String.format(Locale.ROOT, "%.4f ± %.4f",
                                s.klDivergence()[i], s.klError()[i]));
            }
        }
        out.println();
        verdicts(c).forEach(out::println);
        out.flush();
    }

    private static XYChart chart(Reduction.Comparison c) {
        Reduction.SpeciesComparison s = c.species().get(0);
        Plots.Builder b = Plots.xy(c.network() + ": full against reduced dynamics", "t", s.species())
                .points("SSA mean (" + c.runs() + " runs)", c.times(), s.fullMean(), s.fullError())
                .line("mean field", c.times(), s.meanField());
        if (s.quasiSteady() != null) {
            b.line("quasi-steady state", c.times(), s.quasiSteady());
        }
        if (s.reducedMean() != null) {
            b.points("averaged fast pair SSA", c.times(), s.reducedMean(), s.reducedError());
        }
        return b.chart();
    }
}
