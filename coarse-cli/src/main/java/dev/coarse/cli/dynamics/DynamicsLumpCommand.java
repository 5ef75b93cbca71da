package dev.coarse.cli.dynamics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Threads;
import dev.coarse.cli.command.UserError;
import dev.coarse.dynamics.ChainAnalysis;
import dev.coarse.dynamics.KlRate;
import dev.coarse.dynamics.Lumping;
import dev.coarse.dynamics.LumpabilityRefinement;
import dev.coarse.dynamics.LumpingComparison;
import dev.coarse.dynamics.LumpingSearch;
import dev.coarse.dynamics.MarkovChain;
import dev.coarse.dynamics.Partition;
import dev.coarse.dynamics.SparseChainAnalysis;
import dev.coarse.dynamics.SparseMarkovChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse dynamics lump}: a partition into k blocks, its information loss, and the loss-versus-k table. */
@Command(name = "lump", mixinStandardHelpOptions = true,
        description = "Lump a Markov chain's states into k blocks: the partition, its information loss"
                + " I(X_t; Y_t+1 | Y_t) in nats per step, whether it is exactly lumpable, and for every k' <= k the"
                + " loss and spectral gap of the minimum-loss and the spectral partitions.")
public final class DynamicsLumpCommand implements Callable<Integer> {

    /** The methods, by command-line name. */
    enum MethodName {
        greedy(LumpingSearch.Method.GREEDY), spectral(LumpingSearch.Method.SPECTRAL), exact(LumpingSearch.Method.EXACT);

        final LumpingSearch.Method method;

        MethodName(LumpingSearch.Method method) {
            this.method = method;
        }
    }

    @Mixin
    ChainInput input;

    @Option(names = "--clusters", required = true, paramLabel = "K", description = "Number of blocks k.")
    int clusters;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "greedy",
            description = "greedy (minimum loss), spectral (slow eigenvectors) or exact (a strongly lumpable"
                    + " partition, or an error if none exists) (default: ${DEFAULT-VALUE}).")
    MethodName method;

    @Option(names = "--kl-order", paramLabel = "M",
            description = "Word length m of the bounds on the KL rate between the lumped process and its Markov"
                    + " approximation (1 … " + KlRate.MAX_ORDER + "; default: the largest whose cost,"
                    + " (1 + k + … + k^(m−1))·n² multiply-adds, stays within 1e9).")
    Integer klOrder;

    @Option(names = "--initial", paramLabel = "LABELS",
            description = "With --sparse and --method exact: the partition to refine, one whole-number label per state"
                    + " (default: one block). The result is its coarsest strongly lumpable refinement, which must have"
                    + " K blocks.")
    Path initial;

    @Mixin
    Threads threads;

    @Mixin
    Output output;

    /** Largest sparse chain that {@code --method greedy|spectral} densify (n² doubles, and an n × n spectrum). */
    static final int DENSIFY_STATES = 2000;

    @Override
    public Integer call() throws IOException {
        if (initial != null && !(input.sparse() && method == MethodName.exact)) {
            throw new UserError("--initial applies to sparse input (--sparse) with --method exact");
        }
        MarkovChain chain;
        if (input.sparse()) {
            SparseMarkovChain sparse = input.sparseChain();
            if (method == MethodName.exact) {
                return sparseExact(sparse);
            }
            if (sparse.size() > DENSIFY_STATES) {
                throw new UserError("--method " + method.name() + " needs a dense chain of at most " + DENSIFY_STATES
                        + " states; this sparse chain has " + sparse.size() + ": on sparse input use --method exact"
                        + " (with --initial LABELS)");
            }
            output.err().printf(Locale.ROOT, "coarse: note: --method %s works on a dense matrix: the sparse chain"
                    + " (%d states, %d nonzeros) is densified%n", method.name(), sparse.size(), sparse.nonzeros());
            output.err().flush();
            chain = sparse.toDense();
        } else {
            chain = input.chain();
        }
        if (clusters < 1 || clusters > chain.size()) {
            throw new UserError("--clusters must be in 1 … " + chain.size() + ", got " + clusters);
        }
        if (threads.count() < 1) {
            throw new UserError("--threads must be at least 1, got " + threads.count());
        }
        if (klOrder != null && (klOrder < 1 || klOrder > KlRate.MAX_ORDER)) {
            throw new UserError("--kl-order must be in 1 … " + KlRate.MAX_ORDER + ", got " + klOrder);
        }
        chain.requireIrreducible("coarse dynamics lump");
        double[] pi = ChainAnalysis.stationary(chain);
        LumpingComparison table = LumpingComparison.of(chain, pi, clusters, threads.count());
        LumpingComparison.Row row = table.rows().get(clusters - 1);
        Partition partition = switch (method.method) {
            case GREEDY -> row.minimumLoss().partition();
            // the table's spectral partition; without one, spectral() says why there is none
            case SPECTRAL -> row.spectral() != null ? row.spectral().partition()
                    : LumpingSearch.spectral(chain, pi, clusters);
            case EXACT -> {
                Partition found = LumpingSearch.exact(chain, clusters);
                if (found == null) {
                    throw new UserError("the chain has no strongly lumpable partition into " + clusters + " blocks");
                }
                yield found;
            }
        };
        Lumping.Evaluation result = method.method == LumpingSearch.Method.GREEDY ? row.minimumLoss()
                : method.method == LumpingSearch.Method.SPECTRAL && row.spectral() != null ? row.spectral()
                : Lumping.evaluate(chain, pi, partition);
        KlRate kl = klOrder == null ? KlRate.bounds(chain, pi, partition)
                : KlRate.bounds(chain, pi, partition, klOrder);
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("source", input.source());
            node.put("states", chain.size());
            node.put("clusters", clusters);
            node.put("method", method.name());
            ArrayNode blocks = node.putArray("partition");
            for (int b : partition.blocks()) {
                blocks.add(b);
            }
            node.put("information_loss", result.informationLoss());
            node.put("predictive_information_loss", result.predictiveInformationLoss());
            ObjectNode rate = node.putObject("kl_rate");
            rate.put("lower", kl.lower());
            rate.put("upper", kl.upper());
            rate.put("order", kl.order());
            node.put("exactly_lumpable", result.exactlyLumpable());
            node.put("spectral_gap", result.spectralGap());
            ArrayNode curve = node.putArray("loss_curve");
            node.put("elbow_k", table.elbow());
            ArrayNode comparison = node.putArray("comparison");
            for (LumpingComparison.Row each : table.rows()) {
                ArrayNode point = curve.addArray();
                point.add(each.blocks());
                point.add(each.minimumLoss().informationLoss());
                ObjectNode r = comparison.addObject();
                r.put("k", each.blocks());
                r.set("minimum_loss", figures(each.minimumLoss()));
                if (each.spectral() == null) {
                    r.putNull("spectral");
                } else {
                    r.set("spectral", figures(each.spectral()));
                }
                JsonOutput.putNumber(r, "timescale_separation", each.timescaleSeparation());
            }
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%-22s %s%n", "chain", input.source() + " (" + chain + ")");
            out.printf(Locale.ROOT, "%-22s %s, %d blocks%n", "method", method.name(), partition.blockCount());
            out.printf(Locale.ROOT, "%-22s %.10g nats per step%n", "information loss", result.informationLoss());
            out.printf(Locale.ROOT, "%-22s %.6g … %.6g nats per step (bounds of order %d; the loss is order 1's"
                    + " upper bound)%n", "KL rate to Markov", kl.lower(), kl.upper(), kl.order());
            out.printf(Locale.ROOT, "%-22s %s%n", "exactly lumpable", result.exactlyLumpable());
            out.printf(Locale.ROOT, "%-22s %s%n", "partition", java.util.Arrays.toString(partition.blocks()));
            out.printf(Locale.ROOT, "%-22s k = %d (Kneedle: farthest below the chord of the loss-vs-k curve)%n",
                    "elbow", table.elbow());
            out.printf(Locale.ROOT, "%n%3s  %-14s %-12s  %-14s %-12s  %s%n", "k", "min-loss loss", "gap",
                    "spectral loss", "gap", "t_(k-1)/t_k");
            for (LumpingComparison.Row each : table.rows()) {
                out.printf(Locale.ROOT, "%3d  %-14.6g %-12.6g  %-14s %-12s  %.4g%n", each.blocks(),
                        each.minimumLoss().informationLoss(), each.minimumLoss().spectralGap(),
                        each.spectral() == null ? "-"
                                : String.format(Locale.ROOT, "%.6g", each.spectral().informationLoss()),
                        each.spectral() == null ? "-"
                                : String.format(Locale.ROOT, "%.6g", each.spectral().spectralGap()),
                        each.timescaleSeparation());
            }
            out.flush();
        }
        return 0;
    }

    /** {@code --method exact} on sparse input: the coarsest strongly lumpable refinement of {@code --initial}. */
    private int sparseExact(SparseMarkovChain chain) throws IOException {
        int n = chain.size();
        if (clusters < 1 || clusters > n) {
            throw new UserError("--clusters must be in 1 … " + n + ", got " + clusters);
        }
        // The partition needs no stationary law; its information loss does, and only an irreducible chain has one.
        String witness = SparseChainAnalysis.reducibilityWitness(chain);
        double[] pi = null;
        if (witness == null) {
            SparseChainAnalysis.Stationary stationary = SparseChainAnalysis.stationary(chain,
                    SparseChainAnalysis.MAX_ITERATIONS);
            if (!stationary.converged()) {
                throw new UserError("the power iteration for the stationary law did not converge in "
                        + stationary.iterations() + " steps (residual " + stationary.residual() + ")");
            }
            pi = stationary.pi();
        }
        Partition start = initial == null ? new Partition(new int[n]) : PartitionLabels.read(initial, n);
        LumpabilityRefinement.Result refined = LumpabilityRefinement.coarsest(chain, start);
        Partition partition = refined.partition();
        if (partition.blockCount() != clusters) {
            throw new UserError("the coarsest strongly lumpable refinement of "
                    + (initial == null ? "one block" : initial.toString()) + " has " + partition.blockCount()
                    + " blocks, not " + clusters + " (rerun with --clusters " + partition.blockCount()
                    + (initial == null ? ", or give --initial LABELS" : ", or another --initial") + ")");
        }
        // On a reducible chain the loss is undefined; the uniform weights below only serve the lumpability check.
        double[] weights = pi != null ? pi : uniform(n);
        SparseChainAnalysis.Evaluation result = SparseChainAnalysis.evaluate(chain, weights, partition);
        Double loss = pi != null ? result.informationLoss() : null;
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("source", input.source());
            node.put("states", n);
            node.put("sparse", true);
            node.put("nonzeros", chain.nonzeros());
            node.put("clusters", clusters);
            node.put("method", method.name());
            node.put("initial_blocks", start.blockCount());
            node.put("refinement_rounds", refined.rounds());
            ArrayNode blocks = node.putArray("partition");
            for (int b : partition.blocks()) {
                blocks.add(b);
            }
            node.put("irreducible", witness == null);
            if (witness != null) {
                node.put("reducibility", witness);
            }
            node.put("information_loss", loss);
            node.put("exactly_lumpable", result.exactlyLumpable());
            node.put("lumpability_deviation", result.lumpabilityDeviation());
            ArrayNode point = node.putArray("loss_curve").addArray();
            point.add(clusters);
            point.add(loss);
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%-22s %s%n", "chain", input.source() + " (" + chain + ")");
            out.printf(Locale.ROOT, "%-22s exact (coarsest strongly lumpable refinement of %d block(s), %d rounds),"
                    + " %d blocks%n", "method", start.blockCount(), refined.rounds(), partition.blockCount());
            if (loss != null) {
                out.printf(Locale.ROOT, "%-22s %.10g nats per step%n", "information loss", loss);
            } else {
                out.printf(Locale.ROOT, "%-22s undefined: the chain is reducible (%s)%n", "information loss", witness);
            }
            out.printf(Locale.ROOT, "%-22s %s (largest difference of lumped rows in a block %.2g)%n",
                    "exactly lumpable", result.exactlyLumpable(), result.lumpabilityDeviation());
            if (n <= 100) {
                out.printf(Locale.ROOT, "%-22s %s%n", "partition", java.util.Arrays.toString(partition.blocks()));
            } else {
                out.printf(Locale.ROOT, "%-22s (%d states; --json prints it)%n", "partition", n);
            }
            out.flush();
        }
        return 0;
    }

    private static double[] uniform(int n) {
        double[] u = new double[n];
        java.util.Arrays.fill(u, 1.0 / n);
        return u;
    }

    private static ObjectNode figures(Lumping.Evaluation e) {
        ObjectNode n = JsonOutput.object();
        n.put("blocks", e.partition().blockCount());
        n.put("information_loss", e.informationLoss());
        n.put("exactly_lumpable", e.exactlyLumpable());
        n.put("spectral_gap", e.spectralGap());
        return n;
    }
}
