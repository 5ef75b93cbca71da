package dev.coarse.cli.command;

import picocli.CommandLine.Option;

/** The {@code --seed} of a command whose randomness all comes from one seed (a picocli mixin). */
public final class Seed {

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the run, recorded in the outputs (default ${DEFAULT-VALUE}).")
    long seed;

    /** The seed: --seed, or 1. */
    public long value() {
        return seed;
    }
}
