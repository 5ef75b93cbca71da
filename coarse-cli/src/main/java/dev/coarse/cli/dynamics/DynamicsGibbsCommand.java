package dev.coarse.cli.dynamics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.Plots;
import dev.coarse.data.Json;
import dev.coarse.dynamics.gibbs.CoarseGrainedEntropy;
import dev.coarse.dynamics.gibbs.EntropyCurve;
import dev.coarse.dynamics.gibbs.TorusMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse dynamics gibbs}: Gibbs's coarse-grained entropy under a map of the torus. */
@Command(name = "gibbs", mixinStandardHelpOptions = true,
        description = "Gibbs's coarse-grained entropy: points started in one cell of side delta, moved by the cat map,"
                + " the baker's map or a rotation; the entropy of the cell occupation against time, its plateau"
                + " against ln(1/delta^2) and its growth rate against the Kolmogorov-Sinai entropy.")
public final class DynamicsGibbsCommand implements Callable<Integer> {

    @Option(names = "--map", paramLabel = "MAP", defaultValue = "cat",
            description = "cat, baker or rotation (default: ${DEFAULT-VALUE}).")
    String map;

    @Option(names = "--delta", paramLabel = "DELTA", defaultValue = "0.0078125",
            description = "Resolution: cell side, 1/m for a whole m in [2, 2048] (default: ${DEFAULT-VALUE} = 1/128).")
    double delta;

    @Option(names = "--points", paramLabel = "N", defaultValue = "1048576",
            description = "Ensemble size (default: ${DEFAULT-VALUE} = 2^20).")
    int points;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "20",
            description = "Map applications (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--png", paramLabel = "FILE", description = "Also plot coarse and fine entropy against time.")
    Path png;

    @Option(names = "--force", description = "Overwrite the --png file.")
    boolean force;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        TorusMap torusMap = switch (map) {
            case "cat" -> TorusMap.CAT;
            case "baker" -> TorusMap.BAKER;
            case "rotation" -> TorusMap.ROTATION;
            default -> throw new UserError("unknown --map '" + map + "' (expected cat, baker or rotation)");
        };
        long cells = Math.round(1 / delta);
        if (!(delta > 0) || Math.abs(cells * delta - 1) > 1e-9 || cells < 2
                || cells > CoarseGrainedEntropy.MAX_CELLS_PER_SIDE) {
            throw new UserError("--delta must be 1/m for a whole m in [2, " + CoarseGrainedEntropy.MAX_CELLS_PER_SIDE
                    + "], got " + delta);
        }
        if (points < 1 || steps < 0 || steps > 10_000) {
            throw new UserError("--points must be >= 1 and --steps in [0, 10000], got " + points + " and " + steps);
        }
        EntropyCurve curve = CoarseGrainedEntropy.evolve(torusMap, (int) cells, points, steps, seed.value());
        if (png != null) {
            Plots.savePng(chart(curve), png, force);
        }
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("map", map);
            node.put("delta", curve.delta());
            node.put("points", points);
            node.put("seed", seed.value());
            node.set("coarse_entropy", Json.numbers(curve.coarse()));
            node.set("fine_entropy", Json.numbers(curve.fine()));
            node.put("plateau_ln_1_over_delta_squared", curve.plateau());
            node.put("plug_in_bias", plugInBias(curve));
            node.put("final_level", curve.finalLevel(5));
            JsonOutput.putNumber(node, "growth_rate", curve.growthRate());
            node.put("ks_entropy", torusMap.ksEntropy());
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%s map, delta = 1/%d, %d points, seed %d%n", map, cells, points, seed.value());
            out.printf(Locale.ROOT, "%-6s %14s %14s%n", "t", "S_coarse", "S_fine");
            double[] coarse = curve.coarse();
            double[] fine = curve.fine();
            for (int t = 0; t < coarse.length; t++) {
                out.printf(Locale.ROOT, "%-6d %14.6f %14.6f%n", t, coarse[t], fine[t]);
            }
            out.printf(Locale.ROOT, "plateau ln(1/delta^2) = %.6f (minus plug-in bias %.4f); last 5 steps: %.6f%n",
                    curve.plateau(), plugInBias(curve), curve.finalLevel(5));
            out.printf(Locale.ROOT, "growth rate %.4f per step; Kolmogorov-Sinai entropy %.4f%n", curve.growthRate(),
                    torusMap.ksEntropy());
            out.flush();
        }
        return 0;
    }

    /** (K − 1)/(2N): how far the plug-in entropy of a uniform occupation falls short of ln K (Miller 1955). */
    private static double plugInBias(EntropyCurve curve) {
        double cells = (double) curve.cellsPerSide() * curve.cellsPerSide();
        return (Math.min(cells, curve.points()) - 1) / (2.0 * curve.points());
    }

    private static XYChart chart(EntropyCurve curve) {
        double[] coarse = curve.coarse();
        double[] t = new double[coarse.length];
        double[] plateau = new double[coarse.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
            plateau[i] = curve.plateau();
        }
        return Plots.xy("Coarse-grained entropy, " + curve.map().name().toLowerCase(Locale.ROOT) + " map, delta = 1/"
                        + curve.cellsPerSide(), "step", "entropy (nats)")
                .points("coarse-grained S_delta", t, coarse)
                .line("fine-grained (ln N)", t, curve.fine())
                .line("ln(1/delta^2)", t, plateau)
                .chart();
    }
}
