package dev.coarse.cli.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
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
        description = {"Mutual information between the flow's latents under the target (reweighted flow draws,"
                + " Gaussianised), distances d = -ln(I/I0) along the boundary and in depth, and the fits"
                + " a + b ln r versus a + b r, and a + b depth.",
            "Example: ./coarse flow geometry phi4c.flow.json --samples 20000 --json"})
public final class FlowGeometryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A flow file written by flow train --out.")
    Path model;

    @Option(names = "--samples", defaultValue = "20000", description = "Flow draws (default ${DEFAULT-VALUE}).")
    int samples;

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
        FlowSampler.Draws draws;
        try (FlowSampler sampler = new FlowSampler(loaded.target(), loaded.flow())) {
            draws = sampler.draw(samples, new SplittableRandom(seed.value()), true);
        }
        LatentGeometry g = LatentGeometry.measure(loaded.flow().architecture(), draws.latents(), draws.samples());
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("model", loaded.target().name());
            root.put("L", loaded.target().linearSize());
            ObjectNode boundary = root.putObject("boundary");
            ArrayNode rows = boundary.putArray("points");
            for (int i = 0; i < g.separations().length; i++) {
                ObjectNode p = rows.addObject();
                p.put("r", g.separations()[i]);
                JsonOutput.putNumber(p, "mi", g.boundaryMi()[i]);
                JsonOutput.putNumber(p, "distance", g.boundaryDistance()[i]);
            }
            boundary.set("log_fit", fit(g.logFit()));
            boundary.set("linear_fit", fit(g.linearFit()));
            ObjectNode depth = root.putObject("depth");
            ArrayNode drows = depth.putArray("points");
            for (int i = 0; i < g.depths().length; i++) {
                ObjectNode p = drows.addObject();
                p.put("depth", g.depths()[i]);
                JsonOutput.putNumber(p, "mi", g.depthMi()[i]);
                JsonOutput.putNumber(p, "distance", g.depthDistance()[i]);
            }
            depth.set("linear_fit", fit(g.depthFit()));
            JsonOutput.putNumber(root, "mi_noise_floor", g.noiseFloor());
            JsonOutput.putNumber(root, "ess_fraction", draws.samples().essFraction());
            root.put("samples", samples);
            root.put("seed", seed.value());
            output.print(root);
        } else {
            printText(output.out(), g);
        }
        return 0;
    }

    private static ObjectNode fit(double[] abR2) {
        ObjectNode n = JsonOutput.object();
        JsonOutput.putNumber(n, "a", abR2[0]);
        JsonOutput.putNumber(n, "b", abR2[1]);
        JsonOutput.putNumber(n, "r2", abR2[2]);
        return n;
    }

    private static void printText(PrintWriter out, LatentGeometry g) {
        out.println("boundary (depth 0):   r   I(r) nats     d = -ln(I/I(1))");
        for (int i = 0; i < g.separations().length; i++) {
            out.printf(Locale.ROOT, "                   %3d   %.4e   %.4f%n", g.separations()[i], g.boundaryMi()[i],
                    g.boundaryDistance()[i]);
        }
        out.printf(Locale.ROOT, "  d = a + b ln r: b = %.4f, R^2 = %.4f;  d = a + b r: b = %.4f, R^2 = %.4f%n",
                g.logFit()[1], g.logFit()[2], g.linearFit()[1], g.linearFit()[2]);
        out.println("depth (separation L/2):  depth   I nats     d");
        for (int i = 0; i < g.depths().length; i++) {
            out.printf(Locale.ROOT, "                       %3d   %.4e   %.4f%n", g.depths()[i], g.depthMi()[i],
                    g.depthDistance()[i]);
        }
        out.printf(Locale.ROOT, "  d = a + b depth: b = %.4f, R^2 = %.4f;  MI noise floor %.2e%n", g.depthFit()[1],
                g.depthFit()[2], g.noiseFloor());
    }
}
