package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.rg.FractionalBrownianMotion;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse rg hurst}: synthesise fractional Brownian motion and recover its Hurst exponent. */
@Command(name = "hurst", mixinStandardHelpOptions = true,
        description = "Exact fractional Brownian motion (Davies–Harte) and its Hurst exponent from block sums of increments.")
public final class RgHurstCommand implements Runnable {

    @Option(names = "--h", defaultValue = "0.7", description = "Hurst exponent in (0, 1). Default: ${DEFAULT-VALUE}.")
    double hurst;

    @Option(names = "--n", defaultValue = "4096", description = "Increments per series, a power of two. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--series", defaultValue = "64", description = "Independent series (jackknife units). Default: ${DEFAULT-VALUE}.")
    int series;

    @Option(names = "--max-block", description = "Largest block size m (default n/16).")
    Integer maxBlock;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public void run() {
        FractionalBrownianMotion fbm = new FractionalBrownianMotion(hurst);
        if (series < 2) {
            throw new UserError("--series must be at least 2, got " + series);
        }
        int block = maxBlock != null ? maxBlock : Math.max(2, n / 16);
        FractionalBrownianMotion.HurstEstimate est = FractionalBrownianMotion.estimateHurst(
                fbm.incrementSeries(series, n, seed.value()), block);
        PrintWriter out = output.out();
        if (output.json()) {
            ObjectNode o = JsonOutput.object();
            o.put("h_true", hurst);
            o.set("h", JsonOutput.estimate(est.hurst()));
            o.put("n", n);
            o.put("series", series);
            o.put("seed", seed.value());
            ArrayNode sizes = o.putArray("block_sizes");
            ArrayNode vars = o.putArray("variances");
            for (int i = 0; i < est.blockSizes().length; i++) {
                sizes.add(est.blockSizes()[i]);
                vars.add(est.variances()[i]);
            }
            output.print(o);
            return;
        }
        out.printf("h = %.4f ± %.4f (true %.4f) from %d series of %d increments%n", est.hurst().mean(),
                est.hurst().error(), hurst, series, n);
        out.flush();
    }
}
