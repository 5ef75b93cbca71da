package dev.coarse.cli.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.EnsembleFile;
import dev.coarse.learn.flow.FlowEnsembles;
import dev.coarse.learn.flow.FlowFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coarse flow sample}: an ensemble of the target from a trained flow, by independence Metropolis–Hastings. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Draw an ensemble of the flow's target: flow proposals accepted by independence Metropolis-Hastings"
                + " (exact in law; Ising spins drawn from the Hubbard-Stratonovich field).",
            "Example: ./coarse flow sample ising8.flow.json --n 5000 --out ens.h5 --json"})
public final class FlowSampleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A flow file written by flow train --out.")
    Path model;

    @Option(names = "--n", defaultValue = "1000", description = "Configurations (proposals) (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--out", required = true, paramLabel = "FILE.h5", description = "The ensemble file to write.")
    Path out;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(model)) {
            throw new UserError(model + " does not exist");
        }
        if (Files.exists(out) && !force) {
            throw new UserError(out + " exists (use --force to overwrite)");
        }
        if (n < 2) {
            throw new UserError("--n must be >= 2, got " + n);
        }
        FlowFile.Loaded loaded;
        try {
            loaded = FlowFile.load(model);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        FlowEnsembles.Result result = FlowEnsembles.sample(loaded.target(), loaded.flow(), n, seed.value());
        EnsembleFile.write(out, result.ensemble(), force);
        if (output.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("model", loaded.target().name());
            root.put("L", loaded.target().linearSize());
            root.put("configurations", n);
            JsonOutput.putNumber(root, "acceptance", result.chain().acceptance());
            JsonOutput.putNumber(root, "tau_int", result.chain().tauInt());
            root.set(loaded.target().observableName(), JsonOutput.estimate(result.chain().observable()));
            root.put("out", out.toString());
            root.put("seed", seed.value());
            output.print(root);
        } else {
            output.out().printf(Locale.ROOT, "%d configurations of %s L=%d: acceptance %.4f, tau_int %.3f, %s = %s%n"
                            + "wrote %s%n", n, loaded.target().name(), loaded.target().linearSize(),
                    result.chain().acceptance(), result.chain().tauInt(), loaded.target().observableName(),
                    result.chain().observable(), out);
        }
        return 0;
    }
}
