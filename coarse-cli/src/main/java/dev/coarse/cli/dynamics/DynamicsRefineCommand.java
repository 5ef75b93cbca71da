package dev.coarse.cli.dynamics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.dynamics.LumpabilityRefinement;
import dev.coarse.dynamics.Partition;
import dev.coarse.dynamics.SparseMarkovChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coarse dynamics refine}: coarsest strongly lumpable refinement of a sparse chain. */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = "The coarsest strongly lumpable partition refining an initial one (an observable's labels, or"
                + " one block), for a sparse chain given as triplets 'i j p' or as a graph's edge list 'u v [w]'"
                + " (--edges: its random walk).")
public final class DynamicsRefineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE",
            description = "Triplets 'i j p', one nonzero per line (0-based; optional first line 'states N'),"
                    + " or with --edges an edge list 'u v [w]'.")
    Path file;

    @Option(names = "--edges", description = "FILE is an undirected graph's edge list; refine its random walk.")
    boolean edges;

    @Option(names = "--initial", paramLabel = "LABELS",
            description = "Initial partition: one whole-number label per state, whitespace separated (default: one"
                    + " block, whose refinement is itself).")
    Path initial;

    @Option(names = "--print-partition", description = "With --json, list the block of every state.")
    boolean printPartition;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        SparseMarkovChain chain;
        long read0 = System.nanoTime();
        try {
            chain = edges ? SparseMarkovChain.readEdgeList(file) : SparseMarkovChain.readTriplets(file);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        double readSeconds = (System.nanoTime() - read0) * 1e-9;
        Partition start = initial == null ? new Partition(new int[chain.size()]) : PartitionLabels.read(initial, chain.size());
        long t0 = System.nanoTime();
        LumpabilityRefinement.Result result = LumpabilityRefinement.coarsest(chain, start);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("source", file.toString());
            node.put("states", chain.size());
            node.put("nonzeros", chain.nonzeros());
            node.put("initial_blocks", start.blockCount());
            node.put("blocks", result.partition().blockCount());
            node.put("rounds", result.rounds());
            node.put("seconds", seconds);
            node.put("read_seconds", readSeconds);
            if (printPartition) {
                ArrayNode p = node.putArray("partition");
                for (int b : result.partition().blocks()) {
                    p.add(b);
                }
            }
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%s: %s%n", file, chain);
            out.printf(Locale.ROOT, "coarsest strongly lumpable refinement of %d initial block(s): %d blocks"
                    + " (%d rounds, %.3f s; reading the file took %.3f s)%n", start.blockCount(),
                    result.partition().blockCount(), result.rounds(), seconds, readSeconds);
            out.flush();
        }
        return 0;
    }
}
