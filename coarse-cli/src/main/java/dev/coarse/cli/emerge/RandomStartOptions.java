package dev.coarse.cli.emerge;

import dev.coarse.cli.command.UserError;
import picocli.CommandLine.Option;

/** The random start and measuring interval of {@code emerge ca} and {@code emerge life} (a picocli mixin). */
public final class RandomStartOptions {

    @Option(names = "--density", paramLabel = "P", defaultValue = "0.5",
            description = "Probability that a starting cell is 1 (alive) (default: ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--every", paramLabel = "K",
            description = "Measure every K steps (default: steps / 100, at least 1).")
    Integer every;

    /** --density, checked to lie in [0, 1]. */
    double density() {
        if (!(density >= 0 && density <= 1)) {
            throw new UserError("--density must be in [0, 1], got " + density);
        }
        return density;
    }

    /** --every, or steps / 100 (at least 1). */
    int interval(int steps) {
        int interval = every != null ? every : Math.max(1, steps / 100);
        if (interval < 1) {
            throw new UserError("--every must be >= 1, got " + interval);
        }
        return interval;
    }
}
