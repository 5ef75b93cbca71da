package dev.coarse.cli.dynamics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.dynamics.reaction.Gillespie;
import dev.coarse.dynamics.reaction.ReactionNetwork;
import dev.coarse.dynamics.reaction.TauLeaping;
import dev.coarse.dynamics.reaction.Trajectories;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse dynamics ssa}: stochastic simulation of a reaction network. */
@Command(name = "ssa", mixinStandardHelpOptions = true,
        description = "Stochastic simulation of a reaction network (Gillespie's direct method, or tau-leaping):"
                + " mean ± error of every species at evenly spaced times, the law at t-end, and the speed.")
public final class DynamicsSsaCommand implements Callable<Integer> {

    enum Method { DIRECT, TAU_LEAP }

    @Mixin
    NetworkInput input;

    @Option(names = "--t-end", paramLabel = "T", defaultValue = "10",
            description = "Simulated time (default: ${DEFAULT-VALUE}).")
    double tEnd;

    @Option(names = "--points", paramLabel = "N", defaultValue = "11",
            description = "Sample times 0 … t-end (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "100",
            description = "Independent runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--method", paramLabel = "M", defaultValue = "direct",
            description = "direct (exact) or tau-leap (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--tau", paramLabel = "TAU", defaultValue = "0.01",
            description = "Leap of tau-leap (default: ${DEFAULT-VALUE}).")
    double tau;

    @Mixin
    Seed seed;

    private double cpuSeconds;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        if (!(tEnd > 0) || !Double.isFinite(tEnd)) {
            throw new UserError("--t-end must be a finite number > 0, got " + tEnd);
        }
        if (points < 2 || runs < 1) {
            throw new UserError("--points must be >= 2 and --runs >= 1, got " + points + " and " + runs);
        }
        boolean leap = switch (method) {
            case "direct" -> false;
            case "tau-leap" -> true;
            default -> throw new UserError("unknown --method '" + method + "' (expected direct or tau-leap)");
        };
        if (leap && (!(tau > 0) || !Double.isFinite(tau))) {
            throw new UserError("--tau must be a finite number > 0, got " + tau);
        }
        ReactionNetwork network = input.network();
        double[] times = Trajectories.evenTimes(tEnd, points);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Trajectories result = leap ? TauLeaping.simulate(network, times, runs, tau, seed.value())
                : Gillespie.simulate(network, times, runs, seed.value());
        double seconds = (System.nanoTime() - start) * 1e-9;
        cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
        if (output.json()) {
            output.print(json(network, result, leap, seconds));
        } else {
            text(network, result, leap, seconds);
        }
        return 0;
    }

    private ObjectNode json(ReactionNetwork network, Trajectories result, boolean leap, double seconds) {
        ObjectNode node = JsonOutput.object();
        node.put("source", input.source());
        node.put("network", network.name());
        node.put("method", leap ? "tau-leap" : "direct");
        if (leap) {
            node.put("tau", tau);
        }
        node.put("runs", runs);
        node.put("seed", seed.value());
        node.put("t_end", tEnd);
        ArrayNode t = node.putArray("times");
        for (double v : result.times()) {
            t.add(v);
        }
        ObjectNode mean = node.putObject("mean");
        ObjectNode error = node.putObject("error");
        ObjectNode histogram = node.putObject("final_histogram");
        for (int s = 0; s < network.speciesCount(); s++) {
            String name = network.species().get(s);
            ArrayNode m = mean.putArray(name);
            ArrayNode e = error.putArray(name);
            for (int i = 0; i < result.times().length; i++) {
                m.add(result.mean(i, s));
                if (runs > 1) {
                    e.add(result.standardError(i, s));
                } else {
                    e.addNull();
                }
            }
            ArrayNode h = histogram.putArray(name);
            histogram(result, s).forEach((value, count) -> h.addArray().add(value).add(count));
        }
        node.put("reactions", result.reactionsFired());
        node.put("seconds", seconds);
        node.put("reactions_per_second", result.reactionsFired() / seconds);
        node.put("cpu_seconds", cpuSeconds);
        node.put("reactions_per_cpu_second", result.reactionsFired() / cpuSeconds);
        return node;
    }

    private static TreeMap<Long, Integer> histogram(Trajectories result, int s) {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (long v : result.samples(result.times().length - 1, s)) {
            counts.merge(v, 1, Integer::sum);
        }
        return counts;
    }

    private void text(ReactionNetwork network, Trajectories result, boolean leap, double seconds) {
        PrintWriter out = output.out();
        out.printf(Locale.ROOT, "%s: %d runs of %s to t = %g, seed %d%n", network, runs,
                leap ? "tau-leaping (tau " + tau + ")" : "Gillespie's direct method", tEnd, seed.value());
        out.printf(Locale.ROOT, "%-10s", "t");
        for (String s : network.species()) {
            out.printf(Locale.ROOT, " %22s", s + " mean ± error");
        }
        out.println();
        for (int i = 0; i < result.times().length; i++) {
            out.printf(Locale.ROOT, "%-10.4g", result.times()[i]);
            for (int s = 0; s < network.speciesCount(); s++) {
                out.printf(Locale.ROOT, " %13.4f ± %-6.3g", result.mean(i, s),
                        runs > 1 ? result.standardError(i, s) : Double.NaN);
            }
            out.println();
        }
        out.printf(Locale.ROOT, "%d reactions in %.3f s (%.3g per second; %.3g per CPU second of this thread)%n",
                result.reactionsFired(), seconds, result.reactionsFired() / seconds,
                result.reactionsFired() / cpuSeconds);
        out.flush();
    }
}
