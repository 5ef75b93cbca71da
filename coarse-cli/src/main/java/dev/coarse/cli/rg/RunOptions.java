package dev.coarse.cli.rg;

import dev.coarse.cli.command.UserError;
import picocli.CommandLine.Option;

/** Options shared by the sampling {@code rg} commands: seed, threads, JSON output and progress. */
public final class RunOptions {

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    public long seed() {
        return seed;
    }

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }

    /** --threads, or the number of cores. */
    public int threads() {
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be ≥ 1, got " + threads);
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
