package dev.coarse.learn.reduce;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.CsvSampleSource;
import dev.coarse.data.EnsembleSampleSource;
import dev.coarse.data.ImageFolder;
import dev.coarse.data.NpyFile;
import dev.coarse.data.SampleSource;
import dev.coarse.lattice.Lattice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The data of a reduction: numeric columns (one row per sample) and, where the data are configurations on a square
 * lattice, the ±1 spins the lattice methods (majority, RSMI) coarse-grain.
 *
 * @param description what was read, for messages
 * @param columns     columns[j][r]: variable j of sample r
 * @param lattice     the lattice of the spins, or null
 * @param spins       the configurations as ±1 spins on {@code lattice} (sites in row-major order), or null
 * @param picture     the geometry of the columns when the samples are pictures (images, 2D lattices), or null
 * @param images      whether the data are a folder of images, whose constant pixels are allowed (every other
 *                    source is refused with a constant column)
 * @param table       whether the columns have no geometry of their own (a CSV, a 2D {@code .npy}), so that a method
 *                    may read a row of L² values as an L×L field, row-major; false for images and ensembles
 */
public record ReductionInput(String description, double[][] columns, Lattice lattice, byte[][] spins,
                             Picture picture, boolean images, boolean table) {

    /**
     * The samples as pictures: column (y·width + x)·channels + c is pixel (y, x) of channel c.
     *
     * @param width    pixels across
     * @param height   pixels down
     * @param channels values per pixel (1 grey or spins, 3 RGB)
     */
    public record Picture(int width, int height, int channels) {

        /** The geometry of a folder of images. */
        public static Picture of(ImageFolder images) {
            return new Picture(images.width(), images.height(), images.channels());
        }

        public Picture {
            if (width < 1 || height < 1 || channels < 1) {
                throw new IllegalArgumentException("a picture of " + width + "×" + height + "×" + channels);
            }
        }

        /** Columns of one sample. */
        public int columns() {
            return width * height * channels;
        }
    }

    /** Data whose only geometry is that of their lattice (a 2D lattice is a grey picture), if any. */
    public ReductionInput(String description, double[][] columns, Lattice lattice, byte[][] spins) {
        this(description, columns, lattice, spins, lattice != null && lattice.dimension() == 2
                ? new Picture(lattice.linearSize(), lattice.linearSize(), 1) : null, false, false);
    }

    /** A table: columns with no geometry of their own (a CSV, a 2D {@code .npy}). */
    public static ReductionInput table(String description, double[][] columns) {
        return new ReductionInput(description, columns, null, null, null, false, true);
    }

    /** The index of the first column whose values are all equal, or −1. */
    public static int constantColumn(double[][] columns) {
        for (int j = 0; j < columns.length; j++) {
            if (isConstant(columns[j])) {
                return j;
            }
        }
        return -1;
    }

    /** Whether every value of {@code column} equals the first. */
    public static boolean isConstant(double[] column) {
        for (int r = 1; r < column.length; r++) {
            if (column[r] != column[0]) {
                return false;
            }
        }
        return true;
    }

    public ReductionInput {
        Objects.requireNonNull(description, "description");
        if (columns.length < 1 || columns[0].length < 2) {
            throw new IllegalArgumentException(description + ": need at least one column and two samples");
        }
        if ((lattice == null) != (spins == null)) {
            throw new IllegalArgumentException("a lattice needs its spins and spins their lattice");
        }
        if (picture != null && picture.columns() != columns.length) {
            throw new IllegalArgumentException(description + ": " + columns.length + " columns are not a "
                    + picture.width() + "×" + picture.height() + "×" + picture.channels() + " picture");
        }
        // images may have pixels that never change (a background): the CorEx methods leave those out; any other
        // constant column is a mistake in the data
        if (!images) {
            int j = constantColumn(columns);
            if (j >= 0) {
                throw new IllegalArgumentException(description + ": column " + j + " is constant (every value "
                        + columns[j][0] + "): it carries no information; remove it");
            }
        }
    }

    /** Number of samples. */
    public int rows() {
        return columns[0].length;
    }

    /**
     * Reads a reduction's data, choosing by what {@code path} is: a directory of PNG images ({@link ImageFolder}; a
     * square grey image is also a lattice of spins, pixel ≥ 128 ↦ +1), an ensemble file ({@code .h5}, {@code .hdf5};
     * level 0; spins when it holds Ising spins), a {@code .npy} array of shape (samples, columns) or (samples, L, L)
     * (spins when every value is ±1), or else a CSV ({@link CsvSampleSource}).
     *
     * @throws IOException              for a file that cannot be read (the message names the file and line)
     * @throws IllegalArgumentException for data of the wrong shape, non-finite values or a constant column (the
     *                                  message names the row or column)
     */
    public static ReductionInput read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            ImageFolder images = ImageFolder.read(path);
            double[][] columns = columns(images);
            boolean square = images.channels() == 1 && images.width() == images.height();
            return new ReductionInput(path + " (" + images.rowCount() + " images " + images.width() + "×"
                    + images.height() + ")", columns, square ? Lattice.square(images.width()) : null,
                    square ? spins(columns, 128) : null, Picture.of(images), true, false);
        }
        if (SampleSource.isEnsemble(path)) {
            EnsembleSampleSource ensemble = EnsembleSampleSource.read(path, 0);
            boolean spins = ensemble.ensemble().degreesOfFreedom().equals(DegreesOfFreedom.isingSpins())
                    && ensemble.lattice().dimension() == 2;
            Lattice lattice = ensemble.lattice();
            double[][] columns = columns(ensemble);
            // one value per site of a 2D lattice: a grey picture (several values per site: no picture)
            Picture picture = lattice.dimension() == 2 && columns.length == lattice.siteCount()
                    ? new Picture(lattice.linearSize(), lattice.linearSize(), 1) : null;
            return new ReductionInput(path.toString(), columns, spins ? lattice : null,
                    spins ? ensemble.configurations() : null, picture, false, false);
        }
        if (name.endsWith(".npy")) {
            return npy(path);
        }
        return table(path.toString(), columns(CsvSampleSource.read(path)));
    }

    private static ReductionInput npy(Path path) throws IOException {
        NpyFile.NumericArray array = NpyFile.readNumbers(path);
        long[] shape = array.shape();
        boolean lattice = shape.length == 3 && shape[1] == shape[2];
        if (shape.length != 2 && !lattice) {
            throw new IllegalArgumentException(path + ": shape " + array.shapeText()
                    + ", expected (samples, columns) or (samples, L, L)");
        }
        int rows = (int) shape[0];
        int width = (int) (array.values().length / Math.max(1, rows));
        double[][] columns = new double[width][rows];
        boolean pm = true;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                double v = array.values()[r * width + j];
                columns[j][r] = v;
                pm &= v == 1 || v == -1;
            }
        }
        boolean spins = lattice && pm;
        if (!lattice) {
            return table(path.toString(), columns);
        }
        return new ReductionInput(path.toString(), columns, spins ? Lattice.square((int) shape[1]) : null,
                spins ? spins(columns, 0) : null, new Picture((int) shape[1], (int) shape[1], 1), false, false);
    }

    private static double[][] columns(SampleSource source) {
        double[][] columns = new double[source.columnCount()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = source.column(j);
        }
        return columns;
    }

    /** +1 where the value is ≥ threshold, −1 below. */
    private static byte[][] spins(double[][] columns, double threshold) {
        byte[][] spins = new byte[columns[0].length][columns.length];
        for (int j = 0; j < columns.length; j++) {
            for (int r = 0; r < columns[j].length; r++) {
                spins[r][j] = (byte) (columns[j][r] >= threshold ? 1 : -1);
            }
        }
        return spins;
    }
}
