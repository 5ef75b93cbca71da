package dev.coarse.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.learn.rbm.RbmRecipe;
import dev.coarse.stats.Estimate;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coarse rbm …}: restricted Boltzmann machines. {@code recipe} runs the lecture's plaquette RG recipe
 * (docs/rbm.md). {@code train} and {@code stack} need ensemble files and are not wired yet.
 */
@Command(name = "rbm", mixinStandardHelpOptions = true,
        description = "Restricted Boltzmann machines and the RBM renormalization group (docs/rbm.md).",
        subcommands = {RbmCommand.Recipe.class})
public final class RbmCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** How the block RBM is fitted. */
    public enum Method {
        EXACT, CD
    }

    /** {@code coarse rbm recipe}. */
    @Command(name = "recipe", mixinStandardHelpOptions = true,
            description = "The 2D Ising RG by RBM plaquettes: flow J -> J', fixed point J* and exponent nu.")
    static final class Recipe implements Callable<Integer> {

        @Option(names = "--method", defaultValue = "EXACT",
                description = "exact (exact KL minimisation) or cd (CD training on exactly sampled blocks). Default: ${DEFAULT-VALUE}.")
        Method method;

        @Option(names = "--block", defaultValue = "2",
                description = "2: corner-sharing 2x2 plaquettes (the lecture, b = sqrt 2); 3: edge-sharing 3x3 blocks (b = 2, projected). Default: ${DEFAULT-VALUE}.")
        int block;

        @Option(names = "--hidden", defaultValue = "1",
                description = "Hidden spins per block; only 1 gives a one-coupling map. Default: ${DEFAULT-VALUE}.")
        int hidden;

        @Option(names = "--seed", defaultValue = "2026", description = "Seed of the cd method. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (block != 2 && block != 3) {
                throw new UserError("--block must be 2 or 3, got " + block);
            }
            if (hidden != 1) {
                throw new UserError("--hidden " + hidden + " is not supported: with more than one hidden spin per block"
                        + " the coarse model is not a one-coupling Ising model (see docs/rbm.md)");
            }
            PrintWriter err = spec.commandLine().getErr();
            RbmRecipe.Result result;
            if (method == Method.EXACT) {
                result = RbmRecipe.exact(block);
            } else {
                err.println("coarse rbm recipe: CD training of " + RbmRecipe.CdSettings.defaults(seed).replicas()
                        + " replicas (about a minute)…");
                err.flush();
                result = RbmRecipe.contrastiveDivergence(block, RbmRecipe.CdSettings.defaults(seed));
            }
            PrintWriter out = spec.commandLine().getOut();
            RbmRecipe.FixedPoint fp = result.fixedPoint();
            if (json) {
                ObjectNode root = JsonOutput.object();
                root.put("method", method.name().toLowerCase(java.util.Locale.ROOT));
                root.put("block", block);
                root.put("hidden", hidden);
                root.put("scale_factor", RbmRecipe.scaleFactor(block));
                if (method == Method.CD) {
                    root.put("seed", seed);
                }
                root.set("J_star", meanError(fp.couplingStar()));
                root.set("nu", meanError(fp.nu()));
                JsonOutput.putNumber(root, "w_star", fp.weightStar());
                ArrayNode flow = root.putArray("flow");
                for (double[] point : result.flow()) {
                    flow.addArray().add(point[0]).add(point[1]);
                }
                JsonOutput.print(out, root);
            } else {
                out.printf("block %d, method %s: J* = %s, nu = %s, w* = %.6f%n", block,
                        method.name().toLowerCase(java.util.Locale.ROOT), fp.couplingStar(),
                        fp.nu(), fp.weightStar());
                out.flush();
            }
            return 0;
        }

        private static ObjectNode meanError(Estimate e) {
            ObjectNode n = JsonOutput.object();
            JsonOutput.putNumber(n, "mean", e.mean());
            JsonOutput.putNumber(n, "error", e.error());
            return n;
        }
    }
}
