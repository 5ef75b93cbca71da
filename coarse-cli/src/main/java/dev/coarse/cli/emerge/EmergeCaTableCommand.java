package dev.coarse.cli.emerge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Threads;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.AtomicFiles;
import dev.coarse.emergence.ca.CoarseGrainingTable;
import dev.coarse.emergence.ca.ElementaryRule;
import dev.coarse.emergence.ca.SupercellSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse emerge ca-table}: the exact Israeli–Goldenfeld table for all 256 elementary rules. */
@Command(name = "ca-table", mixinStandardHelpOptions = true,
        description = "Every projection P of an N-cell supercell and elementary rule g with P∘f^N = g∘P, for all 256"
                + " rules f and N = 2 … max-N, found exactly (Israeli & Goldenfeld 2004). P is the integer whose bit k"
                + " is P of supercell state k; a supercell state reads its cells most significant first.")
public final class EmergeCaTableCommand implements Callable<Integer> {

    /** What the JSON says about its encoding, so that the file explains itself. */
    static final String PROJECTION_ENCODING = "bit k of P is P(k); supercell state k reads its N cells most"
            + " significant first (the leftmost cell is bit N-1 of k); g is a Wolfram rule number";

    @Option(names = "--max-N", paramLabel = "N", defaultValue = "4",
            description = "Largest supercell size, 2 … 4 (default: ${DEFAULT-VALUE}).")
    int maxSupercell;

    @Option(names = "--dot", paramLabel = "FILE",
            description = "Also write the coarse-graining graph (f -> g, g != f, labelled by N) as Graphviz DOT.")
    Path dot;

    @Mixin
    Threads threads;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        if (maxSupercell < CoarseGrainingTable.MIN_SUPERCELL || maxSupercell > SupercellSearch.MAX_SUPERCELL) {
            throw new UserError("--max-N must be " + CoarseGrainingTable.MIN_SUPERCELL + " … "
                    + SupercellSearch.MAX_SUPERCELL + ", got " + maxSupercell);
        }
        if (threads.count() < 1) {
            throw new UserError("--threads must be >= 1, got " + threads.count());
        }
        long start = System.nanoTime();
        CoarseGrainingTable table = SupercellSearch.table(maxSupercell, threads.count());
        double seconds = (System.nanoTime() - start) * 1e-9;
        List<CoarseGrainingTable.Edge> graph = table.graph();
        if (dot != null) {
            AtomicFiles.writeString(dot, true, dot(graph));
        }
        if (output.json()) {
            writeJson(table, graph, seconds, output.out());
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%-4s %10s %14s %10s %12s %8s%n", "N", "pairs", "g constant", "rules",
                    "rules -> g!=f", "edges");
            for (int n = CoarseGrainingTable.MIN_SUPERCELL; n <= maxSupercell; n++) {
                CoarseGrainingTable.Counts c = table.counts(n);
                out.printf(Locale.ROOT, "%-4d %10d %14d %10d %12d %8d%n", n, c.pairs(),
                        c.pairsWithConstantCoarseRule(), c.coarseGrainableRules(), c.rulesWithOtherCoarseRule(),
                        c.edges());
            }
            out.printf(Locale.ROOT, "graph: %d edges f -> g (g != f) over N = 2 … %d; search took %.2f s%n",
                    graph.size(), maxSupercell, seconds);
            out.println("(--json prints every (P, g); --dot FILE writes the graph)");
            out.flush();
        }
        return 0;
    }

    /** Streams the table (up to ~10⁶ pairs) compactly rather than building a tree of nodes. */
    private static void writeJson(CoarseGrainingTable table, List<CoarseGrainingTable.Edge> graph, double seconds,
            PrintWriter out) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeNumberField("max_n", table.maxSupercell());
        json.writeStringField("projection_encoding", PROJECTION_ENCODING);
        json.writeObjectFieldStart("by_N");
        for (int n = CoarseGrainingTable.MIN_SUPERCELL; n <= table.maxSupercell(); n++) {
            json.writeObjectFieldStart(Integer.toString(n));
            for (int f = 0; f < ElementaryRule.COUNT; f++) {
                int pairs = table.pairCount(n, f);
                if (pairs == 0) {
                    continue;
                }
                json.writeArrayFieldStart(Integer.toString(f));
                for (int i = 0; i < pairs; i++) {
                    json.writeStartArray();
                    json.writeNumber(table.projection(n, f, i));
                    json.writeNumber(table.coarseRule(n, f, i));
                    json.writeEndArray();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeObjectFieldStart("counts");
        for (int n = CoarseGrainingTable.MIN_SUPERCELL; n <= table.maxSupercell(); n++) {
            CoarseGrainingTable.Counts c = table.counts(n);
            json.writeObjectFieldStart(Integer.toString(n));
            json.writeNumberField("pairs", c.pairs());
            json.writeNumberField("pairs_with_constant_coarse_rule", c.pairsWithConstantCoarseRule());
            json.writeNumberField("coarse_grainable_rules", c.coarseGrainableRules());
            json.writeNumberField("rules_with_other_coarse_rule", c.rulesWithOtherCoarseRule());
            json.writeNumberField("edges", c.edges());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeArrayFieldStart("graph");
        for (CoarseGrainingTable.Edge e : graph) {
            json.writeStartObject();
            json.writeNumberField("from", e.fineRule());
            json.writeNumberField("to", e.coarseRule());
            json.writeArrayFieldStart("N");
            for (int n : e.supercells()) {
                json.writeNumber(n);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("search_seconds", seconds);
        json.writeEndObject();
        json.flush();
        out.println();
        out.flush();
    }

    private static String dot(List<CoarseGrainingTable.Edge> graph) {
        StringBuilder s = new StringBuilder("digraph coarse_graining {\n");
        for (CoarseGrainingTable.Edge e : graph) {
            s.append("  ").append(e.fineRule()).append(" -> ").append(e.coarseRule()).append(" [label=\"N=")
                    .append(e.supercells().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append("\"];\n");
        }
        return s.append("}\n").toString();
    }
}
