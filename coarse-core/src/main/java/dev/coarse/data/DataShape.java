package dev.coarse.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * How much data a file holds, read from its header alone (an ensemble file's dataset shape, a {@code .npy} header, the
 * first image of a folder; a CSV is scanned for its line count without keeping anything), so that a command can check
 * its memory before it loads the data (issue 25). Sizes are lower bounds on what the readers of this package hold: a
 * command whose estimate built on them exceeds the heap cannot succeed.
 *
 * @param kind          the reader that will read the file
 * @param samples       N, the samples (configurations, rows, images)
 * @param values        values per sample (sites × values per site; columns; pixels)
 * @param bytesPerValue bytes a value takes in the reader's arrays: 1 for discrete ensemble values and image pixels,
 *                      8 for doubles
 */
public record DataShape(Kind kind, long samples, long values, int bytesPerValue) {

    /** Bytes of a Java array's header and of the reference to it (compressed oops: 16 + 4, rounded up). */
    static final long ARRAY_OVERHEAD = 24;

    /** The reader a file goes to. */
    public enum Kind {
        /** A Coarse ensemble file: {@link EnsembleFile}, one array per configuration. */
        ENSEMBLE,
        /** A {@code .npy} array: {@link NpyFile#readNumbers}, one array of doubles. */
        NPY,
        /** A CSV: {@link CsvSampleSource}, rows of doubles, then columns of doubles. */
        CSV,
        /** A folder of PNG images: {@link ImageFolder}, the decoded images, then columns of doubles. */
        IMAGES
    }

    public DataShape {
        if (kind == null) {
            throw new IllegalArgumentException("kind is null");
        }
        if (samples < 0 || values < 0 || bytesPerValue < 1) {
            throw new IllegalArgumentException("samples and values must be >= 0 and bytes per value >= 1, got "
                    + samples + ", " + values + ", " + bytesPerValue);
        }
    }

    /**
     * The shape of {@code path}: level {@code level} of an ensemble file ({@code .h5}, {@code .hdf5}), a {@code .npy}
     * file, a folder of {@code .png} images, or else a CSV. Nothing of the data is kept.
     *
     * @throws IOException for a missing or unreadable file, or an ensemble without that level (one line, naming it)
     */
    public static DataShape of(Path path, int level) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            return images(path);
        }
        if (SampleSource.isEnsemble(path)) {
            List<EnsembleFile.LevelInfo> levels = EnsembleFile.levels(path);
            if (level < 0 || level >= levels.size()) {
                throw new IOException(path + " has levels 0.." + (levels.size() - 1) + ", no level " + level);
            }
            return ofEnsembleLevel(levels.get(level));
        }
        if (name.endsWith(".npy")) {
            long[] shape = NpyFile.readHeader(path).shape();
            long samples = shape.length == 0 ? 1 : shape[0];
            return new DataShape(Kind.NPY, samples, product(shape, 1), Double.BYTES);
        }
        return csv(path);
    }

    /** The shape of one level of an ensemble file, from {@link EnsembleFile#levels}. */
    public static DataShape ofEnsembleLevel(EnsembleFile.LevelInfo level) {
        return new DataShape(Kind.ENSEMBLE, level.sampleCount(), product(level.shape(), 1),
                level.degreesOfFreedom().isDiscrete() ? 1 : Double.BYTES);
    }

    /**
     * Bytes the reader of this file holds at its peak, with the result it returns: an ensemble's configurations
     * (one array per sample); a {@code .npy}'s values as doubles; a CSV's rows and the columns they are copied into;
     * the decoded images (≥ 1 byte a pixel) and their columns. Saturates at {@link Long#MAX_VALUE}.
     */
    public long readBytes() {
        double rows = rowBytes(bytesPerValue);
        double total = switch (kind) {
            case ENSEMBLE -> rows;
            case NPY -> samples * (double) values * Double.BYTES;
            case CSV, IMAGES -> rows + columnBytes();
        };
        return saturate(total);
    }

    /** Bytes of the data as one array per sample of {@code bytesPerEntry}-byte entries. */
    public long rowBytes(int bytesPerEntry) {
        return saturate(samples * (values * (double) bytesPerEntry + ARRAY_OVERHEAD));
    }

    /** Bytes of the data as one array of doubles per value (a column per variable), as estimators read them. */
    public long columnBytes() {
        return saturate(values * (samples * (double) Double.BYTES + ARRAY_OVERHEAD));
    }

    /** Bytes of {@code columns} columns of {@code bytesPerEntry}-byte entries, one per sample. */
    public long columnBytes(long columns, int bytesPerEntry) {
        return saturate(columns * (samples * (double) bytesPerEntry + ARRAY_OVERHEAD));
    }

    /** {@code bytes} as a long, saturating at {@link Long#MAX_VALUE}. */
    public static long saturate(double bytes) {
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.max(0, Math.ceil(bytes));
    }

    private static long product(long[] shape, int from) {
        long p = 1;
        for (int i = from; i < shape.length; i++) {
            p = Math.multiplyHigh(p, shape[i]) != 0 ? Long.MAX_VALUE / 2 : p * shape[i];
        }
        return p;
    }

    /** Counts the non-blank lines (one fewer samples, in case the first is a header) and the first line's fields. */
    private static DataShape csv(Path path) throws IOException {
        long lines = 0;
        long fields = 1;
        boolean firstLine = true;
        boolean blank = true;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (!blank) {
                            lines++;
                            firstLine = false;
                        }
                        blank = true;
                    } else if (b != '\r' && b != ' ' && b != '\t') {
                        blank = false;
                        if (firstLine && b == ',') {
                            fields++;
                        }
                    }
                }
            }
        }
        if (!blank) {
            lines++;
        }
        return new DataShape(Kind.CSV, Math.max(0, lines - 1), lines == 0 ? 0 : fields, Double.BYTES);
    }

    /** The first image's size, times the number of {@code .png} files (at one byte a pixel, grey). */
    private static DataShape images(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            return new DataShape(Kind.IMAGES, 0, 0, 1);
        }
        long pixels = 0;
        try (ImageInputStream in = ImageIO.createImageInputStream(files.get(0).toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            pixels = 0; // the reader names a damaged image when it reads it
        }
        return new DataShape(Kind.IMAGES, files.size(), pixels, 1);
    }

    @Override
    public String toString() {
        return samples + " samples × " + values + " values";
    }
}
