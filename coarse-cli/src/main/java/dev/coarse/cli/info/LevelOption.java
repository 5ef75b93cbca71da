package dev.coarse.cli.info;

import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.DataShape;
import dev.coarse.data.EnsembleSampleSource;
import dev.coarse.data.SampleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Option;

/** The {@code --level} option of the {@code info} commands (a picocli mixin) and the sample file it selects from. */
final class LevelOption {

    @Option(names = "--level", paramLabel = "N", description = "Level of a multi-level ensemble file (default: 0).")
    Integer level;

    /** The level read: --level, or 0. */
    int level() {
        return level == null ? 0 : level;
    }

    /**
     * Refuses, from the file's header ({@link DataShape}), a command whose reading of the file and {@code working}
     * bytes on top of it exceed the heap ({@link MemoryGuard}); a missing file is left to {@link #open} to name.
     *
     * @param working the command's own arrays for data of this shape (a lower bound)
     */
    void requireMemory(Path file, String command, ToLongFunction<DataShape> working) throws IOException {
        if (level != null && (level < 0 || !SampleSource.isEnsemble(file)) || !Files.exists(file)) {
            return;
        }
        DataShape shape = DataShape.of(file, level());
        MemoryGuard.require(DataShape.saturate((double) shape.readBytes() + working.applyAsLong(shape)),
                command + " " + file.getFileName() + " (" + shape + ")");
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
