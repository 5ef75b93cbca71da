package dev.coarse.cli.exact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.exact.Kaufman;
import dev.coarse.exact.Onsager;
import dev.coarse.exact.TransferMatrix1D;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coarse exact}: exact thermodynamics of the Ising chain (transfer matrix) and the square-lattice
 * Ising model (Kaufman's finite torus, Onsager's infinite lattice), the references Monte Carlo runs are
 * checked against.
 */
@Command(name = "exact", mixinStandardHelpOptions = true,
        description = "Exact energy, specific heat and free energy per site of the Ising chain or square lattice.")
public final class ExactCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "ising2d (square lattice, h = 0) or ising1d (periodic chain).")
    String model;

    @Option(names = "--L", required = true, paramLabel = "N|inf",
            description = "Linear size L (L×L torus for ising2d, N sites for ising1d), an integer ≥ 2, or inf.")
    String size;

    @Option(names = "--T", paramLabel = "T", description = "Temperature T > 0 (exactly one of --T, --K).")
    Double temperature;

    @Option(names = "--K", paramLabel = "K", description = "Coupling K = 1/T > 0 (exactly one of --T, --K).")
    Double coupling;

    @Option(names = "--h", paramLabel = "h", description = "Magnetic field h (ising1d only; default 0).")
    Double field;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        double t = temperature();
        Integer linearSize = linearSize();
        boolean square = switch (model.toLowerCase(Locale.ROOT)) {
            case "ising2d" -> true;
            case "ising1d" -> false;
            default -> throw new UserError("unknown model '" + model + "' (expected ising2d or ising1d)");
        };
        if (square && field != null) {
            throw new UserError("--h is only available for ising1d: the square-lattice Ising model in a field "
                    + "has no exact solution");
        }
        double h = field == null ? 0 : field;
        if (!Double.isFinite(h)) {
            throw new UserError("--h must be finite, got " + h);
        }

        Map<String, Double> values = new LinkedHashMap<>();
        if (square && linearSize == null) {
            values.put("energy_per_site", Onsager.energyPerSite(t));
            values.put("specific_heat", Onsager.specificHeatPerSite(t));
            values.put("free_energy_per_site", Onsager.freeEnergyPerSite(t));
            values.put("ln_z_per_site", Onsager.logPartitionFunctionPerSite(t));
            values.put("magnetization", Onsager.spontaneousMagnetization(t));
        } else if (square) {
            int l = linearSize;
            values.put("energy_per_site", Kaufman.energyPerSite(l, t));
            values.put("specific_heat", Kaufman.specificHeatPerSite(l, t));
            values.put("free_energy_per_site", Kaufman.freeEnergyPerSite(l, t));
            values.put("ln_z_per_site", Kaufman.logPartitionFunctionPerSite(l, t));
        } else if (linearSize == null) {
            values.put("energy_per_site", TransferMatrix1D.energyPerSite(t, h));
            values.put("specific_heat", TransferMatrix1D.specificHeatPerSite(t, h));
            values.put("free_energy_per_site", TransferMatrix1D.freeEnergyPerSite(t, h));
            values.put("ln_z_per_site", TransferMatrix1D.logPartitionFunctionPerSite(t, h));
        } else {
            int n = linearSize;
            values.put("energy_per_site", TransferMatrix1D.energyPerSite(n, t, h));
            values.put("specific_heat", TransferMatrix1D.specificHeatPerSite(n, t, h));
            values.put("free_energy_per_site", TransferMatrix1D.freeEnergyPerSite(n, t, h));
            values.put("ln_z_per_site", TransferMatrix1D.logPartitionFunctionPerSite(n, t, h));
        }

        PrintWriter out = output.out();
        String modelName = square ? "ising2d" : "ising1d";
        if (output.json()) {
            ObjectNode node = JsonOutput.object();
            node.put("model", modelName);
            if (linearSize == null) {
                node.put("L", "inf");
            } else {
                node.put("L", linearSize.intValue());
            }
            node.put("T", t);
            node.put("K", 1 / t);
            if (!square) {
                node.put("h", h);
            }
            // Infinite values (C at T_c of the infinite lattice) are written as null: JSON has no infinity.
            values.forEach((key, value) -> JsonOutput.putNumber(node, key, value));
            output.print(node);
        } else {
            out.printf(Locale.ROOT, "%-22s %s%n", "model", modelName);
            out.printf(Locale.ROOT, "%-22s %s%n", "L", linearSize == null ? "inf" : linearSize.toString());
            out.printf(Locale.ROOT, "%-22s %.17g%n", "T", t);
            out.printf(Locale.ROOT, "%-22s %.17g%n", "K", 1 / t);
            if (!square) {
                out.printf(Locale.ROOT, "%-22s %.17g%n", "h", h);
            }
            values.forEach((key, value) -> out.printf(Locale.ROOT, "%-22s %s%n", key,
                    Double.isInfinite(value) ? "inf" : String.format(Locale.ROOT, "%.17g", value)));
            out.flush();
        }
        return 0;
    }

    /** T from exactly one of --T and --K. */
    private double temperature() {
        if ((temperature == null) == (coupling == null)) {
            throw new UserError("give exactly one of --T and --K");
        }
        if (temperature != null) {
            if (!(temperature > 0) || temperature.isInfinite()) {
                throw new UserError("--T must be finite and > 0, got " + temperature);
            }
            return temperature;
        }
        if (!(coupling > 0) || coupling.isInfinite()) {
            throw new UserError("--K must be finite and > 0, got " + coupling);
        }
        return 1 / coupling;
    }

    /** The size, or null for the infinite system. */
    private Integer linearSize() {
        String s = size.strip().toLowerCase(Locale.ROOT);
        if (s.equals("inf") || s.equals("infinity")) {
            return null;
        }
        int l;
        try {
            l = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new UserError("--L must be an integer >= 2 or 'inf', got '" + size + "'");
        }
        if (l < 2) {
            throw new UserError("--L must be >= 2, got " + l);
        }
        return l;
    }
}
