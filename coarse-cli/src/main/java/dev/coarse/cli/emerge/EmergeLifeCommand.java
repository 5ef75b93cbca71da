package dev.coarse.cli.emerge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.CellImages;
import dev.coarse.cli.report.Plots;
import dev.coarse.data.AtomicFiles;
import dev.coarse.emergence.ca.BlockEntropies;
import dev.coarse.emergence.ca.EntropyHistory;
import dev.coarse.emergence.ca.LifeAutomaton;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse emerge life}: Conway's Game of Life from a random start; its block entropy over time. */
@Command(name = "life", mixinStandardHelpOptions = true,
        description = "Runs Conway's Game of Life (B3/S23) on a periodic size×size grid from a seeded random start and"
                + " prints its density and block entropy per cell (nats) over time: it falls as the soup orders into"
                + " still lifes and oscillators.")
public final class EmergeLifeCommand implements Callable<Integer> {

    @Option(names = "--size", paramLabel = "L", defaultValue = "256",
            description = "Grid side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "1000",
            description = "Generations (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--block", paramLabel = "B", defaultValue = "3",
            description = "Side of the B×B entropy block, 1 … 4 (default: ${DEFAULT-VALUE}).")
    int block;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Write the block entropy per cell and the density over time as a PNG chart.")
    Path png;

    @Option(names = "--grid-png", paramLabel = "FILE",
            description = "Write the final grid as a PNG (alive = black).")
    Path gridPng;

    @Mixin
    RandomStartOptions start;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        if (size < 3 || steps < 0) {
            throw new UserError("need --size >= 3 and --steps >= 0");
        }
        if (block < 1 || block > 4 || block > size) {
            throw new UserError("--block must be 1 … 4, got " + block);
        }
        int interval = start.interval(steps);
        double density = start.density();
        EntropyHistory history = BlockEntropies.life(size, steps, interval, block, density,
                new SplittableRandom(seed.value()));
        if (png != null) {
            double[] t = Arrays.stream(history.times()).asDoubleStream().toArray();
            Plots.savePng(Plots.xy("Game of Life, " + size + "×" + size + ", seed " + seed.value(), "generation",
                    "nats per cell / density")
                    .line(block + "×" + block + " block entropy per cell", t, history.blockEntropyPerCell())
                    .line("density", t, history.density()).chart(), png, true);
        }
        if (gridPng != null) {
            LifeAutomaton life = LifeAutomaton.random(size, size, density, new SplittableRandom(seed.value()));
            life.step(steps);
            byte[] bytes = CellImages.gridPng(life.cells(), size, size < 256 ? 2 : 1);
            AtomicFiles.write(gridPng, true, tmp -> Files.write(tmp, bytes));
        }
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("size", size);
            node.put("steps", steps);
            node.put("density_start", density);
            node.put("seed", seed.value());
            EmergeJson.putHistory(node, history);
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "Life %d×%d, %d generations, seed %d; block entropy of %d×%d cells, nats%n", size,
                    size, steps, seed.value(), block, block);
            EmergeText.printHistory(out, history);
            out.flush();
        }
        return 0;
    }
}
