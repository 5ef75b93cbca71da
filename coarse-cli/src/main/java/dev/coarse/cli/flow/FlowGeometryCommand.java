package dev.coarse.cli.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.DataShape;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.learn.flow.EnsembleLatents;
import dev.coarse.learn.flow.FlowFile;
import dev.coarse.learn.flow.FlowSampler;
import dev.coarse.learn.flow.LatentGeometry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coarse flow geometry}: holographic distances between a trained flow's latents. */
@Command(name = "geometry", mixinStandardHelpOptions = true,
        description = {"Mutual information between the flow's latents under the target (Gaussianised), distances"
                + " d = -ln(I/I0) along the boundary and in depth, and the fits a + b ln r versus a + b r, and"
                + " a + b depth, with jackknife errors. The latents' law comes from reweighted flow draws, or"
                + " (--ensemble) from an ensemble of the target mapped through the flow's inverse, unweighted.",
            "Example: ./coarse flow geometry phi4c.flow.json --ensemble phi4c-hmc.h5 --json"})
public final class FlowGeometryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A flow file written by flow train --out.")
    Path model;

    @Option(names = "--samples", defaultValue = "20000",
            description = "Flow draws, without --ensemble (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--ensemble", paramLabel = "FILE.h5", description = "An ensemble of the flow's model and L"
            + " (e.g. from coarse sample, HMC): its configurations' latents z = g^-1(x), no weights.")
    Path ensemble;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(model)) {
            throw new UserError(model + " does not exist");
        }
        if (samples < 2) {
            throw new UserError("--samples must be >= 2, got " + samples);
        }
        FlowFile.Loaded loaded;
        try {
            loaded = FlowFile.load(model);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        LatentGeometry g;
        EnsembleLatents.Result mapped = null;
        if (ensemble != null) {
            mapped = mapEnsemble(loaded);
            g = LatentGeometry.measureUnweighted(loaded.flow().architecture(), mapped.latents(),
                    mapped.effectiveSamples());
        } else {
            FlowSampler.Draws draws;
            try (FlowSampler sampler = new FlowSampler(loaded.target(), loaded.flow())) {
                draws = sampler.draw(samples, new SplittableRandom(seed.value()), true);
            }
            g = LatentGeometry.measure(loaded.flow().architecture(), draws.latents(), draws.samples());
        }
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("model", loaded.target().name());
            root.put("L", loaded.target().linearSize());
            root.put("latents_from", ensemble != null ? "ensemble" : "flow_draws");
            if (ensemble != null) {
                root.put("ensemble", ensemble.toString());
                JsonOutput.putNumber(root, "tau_int", mapped.tauInt());
            }
            ObjectNode boundary = root.putObject("boundary");
            ArrayNode rows = boundary.putArray("points");
            for (int i = 0; i < g.separations().length; i++) {
                ObjectNode p = rows.addObject();
                p.put("r", g.separations()[i]);
                JsonOutput.putNumber(p, "mi", g.boundaryMi()[i]);
                JsonOutput.putNumber(p, "mi_error", g.boundaryMiError()[i]);
                JsonOutput.putNumber(p, "distance", g.boundaryDistance()[i]);
                JsonOutput.putNumber(p, "distance_error", g.boundaryDistanceError()[i]);
            }
            boundary.set("log_fit", fit(g.logFit(), g.logFitError()));
            boundary.set("linear_fit", fit(g.linearFit(), g.linearFitError()));
            ObjectNode advantage = boundary.putObject("r2_log_minus_linear");
            JsonOutput.putNumber(advantage, "mean", g.r2Advantage()[0]);
            JsonOutput.putNumber(advantage, "error", g.r2Advantage()[1]);
            LatentGeometry.SameKind same = g.sameKind();
            ObjectNode kind = root.putObject("boundary_same_kind");
            ArrayNode krows = kind.putArray("points");
            for (int i = 0; i < same.separations().length; i++) {
                ObjectNode p = krows.addObject();
                p.put("r", same.separations()[i]);
                JsonOutput.putNumber(p, "mi", same.mi()[i]);
                JsonOutput.putNumber(p, "mi_error", same.miError()[i]);
                JsonOutput.putNumber(p, "distance", same.distance()[i]);
                JsonOutput.putNumber(p, "distance_error", same.distanceError()[i]);
            }
            kind.set("log_fit", fit(same.logFit(), same.logFitError()));
            kind.set("linear_fit", fit(same.linearFit(), same.linearFitError()));
            ObjectNode kindAdvantage = kind.putObject("r2_log_minus_linear");
            JsonOutput.putNumber(kindAdvantage, "mean", same.r2Advantage()[0]);
            JsonOutput.putNumber(kindAdvantage, "error", same.r2Advantage()[1]);
            ObjectNode depth = root.putObject("depth");
            ArrayNode drows = depth.putArray("points");
            for (int i = 0; i < g.depths().length; i++) {
                ObjectNode p = drows.addObject();
                p.put("depth", g.depths()[i]);
                JsonOutput.putNumber(p, "mi", g.depthMi()[i]);
                JsonOutput.putNumber(p, "mi_error", g.depthMiError()[i]);
                JsonOutput.putNumber(p, "distance", g.depthDistance()[i]);
                JsonOutput.putNumber(p, "distance_error", g.depthDistanceError()[i]);
            }
            depth.set("linear_fit", fit(g.depthFit(), g.depthFitError()));
            JsonOutput.putNumber(root, "mi_noise_floor", g.noiseFloor());
            if (ensemble == null) {
                JsonOutput.putNumber(root, "ess_fraction", g.effectiveSamples() / g.samples());
            }
            root.put("samples", g.samples());
            JsonOutput.putNumber(root, "effective_samples", g.effectiveSamples());
            root.put("jackknife_blocks", Math.min(LatentGeometry.BLOCKS, g.samples()));
            if (ensemble == null) {
                root.put("seed", seed.value());
            }
            output.print(root);
        } else {
            printText(output.out(), g);
        }
        return 0;
    }

    /** Reads the ensemble (memory checked from its header first) and maps it through the flow's inverse. */
    private EnsembleLatents.Result mapEnsemble(FlowFile.Loaded loaded) {
        if (!Files.exists(ensemble)) {
            throw new UserError(ensemble + " does not exist");
        }
        Ensemble data;
        try {
            DataShape shape = DataShape.of(ensemble, 0);
            MemoryGuard.require(2 * shape.readBytes(), "flow geometry " + ensemble.getFileName() + " ("
                    + shape.samples() + " configurations × " + shape.values() + " values, and their latents)");
            data = EnsembleFile.read(ensemble);
        } catch (IOException e) {
            throw new UserError(ensemble + ": " + e.getMessage(), e);
        }
        try {
            return EnsembleLatents.of(loaded.target(), loaded.flow(), data);
        } catch (IllegalArgumentException e) {
            throw new UserError(ensemble + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode fit(double[] abR2, double[] errors) {
        ObjectNode n = JsonOutput.object();
        JsonOutput.putNumber(n, "a", abR2[0]);
        JsonOutput.putNumber(n, "b", abR2[1]);
        JsonOutput.putNumber(n, "r2", abR2[2]);
        JsonOutput.putNumber(n, "r2_error", errors[2]);
        return n;
    }

    private static void printText(PrintWriter out, LatentGeometry g) {
        out.println("boundary (depth 0):   r   I(r) nats               d = -ln(I/I(1))");
        for (int i = 0; i < g.separations().length; i++) {
            out.printf(Locale.ROOT, "                   %3d   %.4e ± %.1e   %.4f ± %.4f%n", g.separations()[i],
                    g.boundaryMi()[i], g.boundaryMiError()[i], g.boundaryDistance()[i], g.boundaryDistanceError()[i]);
        }
        out.printf(Locale.ROOT, "  d = a + b ln r: b = %.4f, R^2 = %.4f;  d = a + b r: b = %.4f, R^2 = %.4f;"
                + "  R^2 difference %.4f ± %.4f%n", g.logFit()[1], g.logFit()[2], g.linearFit()[1], g.linearFit()[2],
                g.r2Advantage()[0], g.r2Advantage()[1]);
        LatentGeometry.SameKind same = g.sameKind();
        out.println("boundary, same kind (even r):   r   d = -ln(I/I(2))");
        for (int i = 0; i < same.separations().length; i++) {
            out.printf(Locale.ROOT, "                              %3d   %.4f ± %.4f%n", same.separations()[i],
                    same.distance()[i], same.distanceError()[i]);
        }
        out.printf(Locale.ROOT, "  d = a + b ln r: R^2 = %.4f;  d = a + b r: R^2 = %.4f;  R^2 difference %.4f ± %.4f%n",
                same.logFit()[2], same.linearFit()[2], same.r2Advantage()[0], same.r2Advantage()[1]);
        out.println("depth (separation L/2):  depth   I nats               d");
        for (int i = 0; i < g.depths().length; i++) {
            out.printf(Locale.ROOT, "                       %3d   %.4e ± %.1e   %.4f ± %.4f%n", g.depths()[i],
                    g.depthMi()[i], g.depthMiError()[i], g.depthDistance()[i], g.depthDistanceError()[i]);
        }
        out.printf(Locale.ROOT, "  d = a + b depth: b = %.4f, R^2 = %.4f ± %.4f;  n = %d, n_eff = %.0f,"
                + " MI noise floor %.2e%n", g.depthFit()[1], g.depthFit()[2], g.depthFitError()[2], g.samples(),
                g.effectiveSamples(), g.noiseFloor());
    }
}
