package dev.coarse.cli.emerge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.PhaseDiagramCharts;
import dev.coarse.emergence.deepnet.Activation;
import dev.coarse.emergence.deepnet.FormulaActivation;
import dev.coarse.emergence.deepnet.MeanField;
import dev.coarse.emergence.deepnet.PhaseDiagram;
import dev.coarse.emergence.deepnet.SignalPropagation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse emerge deepnet}: mean-field signal propagation and the order-to-chaos phase diagram. */
@Command(name = "deepnet", mixinStandardHelpOptions = true,
        description = "Mean-field signal propagation in deep random fully-connected networks (Poole et al. 2016,"
                + " Schoenholz et al. 2017): q*, chi_1, the depth scales xi_q and xi_c, the critical sigma_w^2 of the"
                + " order-to-chaos line chi_1 = 1, and the phase diagram.")
public final class EmergeDeepnetCommand implements Callable<Integer> {

    @Option(names = "--activation", paramLabel = "PHI", defaultValue = "tanh",
            description = "tanh, relu, or a formula in x, e.g. \"x*sigmoid(x)\" (+ - * / ^, parentheses, pi, e, tanh,"
                    + " sinh, cosh, sin, cos, exp, log, sqrt, abs, sigmoid, softplus) (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--sigma-w2", paramLabel = "W", defaultValue = "1.5",
            description = "Weight variance sigma_w^2 (times 1/width) (default: ${DEFAULT-VALUE}).")
    double sigmaW2;

    @Option(names = "--sigma-b2", paramLabel = "B", defaultValue = "0.05",
            description = "Bias variance sigma_b^2 (default: ${DEFAULT-VALUE}).")
    double sigmaB2;

    @Option(names = "--phase-diagram", paramLabel = "FILE",
            description = "Write the phase diagram (log10 xi_c heat map and the chi_1 = 1 line) as a PNG.")
    Path phaseDiagram;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "40",
            description = "Grid points per axis of the phase diagram (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--max-sigma-w2", paramLabel = "W", defaultValue = "4",
            description = "Largest sigma_w^2 of the phase diagram (default: ${DEFAULT-VALUE}).")
    double maxSigmaW2;

    @Option(names = "--max-sigma-b2", paramLabel = "B", defaultValue = "0.3",
            description = "Largest sigma_b^2 of the phase diagram (default: ${DEFAULT-VALUE}).")
    double maxSigmaB2;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        Activation phi = activation(activation);
        if (!(sigmaW2 > 0) || !Double.isFinite(sigmaW2) || sigmaW2 > 100) {
            throw new UserError("--sigma-w2 must be in (0, 100], got " + sigmaW2);
        }
        if (!(sigmaB2 >= 0) || !Double.isFinite(sigmaB2) || sigmaB2 > 100) {
            throw new UserError("--sigma-b2 must be in [0, 100], got " + sigmaB2);
        }
        if (grid < 2 || grid > 200) {
            throw new UserError("--grid must be in 2 … 200, got " + grid);
        }
        if (!(maxSigmaW2 > 0.1 && maxSigmaW2 <= 100) || !(maxSigmaB2 > 0 && maxSigmaB2 <= 100)) {
            throw new UserError("--max-sigma-w2 must be in (0.1, 100] and --max-sigma-b2 in (0, 100]");
        }
        SignalPropagation result;
        try {
            result = new MeanField(phi, sigmaW2, sigmaB2).analyse();
        } catch (IllegalStateException diverges) {
            throw new UserError(UserError.oneLine(diverges.getMessage()) + " (no fixed point: lower --sigma-w2)");
        }
        if (phaseDiagram != null) {
            writePhaseDiagram(phi);
        }
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("activation", result.activation());
            node.put("sigma_w2", sigmaW2);
            node.put("sigma_b2", sigmaB2);
            JsonOutput.putNumber(node, "q_star", result.qStar());
            JsonOutput.putNumber(node, "chi1", result.chi1());
            JsonOutput.putNumber(node, "c_star", result.cStar());
            JsonOutput.putNumber(node, "xi_q", result.xiQ());
            JsonOutput.putNumber(node, "xi_c", result.xiC());
            JsonOutput.putNumber(node, "critical_sigma_w2", result.criticalSigmaW2());
            node.put("phase", result.chaotic() ? "chaotic" : "ordered");
            if (phaseDiagram != null) {
                node.put("phase_diagram", phaseDiagram.toString());
            }
            output.print(node);
        } else {
            PrintWriter out = output.out();
            out.printf(Locale.ROOT, "%-20s %s, sigma_w^2 = %g, sigma_b^2 = %g%n", "activation", result.activation(),
                    sigmaW2, sigmaB2);
            out.printf(Locale.ROOT, "%-20s %.10g%n", "q*", result.qStar());
            out.printf(Locale.ROOT, "%-20s %.10g (%s)%n", "chi_1", result.chi1(), result.chaotic() ? "chaotic" : "ordered");
            out.printf(Locale.ROOT, "%-20s %.10g%n", "c*", result.cStar());
            out.printf(Locale.ROOT, "%-20s %.6g layers%n", "xi_q", result.xiQ());
            out.printf(Locale.ROOT, "%-20s %.6g layers%n", "xi_c", result.xiC());
            out.printf(Locale.ROOT, "%-20s %.10g%n", "critical sigma_w^2", result.criticalSigmaW2());
            out.flush();
        }
        return 0;
    }

    static Activation activation(String name) {
        String n = name.strip();
        if (n.equalsIgnoreCase("tanh")) {
            return Activation.TANH;
        }
        if (n.equalsIgnoreCase("relu")) {
            return Activation.RELU;
        }
        try {
            return FormulaActivation.parse(n);
        } catch (IllegalArgumentException bad) {
            throw new UserError(UserError.oneLine(bad.getMessage()));
        }
    }

    /**
     * Category labels of a heat-map axis: about six values printed, the others distinct blanks (XChart labels every
     * category, which crowds a 40-point axis).
     */
    private void writePhaseDiagram(Activation phi) throws IOException {
        PhaseDiagram diagram = PhaseDiagram.of(phi, maxSigmaW2 / grid, maxSigmaW2, grid, maxSigmaB2, grid);
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(PhaseDiagramCharts.heatMap(phi.name(), diagram.sigmaW2(), diagram.sigmaB2(), diagram.xiC()));
        XYChart line = PhaseDiagramCharts.line(phi.name(), diagram.criticalSigmaW2(), diagram.sigmaB2());
        if (line != null) {
            charts.add(line);
        }
        EmergeCharts.saveSideBySide(charts, phaseDiagram);
    }
}
