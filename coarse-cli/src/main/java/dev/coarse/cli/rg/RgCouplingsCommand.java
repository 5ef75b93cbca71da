package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.Ensemble;
import dev.coarse.rg.Couplings;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.PseudoLikelihood;
import dev.coarse.stats.Estimate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coarse rg couplings}: maximum pseudo-likelihood couplings at every level, with jackknife errors. */
@Command(name = "couplings", mixinStandardHelpOptions = true,
        description = {"Fit couplings K_α of -βH = Σ K_α S_α by maximum pseudo-likelihood at levels 0..n of an Ising ensemble.",
            "A plain file is coarse-grained --levels times (default 0: the file itself); a multi-level file is used as stored.",
            "Example: ./coarse rg couplings ising64.h5 --rule majority --levels 2 --operators nn,nnn,plaquette --json"})
public final class RgCouplingsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.h5", description = "Ising ensemble file.")
    Path file;

    @Mixin
    RgInput input;

    @Option(names = "--operators", defaultValue = "nn,nnn,plaquette", split = ",", paramLabel = "NAMES",
            description = "Operators to fit, comma-separated: field, nn, nnn, third_nn, fourth_nn, diag2, axis3, plaquette, triangle, line3 (default ${DEFAULT-VALUE}).")
    List<String> operators;

    @Option(names = "--blocks", defaultValue = "20", description = "Jackknife blocks (default ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--samples", paramLabel = "N",
            description = "Fit only the first N samples of every level (default: all; pseudo-likelihood costs time ∝ samples × sites).")
    Integer samples;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        List<Ensemble> stored = input.read(file);
        Ensemble base = stored.get(0);
        RgInput.requireIsing(file, base, "rg couplings");
        OperatorSet ops = OperatorSet.of(base.lattice().dimension(), operators.toArray(String[]::new));
        List<Ensemble> levels = input.levels(file, stored, 0);
        int n = samples == null ? base.size() : samples;
        if (n < 2 || n > base.size()) {
            throw new UserError("--samples must be in 2.." + base.size() + ", got " + n);
        }
        if (blocks < 2 || blocks > n) {
            throw new UserError("--blocks must be in 2.." + n + " (the number of samples), got " + blocks);
        }
        List<Couplings> fits = new ArrayList<>();
        for (Ensemble e : levels) {
            fits.add(PseudoLikelihood.fit(Arrays.copyOf(e.configurations(), n), e.lattice(), ops, blocks));
        }
        PrintWriter out = output.out();
        if (output.json()) {
            ObjectNode o = RgJson.couplings(fits);
            ArrayNode arr = (ArrayNode) o.get("levels");
            for (int i = 0; i < levels.size(); i++) {
                ((ObjectNode) arr.get(i)).put("L", levels.get(i).lattice().linearSize());
            }
            o.put("file", file.toString());
            o.put("K", 1.0 / base.meta().temperature());
            if (levels.size() > 1) {
                o.put("rule", levels.get(1).meta().provenance().getOrDefault("rule_detail", ""));
            }
            output.print(o);
        } else {
            out.printf("%s: %d of %d samples, K = 1/T = %.6g, operators %s%n", file, n, base.size(),
                    1.0 / base.meta().temperature(), ops);
            for (int i = 0; i < fits.size(); i++) {
                out.printf("  level %d (L = %d)", i, levels.get(i).lattice().linearSize());
                for (String name : fits.get(i).names()) {
                    Estimate k = fits.get(i).get(name);
                    out.printf("  %s = %.5f ± %.5f", name, k.mean(), k.error());
                }
                out.println();
            }
        }
        return 0;
    }
}
