package dev.coarse.cli.rgflow;

import dev.coarse.cli.command.UserError;
import dev.coarse.learn.rgflow.Preprocessing;
import dev.coarse.learn.rgflow.Prior;
import dev.coarse.learn.rgflow.RgFlowSettings;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The network and training options of {@code rgflow train} and {@code rgflow compare}. */
public final class NetworkOptions {

    @Option(names = "--prior", defaultValue = "laplace", paramLabel = "laplace|gaussian", description = "The latents' prior (default ${DEFAULT-VALUE}).")
    String prior;

    @Option(names = "--preprocess", defaultValue = "logit", paramLabel = "logit|affine", description = "Dequantised pixels y to flow variables: logit(0.05 + 0.9 y) or 2y - 1 (default ${DEFAULT-VALUE}).")
    String preprocessing;

    @Option(names = "--couplings", defaultValue = "4", description = "Affine couplings per plaquette block (default ${DEFAULT-VALUE}).")
    int couplings;

    @Option(names = "--hidden-layers", defaultValue = "1", description = "Hidden layers of each coupling MLP (default ${DEFAULT-VALUE}).")
    int hiddenLayers;

    @Option(names = "--width", defaultValue = "32", description = "Units per hidden layer (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--batch", defaultValue = "64", description = "Images per Adam step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam step size (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--clip", defaultValue = "50", description = "Clip the gradient's global norm to this (default ${DEFAULT-VALUE}).")
    double clip;

    /** The settings these options give. */
    public RgFlowSettings settings(boolean flat, long seed) {
        try {
            return new RgFlowSettings(flat, Prior.valueOf(prior.toUpperCase(Locale.ROOT)),
                    Preprocessing.valueOf(preprocessing.toUpperCase(Locale.ROOT)), couplings, hiddenLayers, width, batch,
                    epochs, learningRate, clip, seed);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().startsWith("No enum") ? "--prior must be laplace or gaussian and "
                    + "--preprocess logit or affine, got " + prior + ", " + preprocessing : e.getMessage(), e);
        }
    }
}
