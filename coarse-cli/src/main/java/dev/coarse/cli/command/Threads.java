package dev.coarse.cli.command;

import picocli.CommandLine.Option;

/** The {@code --threads} of a command that samples in parallel with results independent of it (a picocli mixin). */
public final class Threads {

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    /** --threads, or the number of cores; not checked here (the command or the library rejects a count below 1). */
    public int count() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
