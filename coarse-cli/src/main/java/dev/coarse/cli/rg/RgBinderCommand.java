package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.UserError;
import dev.coarse.mc.SamplerKind;
import dev.coarse.naming.Identified;
import dev.coarse.rg.BinderCrossing;
import dev.coarse.rg.PowerLawFit;
import dev.coarse.stats.Estimate;
import dev.coarse.study.BinderScan;
import dev.coarse.study.StudyModel;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse rg binder}: T<sub>c</sub> from Binder-cumulant crossings and γ/ν from χ(L) at T<sub>c</sub>. */
@Command(name = "binder", mixinStandardHelpOptions = true,
        description = {"Finite-size scaling: sample several L over a temperature grid, locate Binder-cumulant crossings "
                + "(-> T_c, K_c with error) and fit chi(L) at T_c (-> gamma/nu).",
            "Example: ./coarse rg binder --model ising2d --L 16,32,64 --T-range 2.25:2.29:7 --sweeps 20000 --json"})
public final class RgBinderCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "ising2d, ising3d or potts2d.")
    String model;

    @Option(names = "--q", defaultValue = "3", description = "Potts states (potts2d only; default ${DEFAULT-VALUE}).")
    int q;

    @Option(names = "--L", required = true, paramLabel = "L1,L2,…", description = "At least two linear sizes.")
    String sizes;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Grid grid;

    @Option(names = "--sampler", defaultValue = "wolff", description = "wolff or sw (Ising), wolff (Potts); any "
            + "sampler of `coarse sample` works. Default ${DEFAULT-VALUE}.")
    String sampler;

    @Option(names = "--sweeps", defaultValue = "4000",
            description = "Measured sweep-equivalents per (L, T) point (default ${DEFAULT-VALUE}).")
    int sweeps;

    @Option(names = "--thermalize", defaultValue = "200",
            description = "Thermalisation sweep-equivalents per point (default ${DEFAULT-VALUE}).")
    int thermalize;

    @Option(names = "--fine", paramLabel = "N", description = "After the scan, rescan N temperatures over "
            + "T_c·(1 ± --fine-width) around its estimate and report the fine scan.")
    Integer fine;

    @Option(names = "--fine-width", defaultValue = "0.01",
            description = "Relative half-width of the fine window (default ${DEFAULT-VALUE}).")
    double fineWidth;

    @Mixin
    RunOptions run;

    static final class Grid {
        @Option(names = "--T-range", paramLabel = "a:b:n", description = "Temperatures from a to b in n ≥ 4 points.")
        String t;

        @Option(names = "--K-range", paramLabel = "a:b:n", description = "Couplings K = 1/T from a to b in n ≥ 4 points.")
        String k;

        double[] temperatures() {
            if (t != null) {
                return Ranges.grid("--T-range", t);
            }
            double[] ks = Ranges.grid("--K-range", k);
            double[] ts = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                ts[ks.length - 1 - i] = 1 / ks[i];
            }
            return ts;
        }
    }

    @Override
    public Integer call() {
        StudyModel.Family family = Identified.find(StudyModel.Family.class, model).orElseThrow(() -> new UserError(
                "unknown model '" + model + "' for a Binder scan; valid: "
                        + String.join(", ", Identified.ids(StudyModel.Family.class))));
        int[] ls = Ranges.sizes("--L", sizes, 2);
        double[] ts = grid.temperatures();
        if (ts.length < 4) {
            throw new UserError("a Binder scan needs at least 4 temperatures (for the cubic fit), got " + ts.length);
        }
        if (fine != null && fine < 4) {
            throw new UserError("--fine needs at least 4 points, got " + fine);
        }
        int nThreads = run.threads();
        SamplerKind kind = SamplerKind.forId(sampler, family.model(ls[0], ts[0], q));
        BinderScan.Spec scan = new BinderScan.Spec(family, q, ls, ts, kind, sweeps, thermalize, run.seed(), nThreads);
        BinderScan.Result r;
        try (ProgressReporter bar = run.progress.bar("rg binder")) {
            r = fine == null ? BinderScan.run(scan, bar) : BinderScan.coarseThenFine(scan, fine, fineWidth, bar);
        }
        PrintWriter out = run.output.out();
        if (run.output.json()) {
            run.output.print(toJson(r));
            return 0;
        }
        out.printf("%s  L = %s  sampler %s  %d sweeps/point  seed %d%n", family.id(),
                Arrays.toString(r.spec().sizes()), sampler, sweeps, run.seed());
        for (BinderCrossing.Crossing c : r.crossings()) {
            out.printf("  crossing L=%d/L=%d: T = %.6f ± %.6f%n", c.sizeA(), c.sizeB(), c.temperature().mean(),
                    c.temperature().error());
        }
        out.printf("T_c = %.6f ± %.6f (statistical %.2g, systematic %.2g)%n", r.criticalTemperature().mean(),
                r.criticalTemperature().error(), r.statistical(), r.systematic());
        out.printf("K_c = %.7f ± %.7f%n", r.criticalCoupling().mean(), r.criticalCoupling().error());
        PowerLawFit g = r.gammaOverNu();
        out.printf("gamma/nu = %.4f ± %.4f (chi2 = %.3g, dof %d)%n", g.exponent().mean(), g.exponent().error(),
                g.chiSquared(), g.degreesOfFreedom());
        out.flush();
        return 0;
    }

    static ObjectNode toJson(BinderScan.Result r) {
        ObjectNode o = JsonOutput.object();
        BinderScan.Spec s = r.spec();
        o.put("model", s.family().id());
        if (s.family() == StudyModel.Family.POTTS2D) {
            o.put("q", s.q());
        }
        ArrayNode sizes = o.putArray("sizes");
        for (int l : s.sizes()) {
            sizes.add(l);
        }
        o.put("sampler", s.sampler().id());
        o.put("sweeps", s.sweeps());
        o.put("thermalize", s.thermalize());
        o.put("seed", s.seed());
        ArrayNode crossings = o.putArray("crossings");
        for (BinderCrossing.Crossing c : r.crossings()) {
            ObjectNode n = crossings.addObject();
            n.put("L1", c.sizeA());
            n.put("L2", c.sizeB());
            n.set("T", JsonOutput.meanError(c.temperature()));
        }
        ObjectNode tc = JsonOutput.meanError(r.criticalTemperature());
        JsonOutput.putNumber(tc, "statistical", r.statistical());
        JsonOutput.putNumber(tc, "systematic", r.systematic());
        tc.put("method", "crossing of the two largest sizes; systematic = half its distance to the previous crossing");
        o.set("Tc", tc);
        o.set("Kc", JsonOutput.meanError(r.criticalCoupling()));
        ObjectNode g = JsonOutput.meanError(r.gammaOverNu().exponent());
        JsonOutput.putNumber(g, "chi2", r.gammaOverNu().chiSquared());
        g.put("dof", r.gammaOverNu().degreesOfFreedom());
        o.set("gamma_over_nu", g);
        ArrayNode curves = o.putArray("curves");
        for (BinderScan.SizeCurve c : r.curves()) {
            ObjectNode n = curves.addObject();
            n.put("L", c.linearSize());
            ArrayNode points = n.putArray("points");
            for (BinderScan.Point p : c.points()) {
                ObjectNode q = points.addObject();
                q.put("T", p.temperature());
                q.set("binder", JsonOutput.meanError(p.binder()));
                q.set("susceptibility", JsonOutput.meanError(p.susceptibility()));
                q.set("abs_magnetization", JsonOutput.meanError(p.absMagnetization()));
                q.set("energy_per_site", JsonOutput.meanError(p.energyPerSite()));
            }
        }
        o.put("elapsed_seconds", r.elapsedNanos() / 1e9);
        return o;
    }
}
