package dev.coarse.cli.dynamics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.dynamics.ChainAnalysis;
import dev.coarse.dynamics.MarkovChain;
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

    @Override
    public Integer call() throws IOException {
        if (tau < 1) {
            throw new UserError("--tau must be >= 1, got " + tau);
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
}
