package dev.coarse.cli.rg;

import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the sampling {@code rg} commands (binder, flow) share: seed, threads, --json and a progress bar. */
final class RunOptions {

    @Mixin
    Seed seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    long seed() {
        return seed.value();
    }

    /** --threads, or the number of cores. */
    int threads() {
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be ≥ 1, got " + threads);
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
