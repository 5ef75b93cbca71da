package dev.coarse.cli.emerge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.CellImages;
import dev.coarse.data.AtomicFiles;
import dev.coarse.emergence.ca.BlockEntropies;
import dev.coarse.emergence.ca.ElementaryAutomaton;
import dev.coarse.emergence.ca.ElementaryRule;
import dev.coarse.emergence.ca.EntropyHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse emerge ca}: an elementary CA from a random start: space-time diagram and block entropies. */
@Command(name = "ca", mixinStandardHelpOptions = true,
        description = "Runs an elementary cellular automaton (Wolfram numbering) on a periodic row from a seeded random"
                + " start; prints its density and block entropy per cell (nats) over time, and draws the space-time"
                + " diagram (time down, 1 = black).")
public final class EmergeCaCommand implements Callable<Integer> {

    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "110",
            description = "Wolfram rule number 0 … 255 (default: ${DEFAULT-VALUE}).")
    int rule;

    @Option(names = "--L", paramLabel = "L", defaultValue = "256", description = "Cells (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "256",
            description = "Steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--block", paramLabel = "B", defaultValue = "4",
            description = "Block size of the entropy, 1 … 16 cells (default: ${DEFAULT-VALUE}).")
    int block;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the space-time diagram as a PNG.")
    Path png;

    @Option(names = "--zoom", paramLabel = "Z", defaultValue = "1",
            description = "Pixels per cell in the PNG (default: ${DEFAULT-VALUE}).")
    int zoom;

    @Mixin
    RandomStartOptions start;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        if (rule < 0 || rule > 255) {
            throw new UserError("--rule must be 0 … 255, got " + rule);
        }
        if (length < 3 || steps < 0 || zoom < 1) {
            throw new UserError("need --L >= 3, --steps >= 0 and --zoom >= 1");
        }
        if (block < 1 || block > BlockEntropies.MAX_BLOCK_CELLS || block > length) {
            throw new UserError("--block must be 1 … min(16, L), got " + block);
        }
        int interval = start.interval(steps);
        double density = start.density();
        if (png != null && (long) (steps + 1) * length * zoom * zoom > 50_000_000L) {
            throw new UserError("the space-time PNG would have more than 5e7 pixels; lower --steps, --L or --zoom");
        }
        ElementaryRule elementary = new ElementaryRule(rule);
        EntropyHistory history = BlockEntropies.elementary(elementary, length, steps, interval, block, density,
                new SplittableRandom(seed.value()));
        if (png != null) {
            byte[][] rows = ElementaryAutomaton.random(elementary, length, density, new SplittableRandom(seed.value()))
                    .spaceTime(steps);
            byte[] bytes = CellImages.png(rows, zoom);
            AtomicFiles.write(png, true, tmp -> Files.write(tmp, bytes));
        }
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("rule", rule);
            node.put("L", length);
            node.put("steps", steps);
            node.put("density_start", density);
            node.put("seed", seed.value());
            EmergeJson.putHistory(node, history);
            if (png != null) {
                node.put("png", png.toString());
            }
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "rule %d, L = %d, %d steps, seed %d; block entropy of %d cells, nats%n", rule,
                    length, steps, seed.value(), block);
            EmergeText.printHistory(out, history);
            if (png != null) {
                out.println("space-time diagram: " + png);
            }
            out.flush();
        }
        return 0;
    }
}
