package dev.coarse.cli.dynamics;

import dev.coarse.cli.command.UserError;
import dev.coarse.dynamics.BuiltinChains;
import dev.coarse.dynamics.MarkovChain;
import dev.coarse.dynamics.MarkovChainFile;
import dev.coarse.dynamics.SparseMarkovChain;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The chain a {@code dynamics} command works on: a file, or a built-in example (a picocli mixin). */
public final class ChainInput {


    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The chain: .json with \"transition_matrix\" or \"rate_matrix\" (rows), or CSV of the"
                    + " transition matrix, one row per line (rates with --rates); with --sparse, triplets.")
    Path file;

    @Option(names = "--sparse", description = "FILE lists the nonzero entries as triplets 'from to value', one per"
            + " line (0-based states, commas or white space, '#' comments, optional first line 'states N'):"
            + " transition probabilities, or rates with --rates (diagonal optional). Analysed without a dense matrix.")
    boolean sparse;

    @Option(names = "--rates", description = "The CSV file holds a rate matrix (rows sum to 0): a continuous-time"
            + " chain, analysed through its uniformised chain.")
    boolean rates;

    @Option(names = "--example", paramLabel = "NAME",
            description = "A built-in chain instead of FILE: double-well (a metastable random walk) or glauber (heat-bath"
                    + " dynamics of the Ising model on an L×L torus, exact 2^(L·L)-state chain).")
    String example;

    @Option(names = "--states", paramLabel = "N", defaultValue = "60",
            description = "Grid points of double-well (default: ${DEFAULT-VALUE}).")
    int states;

    @Option(names = "--T", paramLabel = "T",
            description = "Temperature of the example (default: 0.2 for double-well, 2.5 for glauber).")
    Double temperature;

    @Option(names = "--L", paramLabel = "L", defaultValue = "3",
            description = "Linear size of glauber's L×L torus, 2^(L·L) states (default: ${DEFAULT-VALUE}).")
    int linearSize;

    /** Whether the input is a sparse triplet file ({@link #sparseChain}). */
    public boolean sparse() {
        return sparse;
    }

    /** The sparse chain of a {@code --sparse} FILE, or a {@link UserError} naming what is wrong. */
    public SparseMarkovChain sparseChain() throws IOException {
        if (file == null || example != null) {
            throw new UserError("--sparse needs FILE (and no --example)");
        }
        return rates ? SparseMarkovChain.readRateTriplets(file) : SparseMarkovChain.readTriplets(file);
    }

    /** The chain, or a {@link UserError} naming what is wrong. */
    public MarkovChain chain() throws IOException {
        if ((file == null) == (example == null)) {
            throw new UserError("give exactly one of FILE and --example");
        }
        if (sparse) {
            return sparseChain().toDense();
        }
        if (file != null) {
            try {
                return MarkovChainFile.read(file, rates ? MarkovChainFile.Kind.RATES : MarkovChainFile.Kind.TRANSITIONS);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().contains("has 3 entries, expected")) {
                    throw new UserError(e.getMessage() + "; for a file of 'from to value' triplets add --sparse");
                }
                throw e;
            }
        }
        return switch (example) {
            case "double-well" -> BuiltinChains.doubleWell(states, temperature == null ? 0.2 : temperature);
            case "glauber" -> {
                if (linearSize < 2 || linearSize * linearSize > BuiltinChains.MAX_GLAUBER_SITES) {
                    throw new UserError("--L must be 2 or 3 for glauber (2^(L·L) states, dense), got " + linearSize);
                }
                yield BuiltinChains.glauber(IsingModel.atTemperature(Lattice.square(linearSize),
                        temperature == null ? 2.5 : temperature));
            }
            default -> throw new UserError("unknown --example '" + example + "' (expected double-well or glauber)");
        };
    }

    /** What the chain is, for the output. */
    public String source() {
        return file != null ? file.toString() : example;
    }
}
