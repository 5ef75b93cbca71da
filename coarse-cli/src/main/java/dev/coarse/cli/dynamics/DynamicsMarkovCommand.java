package dev.coarse.cli.dynamics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.dynamics.ChainAnalysis;
import dev.coarse.dynamics.MarkovChain;
import dev.coarse.dynamics.SparseChainAnalysis;
import dev.coarse.dynamics.SparseMarkovChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse dynamics markov}: stationary law, entropy rate, relaxation times, predictive information. */
@Command(name = "markov", mixinStandardHelpOptions = true,
        description = "Stationary law, entropy rate (nats per step), relaxation times (slowest first) and predictive"
                + " information I(X_t; X_t+tau) of a Markov chain.")
public final class DynamicsMarkovCommand implements Callable<Integer> {

    @Mixin
    ChainInput input;

    @Option(names = "--tau", paramLabel = "TAU", defaultValue = "1",
            description = "Lag of the predictive information, in steps (default: ${DEFAULT-VALUE}).")
    int tau;

    @Mixin
    Output output;

    /** Largest sparse chain whose relaxation times are computed (densely: an n × n eigen-decomposition). */
    static final int SPARSE_SPECTRUM_STATES = 500;

    @Override
    public Integer call() throws IOException {
        if (tau < 1) {
            throw new UserError("--tau must be >= 1, got " + tau);
        }
        if (input.sparse()) {
            return sparse(input.sparseChain());
        }
        MarkovChain chain = input.chain();
        chain.requireIrreducible("coarse dynamics markov");
        double[] pi = ChainAnalysis.stationary(chain);
        double entropyRate = ChainAnalysis.entropyRate(chain, pi);
        double[] times = ChainAnalysis.relaxationTimes(chain);
        double predictive = ChainAnalysis.predictiveInformation(chain, pi, tau);
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("source", input.source());
            node.put("states", chain.size());
            node.put("continuous_time", chain.continuousTime());
            if (chain.continuousTime()) {
                node.put("uniformisation_rate", chain.uniformisationRate());
            }
            node.put("irreducible", chain.irreducible());
            ArrayNode stationary = node.putArray("stationary");
            for (double p : pi) {
                stationary.add(p);
            }
            node.put("entropy_rate", entropyRate);
            ArrayNode relaxation = node.putArray("relaxation_times");
            for (double t : times) {
                if (Double.isFinite(t)) {
                    relaxation.add(t);
                } else {
                    relaxation.addNull();
                }
            }
            node.put("tau", tau);
            node.put("predictive_information", predictive);
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%-24s %s%n", "chain", input.source() + " (" + chain + ")");
            out.printf(Locale.ROOT, "%-24s %.10g nats per %s%n", "entropy rate", entropyRate,
                    chain.continuousTime() ? "uniformised step" : "step");
            out.printf(Locale.ROOT, "%-24s %.10g nats%n", "I(X_t; X_t+" + tau + ")", predictive);
            for (int k = 0; k < Math.min(5, times.length); k++) {
                out.printf(Locale.ROOT, "%-24s %.10g%n", "relaxation time " + (k + 1), times[k]);
            }
            for (int i = 0; i < Math.min(10, pi.length); i++) {
                out.printf(Locale.ROOT, "%-24s %.10g%n", "pi[" + i + "]", pi[i]);
            }
            if (pi.length > 10) {
                out.printf(Locale.ROOT, "%-24s (%d more; --json prints all)%n", "", pi.length - 10);
            }
            out.flush();
        }
        return 0;
    }

    /** The sparse path: power iteration, entropy rate and one-step predictive information in O(nnz) per step. */
    private int sparse(SparseMarkovChain chain) {
        if (tau != 1) {
            throw new UserError("--tau " + tau + " needs a dense chain; sparse input (--sparse) gives tau = 1 only");
        }
        String witness = SparseChainAnalysis.reducibilityWitness(chain);
        if (witness != null) {
            throw new UserError("coarse dynamics markov needs an irreducible chain: " + witness);
        }
        SparseChainAnalysis.Stationary stationary = SparseChainAnalysis.stationary(chain,
                SparseChainAnalysis.MAX_ITERATIONS);
        if (!stationary.converged()) {
            throw new UserError("the power iteration for the stationary law did not converge in "
                    + stationary.iterations() + " steps (residual " + stationary.residual() + ")");
        }
        double[] pi = stationary.pi();
        double entropyRate = SparseChainAnalysis.entropyRate(chain, pi);
        double predictive = SparseChainAnalysis.predictiveInformation(chain, pi);
        double[] times = chain.size() <= SPARSE_SPECTRUM_STATES
                ? ChainAnalysis.relaxationTimes(chain.toDense()) : null;
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("source", input.source());
            node.put("states", chain.size());
            node.put("sparse", true);
            node.put("nonzeros", chain.nonzeros());
            node.put("continuous_time", chain.continuousTime());
            if (chain.continuousTime()) {
                node.put("uniformisation_rate", chain.uniformisationRate());
            }
            node.put("irreducible", true);
            ArrayNode law = node.putArray("stationary");
            for (double p : pi) {
                law.add(p);
            }
            node.put("stationary_iterations", stationary.iterations());
            node.put("stationary_residual", stationary.residual());
            node.put("entropy_rate", entropyRate);
            if (times == null) {
                node.putNull("relaxation_times");
            } else {
                ArrayNode relaxation = node.putArray("relaxation_times");
                for (double t : times) {
                    if (Double.isFinite(t)) {
                        relaxation.add(t);
                    } else {
                        relaxation.addNull();
                    }
                }
            }
            node.put("tau", 1);
            node.put("predictive_information", predictive);
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%-24s %s%n", "chain", input.source() + " (" + chain + ")");
            out.printf(Locale.ROOT, "%-24s %d power-iteration steps, residual %.2g%n", "stationary law",
                    stationary.iterations(), stationary.residual());
            out.printf(Locale.ROOT, "%-24s %.10g nats per %s%n", "entropy rate", entropyRate,
                    chain.continuousTime() ? "uniformised step" : "step");
            out.printf(Locale.ROOT, "%-24s %.10g nats%n", "I(X_t; X_t+1)", predictive);
            if (times == null) {
                out.printf(Locale.ROOT, "%-24s not computed above %d states (a dense eigen-decomposition)%n",
                        "relaxation times", SPARSE_SPECTRUM_STATES);
            } else {
                for (int k = 0; k < Math.min(5, times.length); k++) {
                    out.printf(Locale.ROOT, "%-24s %.10g%n", "relaxation time " + (k + 1), times[k]);
                }
            }
            for (int i = 0; i < Math.min(10, pi.length); i++) {
                out.printf(Locale.ROOT, "%-24s %.10g%n", "pi[" + i + "]", pi[i]);
            }
            if (pi.length > 10) {
                out.printf(Locale.ROOT, "%-24s (%d more; --json prints all)%n", "", pi.length - 10);
            }
            out.flush();
        }
        return 0;
    }
}
