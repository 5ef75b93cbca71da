package dev.coarse.cli.rg;

import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.Threads;
import dev.coarse.cli.command.UserError;
import picocli.CommandLine.Mixin;

/** What the sampling {@code rg} commands (binder, flow) share: seed, threads, --json and a progress bar. */
final class RunOptions {

    @Mixin
    Seed seed;

    @Mixin
    Threads threads;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    long seed() {
        return seed.value();
    }

    /** --threads, or the number of cores. */
    int threads() {
        if (threads.count() < 1) {
            throw new UserError("--threads must be ≥ 1, got " + threads.count());
        }
        return threads.count();
    }
}
