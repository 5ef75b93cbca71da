package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.DataShape;
import dev.coarse.data.Ensemble;
import dev.coarse.exact.CriticalPoint;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.MatchedMcrg;
import dev.coarse.rg.Mcrg;
import dev.coarse.rg.OperatorSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coarse rg mcrg}: Swendsen's Monte Carlo RG → y_t and y_h per level with jackknife errors; with {@code --matched}
 * the matched-lattice method ({@link MatchedMcrg}) on an L and an L/b ensemble.
 */
@Command(name = "mcrg", mixinStandardHelpOptions = true,
        description = {"Swendsen's Monte Carlo RG on an Ising ensemble file: y_t (even operators) and y_h (odd) per level.",
            "A plain file is coarse-grained --levels times; a multi-level file from 'rg coarsen' is used as stored.",
            "--matched FILE2 (an L/b ensemble at the same temperature): Swendsen's matched-lattice method instead.",
            "Example: ./coarse rg mcrg ising64.h5 --rule majority --b 2 --levels 3 --operators 6 --json",
            "         ./coarse rg mcrg ising64.h5 --matched ising32.h5 --levels 3 --operators 4 --json"})
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

    @Option(names = "--matched", paramLabel = "FILE2.h5",
            description = "Matched-lattice MCRG: an ensemble of the same model and temperature on L/b (one level: "
                    + "coarse-grained --levels − 1 times with the same rule; several: used as stored).")
    Path matched;

    @Option(names = "--matched-form", defaultValue = "couplings", paramLabel = "couplings|responses",
            description = "How --matched combines the two runs: couplings (each run's response divided by its own "
                    + "response matrix; default) or responses (the raw responses, ~10x larger errors).")
    String matchedForm;

    @Mixin
    Output output;

    /** Default number of levels for a one-level file. */
    static final int DEFAULT_LEVELS = 3;

    @Override
    public Integer call() throws Exception {
        requireMemory();
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
        Matched m = matched == null ? null : matchedLevels(base, levels.size() - 1);
        List<Mcrg.Level> result;
        try {
            result = m == null ? Mcrg.analyse(configs, lattices, evenOps, oddOps, bins)
                    : MatchedMcrg.analyse(configs, lattices, m.configs, m.lattices, evenOps, oddOps, bins, m.form);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
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
            o.put("method", m == null ? "standard" : "matched");
            if (m != null) {
                o.put("matched_file", matched.toString());
                o.put("matched_samples", m.configs.get(0).length);
                o.put("matched_form", m.form.name().toLowerCase(Locale.ROOT));
                ArrayNode ms = o.putArray("matched_L");
                m.lattices.forEach(l -> ms.add(l.linearSize()));
            }
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
            if (m != null) {
                out.printf("matched with %s: %d samples, L = %d (%s form)%n", matched, m.configs.get(0).length,
                        m.lattices.get(0).linearSize(), m.form.name().toLowerCase(Locale.ROOT));
            }
            for (Mcrg.Level l : result) {
                String step = m == null
                        ? String.format("L %d → %d", lattices.get(l.level() - 1).linearSize(),
                                lattices.get(l.level()).linearSize())
                        : String.format("L %d → %d vs %d → %d", lattices.get(0).linearSize(),
                                lattices.get(l.level()).linearSize(), m.lattices.get(0).linearSize(),
                                m.lattices.get(l.level() - 1).linearSize());
                out.printf("  level %d (%s)  y_t = %.4f ± %.4f   y_h = %.4f ± %.4f%n", l.level(), step,
                        l.yT().mean(), l.yT().error(), l.yH().mean(), l.yH().error());
            }
            if (ising2d) {
                out.printf("  exact (2D Ising)     y_t = %.4f            y_h = %.4f%n", exact2d.thermalExponent(),
                        exact2d.magneticExponent());
            }
        }
        return 0;
    }

    /**
     * Refuses, from the files' headers, a study whose {@link Mcrg#estimatedBytes} exceed the heap: the levels of
     * {@code FILE} and their operator values, and the stored levels of {@code --matched}.
     */
    private void requireMemory() throws IOException {
        RgInput.HeldLevels held = input.heldLevels(file, input.levels == null ? DEFAULT_LEVELS : input.levels);
        if (held.dimension() < 2 || even < 1 || odd < 1) {
            return; // refused with its own message once read
        }
        OperatorSet evenOps = OperatorSet.standardEven(held.dimension());
        OperatorSet oddOps = OperatorSet.standardOdd(held.dimension());
        if (even > evenOps.size() || odd > oddOps.size()) {
            return;
        }
        evenOps = evenOps.truncate(even);
        oddOps = oddOps.truncate(odd);
        long bytes = Mcrg.estimatedBytes(held.samples(), held.sites(), held.sites().length, evenOps, oddOps);
        if (matched != null) {
            RgInput.HeldLevels small = input.heldLevels(matched, 0);
            bytes = DataShape.saturate((double) bytes + Mcrg.estimatedBytes(small.samples(), small.sites(),
                    0, evenOps, oddOps));
        }
        MemoryGuard.require(bytes, "rg mcrg " + file.getFileName() + " (" + held.samples() + " samples × "
                + held.sites().length + " levels and their operator values)");
    }

    private record Matched(List<byte[][]> configs, List<Lattice> lattices, MatchedMcrg.Form form) {
    }

    /** Levels 0 … n−1 of the --matched ensemble, checked to be the same model at the same temperature and field. */
    private Matched matchedLevels(Ensemble base, int n) throws Exception {
        MatchedMcrg.Form form = switch (matchedForm.toLowerCase(Locale.ROOT)) {
            case "couplings" -> MatchedMcrg.Form.COUPLINGS;
            case "responses" -> MatchedMcrg.Form.RESPONSES;
            default -> throw new UserError("unknown --matched-form '" + matchedForm + "' (known: couplings, responses)");
        };
        List<Ensemble> stored = input.read(matched);
        Ensemble small = stored.get(0);
        RgInput.requireIsing(matched, small, "MCRG");
        try {
            MatchedMcrg.requireSameCouplings(base.meta(), file.toString(), small.meta(), matched.toString());
        } catch (IllegalArgumentException e) {
            throw new UserError("--matched: " + e.getMessage(), e);
        }
        try {
            MatchedMcrg.requireBins(bins, small.size(), matched.toString());
        } catch (IllegalArgumentException e) {
            throw new UserError("--bins: " + e.getMessage(), e);
        }
        List<Ensemble> levels;
        if (stored.size() > 1) {
            if (stored.size() < n) {
                throw new UserError(matched + " stores coarse levels 1.." + (stored.size() - 1) + " but matched level "
                        + n + " needs its level " + (n - 1));
            }
            levels = stored.subList(0, n);
        } else {
            RgInput.checkLevels(small.lattice(), input.rule(), n - 1);
            levels = Coarsener.iterate(small, input.rule(), n - 1, input.seed + 1);
        }
        List<byte[][]> configs = new ArrayList<>();
        List<Lattice> lattices = new ArrayList<>();
        for (Ensemble e : levels) {
            configs.add(e.configurations());
            lattices.add(e.lattice());
        }
        return new Matched(configs, lattices, form);
    }

    private static OperatorSet operators(OperatorSet all, int m, String option) {
        if (m < 1 || m > all.size()) {
            throw new UserError(option + " must be 1.." + all.size() + " (" + all + "), got " + m);
        }
        return all.truncate(m);
    }
}
