package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.Coarsener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coarse rg coarsen}: iterate a block rule on an ensemble file and write all levels to one HDF5 file. */
@Command(name = "coarsen", mixinStandardHelpOptions = true,
        description = {"Coarse-grain every configuration of an Ising ensemble file n times; write levels 0..n to one HDF5 file.",
            "Example: ./coarse rg coarsen ising64.h5 --rule majority --b 2 --levels 3 --out ising64-majority.h5"})
public final class RgCoarsenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.h5", description = "Ensemble file (level 0 is coarse-grained).")
    Path file;

    @Mixin
    RgInput input;

    @Option(names = "--out", required = true, paramLabel = "OUT.h5", description = "Output file (levels 0..n).")
    Path out;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        if (input.levels == null) {
            throw new UserError("--levels is required");
        }
        CoarseGraining rule = input.rule();
        if (!force && Files.exists(out)) {
            throw new UserError(out + " already exists (use --force to overwrite)");
        }
        Ensemble base = input.read(file).get(0);
        RgInput.requireIsing(file, base, "rg coarsen");
        RgInput.checkLevels(base.lattice(), rule, input.levels);
        long start = System.nanoTime();
        List<Ensemble> levels = withSource(Coarsener.iterate(base, rule, input.levels, input.seed));
        EnsembleFile.writeLevels(out, levels, force);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = output.out();
        if (output.json()) {
            ObjectNode o = JsonOutput.object();
            o.put("input", file.toString());
            o.put("out", out.toString());
            o.put("rule", rule.toString());
            o.put("b", rule.scaleFactor());
            o.put("seed", input.seed);
            o.put("samples", base.size());
            ArrayNode arr = o.putArray("levels");
            for (int i = 0; i < levels.size(); i++) {
                ObjectNode n = arr.addObject();
                n.put("level", i);
                n.put("L", levels.get(i).lattice().linearSize());
            }
            o.put("seconds", seconds);
            output.print(o);
        } else {
            stdout.printf("%s: %d samples, %s, levels 0..%d (L = ", file, base.size(), rule, input.levels);
            for (int i = 0; i < levels.size(); i++) {
                stdout.print((i == 0 ? "" : ", ") + levels.get(i).lattice().linearSize());
            }
            stdout.printf(")%nwrote %s (%.1f s)%n", out, seconds);
        }
        return 0;
    }

    /** Adds provenance "source" (the input file) and "command" to the coarse levels. */
    private List<Ensemble> withSource(List<Ensemble> levels) {
        List<Ensemble> outLevels = new ArrayList<>();
        outLevels.add(levels.get(0));
        for (int i = 1; i < levels.size(); i++) {
            Ensemble e = levels.get(i);
            EnsembleMeta m = e.meta();
            Map<String, String> p = new HashMap<>(m.provenance());
            p.put("source", file.toString());
            p.put("command", "coarse rg coarsen");
            outLevels.add(new Ensemble(new EnsembleMeta(m.model(), m.dimension(), m.linearSize(), m.temperature(),
                    m.field(), m.q(), m.sampler(), m.seed(), m.sweeps(), m.thermalize(), m.thin(), m.chains(),
                    m.tauInt(), m.coarseVersion(), p), e.lattice(), e.configurations()));
        }
        return outLevels;
    }
}
