package dev.coarse.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Samples for {@code coarse info}, one per row, as numeric columns. CSV files are read by
 * {@link CsvSampleSource}; Coarse ensemble files ({@code .h5}/{@code .hdf5}) by {@link EnsembleSampleSource},
 * whose columns are the sites of the flattened configuration (row-major, last coordinate fastest).
 */
interface SampleSource {

    /** Number of samples. */
    int rowCount();

    /** Number of columns. */
    int columnCount();

    /** Column {@code j} as a fresh array of length {@link #rowCount()}. */
    double[] column(int j);

    /** What a column is called in messages ("column", or "site" for an ensemble). */
    default String columnName() {
        return "column";
    }

    /** The valid column range in words, for error messages. */
    default String describeColumns() {
        return "the file has " + columnCount() + " columns (numbered from 0)";
    }

    /** Whether a file name is read as a Coarse ensemble file rather than CSV. */
    static boolean isEnsemble(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    /**
     * Opens a sample file, choosing the reader by extension.
     *
     * @param level the ensemble level to read, or null for level 0; must be null for CSV
     */
    static SampleSource open(Path file, Integer level) throws IOException {
        if (isEnsemble(file)) {
            return EnsembleSampleSource.read(file, level == null ? 0 : level);
        }
        if (level != null) {
            throw new UserError("--level applies to ensemble files (.h5) only, not to " + file.getFileName());
        }
        return CsvSampleSource.read(file);
    }
}
