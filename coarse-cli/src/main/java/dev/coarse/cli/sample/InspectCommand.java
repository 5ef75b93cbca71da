package dev.coarse.cli.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code coarse inspect FILE.h5}: what an ensemble file holds, read without loading its configurations. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show an ensemble file's model, parameters, sampling, provenance and shape (every level).")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An ensemble file (.h5) written by Coarse.")
    Path file;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        List<EnsembleFile.LevelInfo> levels = EnsembleFile.levels(file);
        if (output.json()) {
            output.print(toJson(file, levels));
        } else {
            printText(output.out(), file, levels);
        }
        return 0;
    }

    /**
     * The JSON form: level 0's fields at the top level, and, for a multi-level file, {@code levels} with one
     * object per level.
     */
    static ObjectNode toJson(Path file, List<EnsembleFile.LevelInfo> levels) {
        ObjectNode root = JsonOutput.object();
        root.put("file", file.toString());
        putLevel(root, levels.get(0));
        if (levels.size() > 1) {
            ArrayNode all = root.putArray("levels");
            for (EnsembleFile.LevelInfo level : levels) {
                ObjectNode node = all.addObject();
                node.put("level", level.level());
                putLevel(node, level);
            }
        }
        return root;
    }

    private static void putLevel(ObjectNode node, EnsembleFile.LevelInfo level) {
        EnsembleMeta m = level.meta();
        node.put("model", m.model());
        node.put("dimension", m.dimension());
        node.put("L", m.linearSize());
        JsonOutput.putNumber(node, "T", m.temperature());
        JsonOutput.putNumber(node, "h", m.field());
        node.put("q", m.q());
        node.put("sampler", m.sampler());
        node.put("seed", m.seed());
        node.put("sweeps", m.sweeps());
        node.put("thermalize", m.thermalize());
        node.put("thin", m.thin());
        node.put("chains", m.chains());
        JsonOutput.putNumber(node, "tau_int", m.tauInt());
        node.put("coarse_version", m.coarseVersion());
        ObjectNode parameters = node.putObject("parameters");
        m.parameters().forEach((name, value) -> JsonOutput.putNumber(parameters, name, value));
        DegreesOfFreedom dof = level.degreesOfFreedom();
        ObjectNode values = node.putObject("degrees_of_freedom");
        values.put("values", dof.values().id());
        values.put("states", dof.states());
        values.put("support", dof.support().id());
        values.put("components", dof.components());
        node.put("n_samples", level.sampleCount());
        ArrayNode shape = node.putArray("shape");
        for (long s : level.shape()) {
            shape.add(s);
        }
        ObjectNode provenance = node.putObject("provenance");
        new TreeMap<>(m.provenance()).forEach(provenance::put);
    }

    private static void printText(PrintWriter out, Path file, List<EnsembleFile.LevelInfo> levels) {
        out.println(file + ": Coarse ensemble file, " + levels.size() + (levels.size() == 1 ? " level" : " levels"));
        for (EnsembleFile.LevelInfo level : levels) {
            EnsembleMeta m = level.meta();
            out.println("level " + level.level());
            String lattice = Lattice.Kind.ofDimension(m.dimension()).name().toLowerCase(Locale.ROOT);
            row(out, "model", m.model());
            row(out, "lattice", lattice + " " + m.dimension() + "D, L = " + m.linearSize());
            row(out, "T", Double.toString(m.temperature()));
            row(out, "h", Double.toString(m.field()));
            row(out, "q", Integer.toString(m.q()));
            m.parameters().forEach((name, value) -> row(out, name, Double.toString(value)));
            row(out, "values", level.degreesOfFreedom().toString());
            row(out, "sampler", m.sampler());
            row(out, "seed", Long.toString(m.seed()));
            row(out, "sweeps", m.sweeps() + " per chain (thermalize " + m.thermalize() + ")");
            row(out, "thinning", "every " + m.thin() + " sweeps");
            row(out, "chains", Integer.toString(m.chains()));
            row(out, "tau_int", Double.isNaN(m.tauInt()) ? "unknown" : m.tauInt() + " samples");
            row(out, "version", "coarse " + m.coarseVersion());
            row(out, "samples", level.sampleCount() + ", shape " + Arrays.toString(level.shape()));
            Map<String, String> provenance = new TreeMap<>(m.provenance());
            row(out, "provenance", provenance.isEmpty() ? "none" : "");
            provenance.forEach((k, v) -> out.println("    " + k + " = " + v));
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, String value) {
        out.println(String.format("  %-11s %s", name, value).stripTrailing());
    }
}
