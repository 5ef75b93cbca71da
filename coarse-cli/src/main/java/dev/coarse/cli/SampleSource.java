package dev.coarse.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Samples for {@code coarse info}, one per row, as numeric columns. CSV files are read by
 * {@link CsvSampleSource}; ensemble files ({@code .h5}, columns = sites of the flattened configuration) will
 * be read through {@code dev.coarse.data.EnsembleFile} once it lands: {@link #open} is the one place to add it.
 */
interface SampleSource {

    /** Number of samples. */
    int rowCount();

    /** Number of columns. */
    int columnCount();

    /** Column {@code j} as a fresh array of length {@link #rowCount()}. */
    double[] column(int j);

    /** Opens a sample file, choosing the reader by extension. */
    static SampleSource open(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            throw new UserError("ensemble files (.h5) are not yet supported by 'coarse info'; give a CSV of samples");
        }
        return CsvSampleSource.read(file);
    }
}
