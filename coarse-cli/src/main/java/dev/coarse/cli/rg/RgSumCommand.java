package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.rg.SmoothedSums;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse rg sum}: the scheme-independent constant of Σ n with a smooth cut-off. */
@Command(name = "sum", mixinStandardHelpOptions = true,
        description = "Σ n η(n/N) = N²∫xη − 1/12 + O(N⁻²): extract the constant by Richardson extrapolation in N.")
public final class RgSumCommand implements Runnable {

    @Option(names = "--cutoff", defaultValue = "all",
            description = "exp, gauss, bump or all. Default: ${DEFAULT-VALUE}.")
    String cutoff;

    @Option(names = "--base-n", defaultValue = "32", description = "Smallest N. Default: ${DEFAULT-VALUE}.")
    int baseN;

    @Option(names = "--levels", defaultValue = "5", description = "Number of N (doubling). Default: ${DEFAULT-VALUE}.")
    int levels;

    @Mixin
    Output output;

    @Override
    public void run() {
        List<SmoothedSums.Cutoff> cutoffs = "all".equals(cutoff) ? List.of(SmoothedSums.Cutoff.values())
                : List.of(SmoothedSums.Cutoff.forId(cutoff));
        PrintWriter out = output.out();
        ObjectNode o = JsonOutput.object();
        o.put("expected", SmoothedSums.CONSTANT_TERM);
        ArrayNode results = o.putArray("results");
        for (SmoothedSums.Cutoff c : cutoffs) {
            SmoothedSums.Extrapolation e = SmoothedSums.constantTerm(c, baseN, levels);
            ObjectNode r = results.addObject();
            r.put("cutoff", c.id());
            r.put("constant", e.constant());
            r.put("error", e.error());
            r.put("n2_coefficient", c.firstMoment());
            ArrayNode ns = r.putArray("n");
            ArrayNode rs = r.putArray("remainders");
            for (int i = 0; i < e.cutoffs().length; i++) {
                ns.add(e.cutoffs()[i]);
                rs.add(e.remainders()[i]);
            }
            if (!output.json()) {
                out.printf("%-6s constant = %.12f (± %.1e), N² coefficient = %.12f%n", c.id(), e.constant(),
                        e.error(), c.firstMoment());
            }
        }
        if (output.json()) {
            output.print(o);
        } else {
            out.printf("expected -1/12 = %.12f%n", SmoothedSums.CONSTANT_TERM);
            out.flush();
        }
    }
}
