package dev.coarse.cli.emerge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.Plots;
import dev.coarse.emergence.ca.CollatzHistory;
import dev.coarse.emergence.ca.CollatzPopulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse emerge collatz}: the 3x+1 map on a population, its coarse entropy beside a random walk's. */
@Command(name = "collatz", mixinStandardHelpOptions = true,
        description = "Runs the accelerated 3x+1 map (n/2 or (3n+1)/2) on random integers of B bits and, beside it,"
                + " the random walk in log2 n with the same step law (+log2(3/2) or -1, reflected at n = 1); prints the"
                + " entropy (nats) of each population's histogram of log2 n in bins of --bin-width.")
public final class EmergeCollatzCommand implements Callable<Integer> {

    @Option(names = "--population", paramLabel = "M", defaultValue = "100000",
            description = "Integers (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--bits", paramLabel = "B", defaultValue = "30",
            description = "Starting integers uniform in [2^(B-1), 2^B), B = 2 … 32 (default: ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "300",
            description = "Steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--bin-width", paramLabel = "W", defaultValue = "0.5",
            description = "Bin width in log2 n (default: ${DEFAULT-VALUE}).")
    double binWidth;

    @Option(names = "--png", paramLabel = "FILE", description = "Write both entropies over time as a PNG chart.")
    Path png;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        if (population < 1 || steps < 0 || bits < 2 || bits > CollatzPopulation.MAX_BITS
                || !(binWidth > 0 && binWidth <= 64)) {
            throw new UserError("need --population >= 1, --steps >= 0, --bits 2 … " + CollatzPopulation.MAX_BITS
                    + " and --bin-width in (0, 64]");
        }
        CollatzHistory history = CollatzPopulation.run(population, bits, steps, binWidth,
                new SplittableRandom(seed.value()));
        if (png != null) {
            double[] t = Arrays.stream(history.times()).asDoubleStream().toArray();
            Plots.savePng(Plots.xy("Coarse entropy of log2 n, " + population + " integers of " + bits + " bits",
                    "step", "entropy (nats)")
                    .line("3x+1", t, history.collatzEntropy())
                    .line("random walk, same step law", t, history.walkEntropy()).chart(), png, true);
        }
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("population", population);
            node.put("bits", bits);
            node.put("steps", steps);
            node.put("bin_width", binWidth);
            node.put("seed", seed.value());
            ArrayNode times = node.putArray("times");
            for (int t : history.times()) {
                times.add(t);
            }
            EmergeJson.put(node, "collatz_entropy", history.collatzEntropy());
            EmergeJson.put(node, "walk_entropy", history.walkEntropy());
            EmergeJson.put(node, "collatz_mean_log2", history.collatzMeanLog2());
            EmergeJson.put(node, "walk_mean_log2", history.walkMeanLog2());
            EmergeJson.put(node, "collatz_fraction_on_cycle", history.collatzAtCycle());
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%d integers of %d bits, seed %d; entropy of log2 n in bins of %g, nats%n",
                    population, bits, seed.value(), binWidth);
            out.printf(Locale.ROOT, "%8s %14s %14s %12s %12s %10s%n", "t", "H 3x+1", "H walk", "<log2 n>",
                    "<log2> walk", "on {1,2}");
            int[] times = history.times();
            double[] hc = history.collatzEntropy();
            double[] hw = history.walkEntropy();
            double[] mc = history.collatzMeanLog2();
            double[] mw = history.walkMeanLog2();
            double[] cyc = history.collatzAtCycle();
            int stride = Math.max(1, (times.length + 11) / 12);
            for (int k = 0; k < times.length; k++) {
                if (k % stride == 0 || k == times.length - 1) {
                    out.printf(Locale.ROOT, "%8d %14.6f %14.6f %12.4f %12.4f %10.4f%n", times[k], hc[k], hw[k], mc[k],
                            mw[k], cyc[k]);
                }
            }
            out.flush();
        }
        return 0;
    }
}
