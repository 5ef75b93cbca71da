package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.Ensemble;
import dev.coarse.exact.CriticalPoint;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.Mcrg;
import dev.coarse.rg.OperatorSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coarse rg mcrg}: Swendsen's Monte Carlo RG → y_t and y_h per level with jackknife errors. */
@Command(name = "mcrg", mixinStandardHelpOptions = true,
        description = {"Swendsen's Monte Carlo RG on an Ising ensemble file: y_t (even operators) and y_h (odd) per level.",
            "A plain file is coarse-grained --levels times; a multi-level file from 'rg coarsen' is used as stored.",
            "Example: ./coarse rg mcrg ising64.h5 --rule majority --b 2 --levels 3 --operators 6 --json"})
public final class RgMcrgCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.h5", description = "Ising ensemble file (one level, or the levels of rg coarsen).")
    Path file;

    @Mixin
    RgInput input;

    @Option(names = "--operators", defaultValue = "6", paramLabel = "M",
            description = "Even operators kept, from nn, nnn, third_nn, plaquette, fourth_nn, diag2 (default ${DEFAULT-VALUE}).")
    int even;

    @Option(names = "--odd-operators", defaultValue = "2", paramLabel = "M",
            description = "Odd operators kept, from field, triangle, line3 (default ${DEFAULT-VALUE}).")
    int odd;

    @Option(names = "--bins", defaultValue = "20", description = "Jackknife bins (default ${DEFAULT-VALUE}).")
    int bins;

    @Mixin
    Output output;

    /** Default number of levels for a one-level file. */
    static final int DEFAULT_LEVELS = 3;

    @Override
    public Integer call() throws Exception {
        List<Ensemble> stored = input.read(file);
        Ensemble base = stored.get(0);
        RgInput.requireIsing(file, base, "MCRG");
        int d = base.lattice().dimension();
        if (d < 2) {
            throw new UserError("rg mcrg needs a 2D or 3D ensemble, " + file + " is " + d + "D");
        }
        OperatorSet evenOps = operators(OperatorSet.standardEven(d), even, "--operators");
        OperatorSet oddOps = operators(OperatorSet.standardOdd(d), odd, "--odd-operators");
        if (input.levels != null && input.levels < 1) {
            throw new UserError("MCRG needs --levels ≥ 1, got " + input.levels);
        }
        List<Ensemble> levels = input.levels(file, stored, DEFAULT_LEVELS);
        if (levels.size() < 2) {
            throw new UserError("MCRG needs at least one coarse-graining step");
        }
        if (bins < 2 || bins > base.size()) {
            throw new UserError("--bins must be in 2.." + base.size() + " (the number of samples), got " + bins);
        }
        List<byte[][]> configs = new ArrayList<>();
        List<Lattice> lattices = new ArrayList<>();
        for (Ensemble e : levels) {
            configs.add(e.configurations());
            lattices.add(e.lattice());
        }
        long start = System.nanoTime();
        List<Mcrg.Level> result = Mcrg.analyse(configs, lattices, evenOps, oddOps, bins);
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean ising2d = d == 2 && base.meta().field() == 0.0;
        CriticalPoint exact2d = CriticalPoint.SQUARE_ISING;
        PrintWriter out = output.out();
        if (output.json()) {
            ObjectNode o = RgJson.mcrg(result);
            o.put("file", file.toString());
            o.put("samples", base.size());
            o.put("rule", levels.get(1).meta().provenance().getOrDefault("rule_detail", ""));
            o.put("bins", bins);
            ArrayNode ls = o.putArray("L");
            lattices.forEach(l -> ls.add(l.linearSize()));
            if (ising2d) {
                ObjectNode exact = o.putObject("exact");
                exact.put("y_t", exact2d.thermalExponent());
                exact.put("y_h", exact2d.magneticExponent());
            }
            o.put("seconds", seconds);
            output.print(o);
        } else {
            out.printf("%s: %d samples, %s, even %s, odd %s, %d jackknife bins%n", file, base.size(),
                    levels.get(1).meta().provenance().getOrDefault("rule_detail", ""), evenOps, oddOps, bins);
            for (Mcrg.Level l : result) {
                out.printf("  level %d (L %d → %d)  y_t = %.4f ± %.4f   y_h = %.4f ± %.4f%n", l.level(),
                        lattices.get(l.level() - 1).linearSize(), lattices.get(l.level()).linearSize(),
                        l.yT().mean(), l.yT().error(), l.yH().mean(), l.yH().error());
            }
            if (ising2d) {
                out.printf("  exact (2D Ising)     y_t = %.4f            y_h = %.4f%n", exact2d.thermalExponent(),
                        exact2d.magneticExponent());
            }
        }
        return 0;
    }

    private static OperatorSet operators(OperatorSet all, int m, String option) {
        if (m < 1 || m > all.size()) {
            throw new UserError(option + " must be 1.." + all.size() + " (" + all + "), got " + m);
        }
        return all.truncate(m);
    }
}
