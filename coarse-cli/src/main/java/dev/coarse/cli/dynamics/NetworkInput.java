package dev.coarse.cli.dynamics;

import dev.coarse.cli.command.UserError;
import dev.coarse.dynamics.reaction.BuiltinNetworks;
import dev.coarse.dynamics.reaction.ReactionNetwork;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The reaction network a command works on: a YAML spec, or a built-in example (a picocli mixin). */
public final class NetworkInput {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC.yaml",
            description = "Reaction-network spec: species (initial counts), reactions (reactants, products, rate,"
                    + " optional fast: true), optional quasi_steady species (docs/dynamics.md).")
    Path file;

    @Option(names = "--example", paramLabel = "NAME",
            description = "A built-in network instead of SPEC: birth-death, michaelis-menten or schloegl.")
    String example;

    /** The network, or a {@link UserError}. */
    public ReactionNetwork network() throws IOException {
        if ((file == null) == (example == null)) {
            throw new UserError("give exactly one of SPEC.yaml and --example");
        }
        if (file != null) {
            return ReactionSpecFile.read(file);
        }
        try {
            return BuiltinNetworks.named(example);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** What the network is, for the output. */
    public String source() {
        return file != null ? file.toString() : example;
    }
}
