package dev.coarse.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Samples as numeric columns, one row per sample: the form in which the information estimators read a file.
 * CSV files are read by {@link CsvSampleSource}; Coarse ensemble files ({@code .h5}/{@code .hdf5}) by
 * {@link EnsembleSampleSource}, whose columns are the sites of the flattened configuration (row-major, last
 * coordinate fastest).
 */
public interface SampleSource {

    /** Number of samples. */
    int rowCount();

    /** Number of columns. */
    int columnCount();

    /** Column {@code j} as a fresh array of length {@link #rowCount()}. */
    double[] column(int j);

    /** The given columns as one row per sample: {@code rows(c)[r][k]} is column {@code c[k]} of sample r. */
    default double[][] rows(int[] columns) {
        double[][] out = new double[rowCount()][columns.length];
        for (int k = 0; k < columns.length; k++) {
            double[] c = column(columns[k]);
            for (int r = 0; r < c.length; r++) {
                out[r][k] = c[r];
            }
        }
        return out;
    }

    /** What a column is called in messages ("column", or "site" for an ensemble). */
    default String columnName() {
        return "column";
    }

    /** The valid column range in words, for error messages. */
    default String describeColumns() {
        return "the file has " + columnCount() + " columns (numbered from 0)";
    }

    /** Whether a file name is read as a Coarse ensemble file rather than CSV (by its extension, .h5 or .hdf5). */
    static boolean isEnsemble(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    /** Opens a sample file, choosing the reader by extension; of an ensemble file, level 0. */
    static SampleSource open(Path file) throws IOException {
        return isEnsemble(file) ? EnsembleSampleSource.read(file, 0) : CsvSampleSource.read(file);
    }
}
