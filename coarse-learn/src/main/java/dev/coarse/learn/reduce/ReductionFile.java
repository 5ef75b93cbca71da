package dev.coarse.learn.reduce;

import dev.coarse.data.AtomicFiles;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The coarse variables of a reduction as HDF5 (readable by h5py): attributes {@code method}, {@code levels},
 * {@code samples}, {@code seed}; per level a group {@code level_n} with the dataset {@code coarse} (int8, samples ×
 * coarse variables; float64 for linear CorEx's factors and RG-Flow's latents), {@code labels} (int32, the input →
 * coarse-variable map) and the attributes {@code information_kept}, {@code information_kept_error},
 * {@code information_lost}, {@code information_lost_error} (nats). Written atomically.
 */
public final class ReductionFile {

    private ReductionFile() {
    }

    /** Writes {@code result} to {@code file}. */
    public static void write(Path file, ReductionResult result, long seed, boolean overwrite) throws IOException {
        AtomicFiles.write(file, overwrite, tmp -> {
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                hdf.putAttribute("format", "coarse-reduction");
                hdf.putAttribute("method", result.method().name().toLowerCase(java.util.Locale.ROOT));
                hdf.putAttribute("levels", result.levels().size());
                hdf.putAttribute("samples", result.samples());
                hdf.putAttribute("seed", seed);
                for (ReductionResult.Level level : result.levels()) {
                    WritableGroup group = hdf.putGroup("level_" + level.level());
                    if (level.continuous()) {
                        group.putDataset("coarse", level.coarseValues());
                    } else {
                        group.putDataset("coarse", level.coarse());
                    }
                    group.putDataset("labels", level.labels());
                    group.putAttribute("information_kept", level.kept().mean());
                    group.putAttribute("information_kept_error", level.kept().error());
                    group.putAttribute("information_lost", level.lost().mean());
                    group.putAttribute("information_lost_error", level.lost().error());
                }
            }
        });
    }
}
