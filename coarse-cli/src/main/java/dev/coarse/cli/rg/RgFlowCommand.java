package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.UserError;
import dev.coarse.exact.CriticalPoint;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.CoarseGrainingRules;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.TieBreak;
import dev.coarse.study.FlowDiagram;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse rg flow}: the flow K → K' of one blocking step, its fixed point and ν. */
@Command(name = "flow", mixinStandardHelpOptions = true,
        description = {"Flow diagram: sample the 2D Ising model on a grid of K, coarse-grain once, fit the coarse "
                + "couplings by pseudo-likelihood; fixed point K* of K -> K'_nn and nu = ln b / ln(dK'/dK).",
            "Example: ./coarse rg flow --model ising2d --rule majority --b 2 --K-range 0.30:0.50:9 --L 32 --json"})
public final class RgFlowCommand implements Callable<Integer> {

    /** The reference the flow's fixed point and ν are compared with: the command samples ising2d only, where ν = 1. */
    private static final CriticalPoint EXACT = CriticalPoint.SQUARE_ISING;

    @Option(names = "--model", defaultValue = "ising2d", description = "ising2d (the only model; default).")
    String model;

    @Option(names = "--rule", defaultValue = "majority", description = "majority or decimation (default ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--b", defaultValue = "2", description = "Block size (default ${DEFAULT-VALUE}).")
    int b;

    @Option(names = "--K-range", required = true, paramLabel = "a:b:n", description = "Couplings from a to b in n ≥ 2 points.")
    String kRange;

    @Option(names = "--L", defaultValue = "32", description = "Fine lattice size, a multiple of b (default ${DEFAULT-VALUE}).")
    int linearSize;

    @Option(names = "--operators", defaultValue = "nn", paramLabel = "OPS",
            description = "Comma-separated coarse operators to fit, containing nn: e.g. nn or nn,nnn,plaquette "
                    + "(default ${DEFAULT-VALUE}).")
    String operators;

    @Option(names = "--sampler", defaultValue = "wolff", description = "wolff or sw (default ${DEFAULT-VALUE}).")
    String sampler;

    @Option(names = "--samples", defaultValue = "500", description = "Configurations per K (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--sweeps", defaultValue = "2",
            description = "Sweep-equivalents between kept configurations (default ${DEFAULT-VALUE}).")
    int sweeps;

    @Option(names = "--thermalize", defaultValue = "200", description = "Thermalisation sweep-equivalents (default ${DEFAULT-VALUE}).")
    int thermalize;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        if (!"ising2d".equals(model)) {
            throw new UserError("rg flow supports --model ising2d only, got '" + model + "'");
        }
        if (b < 2) {
            throw new UserError("--b must be ≥ 2, got " + b);
        }
        CoarseGraining r = CoarseGrainingRules.byName(rule, b, TieBreak.COIN);
        if (linearSize % b != 0 || linearSize / b < 2) {
            throw new UserError("--L " + linearSize + " must be a multiple of b = " + b + " with L/b ≥ 2");
        }
        double[] ks = Ranges.grid("--K-range", kRange);
        OperatorSet ops = OperatorSet.of(2, operators.split(","));
        int nThreads = run.threads();
        SamplerKind kind = SamplerKind.forId(sampler, IsingModel.atCoupling(Lattice.square(linearSize), ks[0]));
        FlowDiagram.Spec flowSpec = new FlowDiagram.Spec(2, linearSize, ks, r, ops, kind, samples, sweeps,
                thermalize, run.seed(), nThreads);
        FlowDiagram.Result result;
        try (ProgressReporter bar = run.progress.bar("rg flow")) {
            result = FlowDiagram.run(flowSpec, bar);
        }
        PrintWriter out = run.output.out();
        if (run.output.json()) {
            run.output.print(toJson(result));
            return 0;
        }
        out.printf("rule %s, b = %d, L = %d, operators %s%n", r.name(), b, linearSize, ops.names());
        for (double[] p : result.flow()) {
            out.printf("  K = %.5f -> K'_nn = %.5f ± %.5f%n", p[0], p[1], p[2]);
        }
        Optional<FlowDiagram.FixedPoint> fp = result.fixedPoint();
        if (fp.isPresent()) {
            out.printf("fixed point K* = %.5f ± %.5f, dK'/dK = %.4f ± %.4f, nu = %.4f ± %.4f%n",
                    fp.get().coupling().mean(), fp.get().coupling().error(), fp.get().slope().mean(),
                    fp.get().slope().error(), fp.get().nu().mean(), fp.get().nu().error());
        } else {
            out.println("no fixed point in the K range (K'_nn - K does not change sign)");
        }
        out.printf("exact 2D Ising: K_c = %.7f, nu = %d (a truncated one-coupling flow need not reproduce them)%n",
                EXACT.criticalCoupling(), (int) EXACT.nu());
        out.flush();
        return 0;
    }

    static ObjectNode toJson(FlowDiagram.Result result) {
        FlowDiagram.Spec s = result.spec();
        ObjectNode o = JsonOutput.object();
        o.put("model", "ising2d");
        o.put("rule", s.rule().name());
        o.put("b", s.rule().scaleFactor());
        o.put("L", s.linearSize());
        ArrayNode names = o.putArray("operators");
        s.operators().names().forEach(names::add);
        o.put("sampler", s.sampler().id());
        o.put("samples", s.samples());
        o.put("seed", s.seed());
        ArrayNode flow = o.putArray("flow");
        for (double[] p : result.flow()) {
            flow.addArray().add(p[0]).add(p[1]).add(p[2]);
        }
        ArrayNode couplings = o.putArray("couplings");
        for (FlowDiagram.Point p : result.points()) {
            ObjectNode n = couplings.addObject();
            n.put("K", p.coupling());
            ObjectNode c = n.putObject("coarse");
            p.coarse().estimates().forEach((name, e) -> c.set(name, JsonOutput.meanError(e)));
        }
        Optional<FlowDiagram.FixedPoint> fp = result.fixedPoint();
        if (fp.isPresent()) {
            o.set("fixed_point", JsonOutput.meanError(fp.get().coupling()));
            o.set("slope", JsonOutput.meanError(fp.get().slope()));
            o.set("nu", JsonOutput.meanError(fp.get().nu()));
        } else {
            o.putNull("fixed_point");
            o.putNull("slope");
            o.putNull("nu");
            o.put("note", "K'_nn - K does not change sign on the K range: no fixed point inside it");
        }
        ObjectNode exact = o.putObject("exact");
        exact.put("Kc", EXACT.criticalCoupling());
        exact.put("nu", (int) EXACT.nu()); // ν = 1 exactly, written as the integer it has always been
        o.put("elapsed_seconds", result.elapsedNanos() / 1e9);
        return o;
    }
}
