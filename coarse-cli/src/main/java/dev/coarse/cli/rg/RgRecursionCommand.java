package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.rg.FixedPoints;
import dev.coarse.rg.Recursions;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse rg recursion}: flow, fixed point and ν of an exact one-coupling recursion. */
@Command(name = "recursion", mixinStandardHelpOptions = true,
        description = "Flow K → K' of an exact RG recursion, its non-trivial fixed point and ν = ln b / ln(dK'/dK).")
public final class RgRecursionCommand implements Runnable {

    @Option(names = "--scheme", defaultValue = "migdal-kadanoff",
            description = "decimation1d (tanh K' = tanh² K) or migdal-kadanoff (K' = ½ ln cosh 4K). Default: ${DEFAULT-VALUE}.")
    String scheme;

    @Option(names = "--k-min", defaultValue = "0.05", description = "Smallest K of the flow grid. Default: ${DEFAULT-VALUE}.")
    double kMin;

    @Option(names = "--k-max", defaultValue = "1.0", description = "Largest K of the flow grid. Default: ${DEFAULT-VALUE}.")
    double kMax;

    @Option(names = "--points", defaultValue = "20", description = "Points of the flow grid. Default: ${DEFAULT-VALUE}.")
    int points;

    @Mixin
    Output output;

    @Override
    public void run() {
        Recursions r = Recursions.forId(scheme);
        if (!(kMin >= 0 && kMax > kMin)) {
            throw new UserError("need 0 ≤ --k-min < --k-max, got " + kMin + " and " + kMax);
        }
        double[][] flow = FixedPoints.flow(r.map(), kMin, kMax, points);
        Optional<FixedPoints.FixedPoint> fp = r.fixedPoint();
        PrintWriter out = output.out();
        if (output.json()) {
            ObjectNode o = JsonOutput.object();
            o.put("scheme", r.id());
            o.put("b", r.scaleFactor());
            if (fp.isPresent()) {
                o.put("fixed_point", fp.get().coupling());
                o.put("slope", fp.get().slope());
                JsonOutput.putNumber(o, "nu", fp.get().nu());
            } else {
                o.putNull("fixed_point");
                o.putNull("nu");
                o.put("note", r.noFixedPointNote().orElse("no fixed point found in (0.01, 5)"));
            }
            ArrayNode f = o.putArray("flow");
            for (double[] p : flow) {
                f.addArray().add(p[0]).add(p[1]);
            }
            output.print(o);
            return;
        }
        out.println("scheme " + r.id() + ", b = " + r.scaleFactor());
        if (fp.isPresent()) {
            out.printf("fixed point K* = %.12f, dK'/dK = %.12f, nu = %.12f%n", fp.get().coupling(), fp.get().slope(),
                    fp.get().nu());
        } else {
            out.println(r.noFixedPointNote().orElse("no fixed point found"));
        }
        for (double[] p : flow) {
            out.printf("%.6f -> %.6f%n", p[0], p[1]);
        }
        out.flush();
    }
}
