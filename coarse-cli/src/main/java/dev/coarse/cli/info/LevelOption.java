package dev.coarse.cli.info;

import dev.coarse.cli.command.UserError;
import dev.coarse.data.EnsembleSampleSource;
import dev.coarse.data.SampleSource;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --level} option of the {@code info} commands (a picocli mixin) and the sample file it selects from. */
final class LevelOption {

    @Option(names = "--level", paramLabel = "N", description = "Level of a multi-level ensemble file (default: 0).")
    Integer level;

    /** The level read: --level, or 0. */
    int level() {
        return level == null ? 0 : level;
    }

    /** Opens {@code file} as samples: level --level of an ensemble file, or a CSV (which has no levels). */
    SampleSource open(Path file) throws IOException {
        if (level == null) {
            return SampleSource.open(file);
        }
        if (!SampleSource.isEnsemble(file)) {
            throw new UserError("--level applies to ensemble files (.h5) only, not to " + file.getFileName());
        }
        if (level < 0) {
            throw new UserError("--level must be >= 0, got " + level);
        }
        return EnsembleSampleSource.read(file, level);
    }
}
