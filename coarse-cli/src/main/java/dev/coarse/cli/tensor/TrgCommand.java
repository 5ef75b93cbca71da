package dev.coarse.cli.tensor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.Json;
import dev.coarse.data.NpyFile;
import dev.coarse.tensor.ConformalData;
import dev.coarse.tensor.LocalTensors;
import dev.coarse.tensor.RgStep;
import dev.coarse.tensor.Tensor4;
import dev.coarse.tensor.TensorModel;
import dev.coarse.tensor.TensorRg;
import dev.coarse.tensor.TensorRgResult;
import dev.coarse.tensor.TensorRgSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coarse trg}: ln Z per site of the 2D Ising or Potts model (or a user's tensor) by TRG, HOTRG or
 * bond-weighted TRG, on the infinite lattice or an L×L torus, with the Gu–Wen central charge and scaling dimensions
 * of every step ({@code dev.coarse.tensor}).
 */
@Command(name = "trg", mixinStandardHelpOptions = true,
        description = {"Tensor-network RG: ln Z per site (against Onsager or Kaufman where exact), truncation error, "
                + "central charge and scaling dimensions per step.",
            "Example: ./coarse trg --model ising2d --T 2.269185314213022 --chi 24 --steps 30 --scheme btrg --json"},
        subcommands = {TrgScanCommand.class})
public final class TrgCommand implements Callable<Integer> {

    @Mixin
    TensorOptions options;

    @Option(names = "--T", paramLabel = "T", description = "Temperature (required unless --tensor).")
    Double temperature;

    @Option(names = "--h", defaultValue = "0", description = "Magnetic field (ising2d; default ${DEFAULT-VALUE}).")
    double field;

    @Option(names = "--L", paramLabel = "2^n", description = "A finite L×L torus (L a power of two) instead of the "
            + "infinite lattice; the steps are then 2 log2 L.")
    Integer size;

    @Option(names = "--tensor", paramLabel = "FILE.npy", description = "A local tensor of shape (Dl, Du, Dr, Dd), "
            + "one site each, instead of --model (docs/tensor.md).")
    Path tensorFile;

    @Option(names = "--no-cft", description = "Skip the Gu-Wen analysis of every step (ln Z only, faster).")
    boolean noConformal;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        options.check();
        if (size != null && (size < 2 || Integer.bitCount(size) != 1)) {
            throw new UserError("--L must be a power of two >= 2, got " + size);
        }
        TensorRgSettings settings = size == null
                ? TensorRgSettings.infinite(options.scheme(), options.chi, options.steps, !noConformal)
                : TensorRgSettings.torus(options.scheme(), options.chi, size, !noConformal);
        TensorModel model = null;
        Tensor4 local;
        if (tensorFile != null) {
            if (!Files.exists(tensorFile)) {
                throw new UserError(tensorFile + " does not exist");
            }
            options.requireMemory(settings, (int) Math.min(Integer.MAX_VALUE,
                    Arrays.stream(NpyFile.readHeader(tensorFile).shape()).max().orElse(1)), "trg");
            local = LocalTensors.fromNpy(tensorFile);
        } else {
            if (temperature == null) {
                throw new UserError("--T is required (or give --tensor FILE.npy)");
            }
            model = options.model(temperature, field);
            local = model.localTensor();
            options.requireMemory(settings, TensorOptions.bond(local), "trg");
        }
        long start = System.nanoTime();
        TensorRgResult result = TensorRg.run(local, settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        OptionalDouble exact = model == null ? OptionalDouble.empty()
                : model.exactLnZPerSite(settings.torusSize());
        if (output.json()) {
            output.print(toJson(model, result, exact, seconds));
            return 0;
        }
        print(output.out(), model, result, exact, seconds);
        return 0;
    }

    static ObjectNode toJson(TensorModel model, TensorRgResult r, OptionalDouble exact, double seconds) {
        ObjectNode o = JsonOutput.object();
        TensorRgSettings s = r.settings();
        if (model != null) {
            o.put("model", model.family().id());
            o.put("q", model.q());
            o.put("T", model.temperature());
            o.put("h", model.field());
        } else {
            o.put("model", "tensor");
        }
        o.put("scheme", s.scheme().id());
        o.put("chi", s.chi());
        o.put("steps", s.steps());
        if (s.isInfinite()) {
            o.putNull("L");
        } else {
            o.put("L", s.torusSize());
            JsonOutput.putNumber(o, "ln_z", r.lnZ());
        }
        JsonOutput.putNumber(o, "ln_z_per_site", r.lnZPerSite());
        if (model != null) {
            JsonOutput.putNumber(o, "free_energy_per_site", r.freeEnergyPerSite(model.temperature()));
        }
        if (exact.isPresent()) {
            JsonOutput.putNumber(o, "exact_ln_z_per_site", exact.getAsDouble());
            JsonOutput.putNumber(o, "relative_error",
                    Math.abs(r.lnZPerSite() - exact.getAsDouble()) / Math.abs(exact.getAsDouble()));
        }
        RgStep best = r.bestConformalStep();
        if (best != null) {
            o.put("best_step", best.step());
            JsonOutput.putNumber(o, "central_charge", best.conformal().centralCharge());
            o.set("scaling_dimensions", Json.numbers(best.conformal().scalingDimensions()));
        }
        JsonOutput.putNumber(o, "max_truncation_error", r.maxTruncationError());
        ArrayNode steps = o.putArray("per_step");
        for (RgStep step : r.steps()) {
            ObjectNode n = steps.addObject();
            n.put("step", step.step());
            JsonOutput.putNumber(n, "ln_z", step.lnZPerSite());
            JsonOutput.putNumber(n, "truncation_error", step.truncationError());
            ConformalData c = step.conformal();
            if (c != null) {
                JsonOutput.putNumber(n, "c", c.centralCharge());
                n.set("x", Json.numbers(c.scalingDimensions()));
            }
            n.set("spectrum", Json.numbers(step.spectrum()));
        }
        o.put("elapsed_seconds", seconds);
        return o;
    }

    private static void print(PrintWriter out, TensorModel model, TensorRgResult r, OptionalDouble exact,
                              double seconds) {
        TensorRgSettings s = r.settings();
        out.printf("%s  %s  chi %d  %s%n", model == null ? "tensor" : model.family().id()
                        + (model.family() == TensorModel.Family.POTTS2D ? " q=" + model.q() : "")
                        + "  T = " + model.temperature() + (model.field() != 0 ? "  h = " + model.field() : ""),
                s.scheme().id(), s.chi(), s.isInfinite() ? s.steps() + " steps, infinite lattice"
                        : "L = " + s.torusSize() + " torus (" + s.steps() + " steps)");
        out.printf("ln Z / N = %.15f%n", r.lnZPerSite());
        if (model != null) {
            out.printf("f        = %.15f%n", r.freeEnergyPerSite(model.temperature()));
        }
        if (exact.isPresent()) {
            out.printf("exact    = %.15f   relative error %.2e%n", exact.getAsDouble(),
                    Math.abs(r.lnZPerSite() - exact.getAsDouble()) / Math.abs(exact.getAsDouble()));
        }
        out.printf("%5s %12s %10s %9s  %s%n", "step", "ln Z / N", "trunc.err", "c", "x (lowest)");
        for (RgStep step : r.steps()) {
            ConformalData c = step.conformal();
            double[] x = c == null ? new double[0] : c.scalingDimensions();
            out.printf("%5d %12.9f %10.2e %9.5f  %s%n", step.step(), step.lnZPerSite(), step.truncationError(),
                    c == null ? Double.NaN : c.centralCharge(),
                    Arrays.toString(Arrays.stream(x).limit(6).mapToObj(v -> String.format("%.4f", v)).toArray()));
        }
        RgStep best = r.bestConformalStep();
        if (best != null) {
            out.printf("best step %d: c = %.5f, x = %s%n", best.step(), best.conformal().centralCharge(),
                    Arrays.toString(Arrays.stream(best.conformal().scalingDimensions()).limit(6)
                            .mapToObj(v -> String.format("%.5f", v)).toArray()));
        }
        out.printf("%.2f s%n", seconds);
        out.flush();
    }
}
