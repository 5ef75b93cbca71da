package dev.coarse.cli.tensor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.rg.Ranges;
import dev.coarse.tensor.TemperatureScan;
import dev.coarse.tensor.TensorModel;
import dev.coarse.tensor.TensorRgSettings;
import dev.coarse.tensor.Thermodynamics;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coarse trg scan}: free energy and specific heat over a temperature grid by tensor RG (finite differences
 * of ln Z, {@link Thermodynamics}), and T<sub>c</sub> from the interpolated specific-heat peak
 * ({@link TemperatureScan}).
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Free energy and specific heat (finite differences of ln Z) over a temperature grid; T_c from "
                + "the specific-heat peak, interpolated.",
            "Example: ./coarse trg scan --model potts2d --q 3 --T-range 0.97:1.02:26 --chi 16 --json"})
public final class TrgScanCommand implements Callable<Integer> {

    @Mixin
    TensorOptions options;

    @Option(names = "--T-range", required = true, paramLabel = "a:b:n",
            description = "Temperatures from a to b in n >= 3 points.")
    String range;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        options.check();
        double[] ts = Ranges.grid("--T-range", range);
        if (ts.length < 3) {
            throw new UserError("--T-range needs at least 3 points for a peak, got " + ts.length);
        }
        TensorModel model = options.model(ts[0], 0);
        TensorRgSettings settings = TensorRgSettings.infinite(options.scheme(), options.chi, options.steps, false);
        options.requireMemory(settings, TensorOptions.bond(model.localTensor()), "trg scan");
        long start = System.nanoTime();
        TemperatureScan scan = TemperatureScan.run(model, settings, ts);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (output.json()) {
            output.print(toJson(model, settings, scan, seconds));
            return 0;
        }
        PrintWriter out = output.out();
        out.printf("%s%s  %s  chi %d  %d steps%n", model.family().id(),
                model.family() == TensorModel.Family.POTTS2D ? " q=" + model.q() : "", settings.scheme().id(),
                settings.chi(), settings.steps());
        out.printf("%10s %16s %12s%n", "T", "f", "C");
        for (Thermodynamics p : scan.points()) {
            out.printf("%10.6f %16.12f %12.6f%n", p.temperature(), p.freeEnergy(), p.specificHeat());
        }
        out.printf("T_c = %.6f ± %.6f (specific-heat peak; exact %.6f)%n", scan.criticalTemperature(),
                scan.criticalError(), model.criticalTemperature());
        out.printf("%.2f s%n", seconds);
        out.flush();
        return 0;
    }

    static ObjectNode toJson(TensorModel model, TensorRgSettings s, TemperatureScan scan, double seconds) {
        ObjectNode o = JsonOutput.object();
        o.put("model", model.family().id());
        o.put("q", model.q());
        o.put("scheme", s.scheme().id());
        o.put("chi", s.chi());
        o.put("steps", s.steps());
        o.put("method", "central differences of ln Z in T, step 1e-3 T");
        ArrayNode points = o.putArray("points");
        for (Thermodynamics p : scan.points()) {
            ObjectNode n = points.addObject();
            n.put("T", p.temperature());
            JsonOutput.putNumber(n, "free_energy_per_site", p.freeEnergy());
            JsonOutput.putNumber(n, "energy_per_site", p.energy());
            JsonOutput.putNumber(n, "specific_heat", p.specificHeat());
        }
        ObjectNode tc = o.putObject("Tc");
        JsonOutput.putNumber(tc, "mean", scan.criticalTemperature());
        JsonOutput.putNumber(tc, "error", scan.criticalError());
        JsonOutput.putNumber(tc, "exact", model.criticalTemperature());
        tc.put("method", "vertex of the parabola through the largest C and its neighbours; error = its distance to "
                + "the vertex through the points two away");
        o.put("elapsed_seconds", seconds);
        return o;
    }
}
