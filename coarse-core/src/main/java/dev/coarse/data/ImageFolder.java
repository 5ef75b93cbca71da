package dev.coarse.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A folder of PNG images of one size as samples: one row per image (files in name order), one column per pixel and
 * channel — pixel (y, x) of channel c is column (y·width + x)·channels + c — with values 0 … 255. Grey images (every
 * pixel with R = G = B) give one channel, others three (RGB; alpha is ignored).
 */
public final class ImageFolder implements SampleSource {

    /** The most pixels an image may have: three channels of each must still index a Java array. */
    private static final long MAX_PIXELS = Integer.MAX_VALUE / 3;

    private final List<Path> files;
    private final int width;
    private final int height;
    private final int channels;
    private final double[][] columns;

    private ImageFolder(List<Path> files, int width, int height, int channels, double[][] columns) {
        this.files = files;
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.columns = columns;
    }

    /**
     * Reads every {@code .png} of {@code folder}.
     *
     * @throws IOException naming the file, for a folder without PNGs, an unreadable image or one whose size differs
     *                     from the first
     */
    public static ImageFolder read(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(folder + " holds no .png images");
        }
        BufferedImage[] images = new BufferedImage[files.size()];
        boolean grey = true;
        for (int r = 0; r < images.length; r++) {
            BufferedImage image = decode(files.get(r), r, r == 0 ? null : files.get(0), r == 0 ? null : images[0]);
            images[r] = image;
            for (int y = 0; y < image.getHeight() && grey; y++) {
                for (int x = 0; x < image.getWidth() && grey; x++) {
                    int rgb = image.getRGB(x, y);
                    grey = ((rgb >> 16) & 0xff) == (rgb & 0xff) && ((rgb >> 8) & 0xff) == (rgb & 0xff);
                }
            }
        }
        int width = images[0].getWidth();
        int height = images[0].getHeight();
        int channels = grey ? 1 : 3;
        double[][] columns = new double[width * height * channels][images.length];
        for (int r = 0; r < images.length; r++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = images[r].getRGB(x, y);
                    for (int c = 0; c < channels; c++) {
                        int shift = grey ? 0 : 16 - 8 * c;
                        columns[(y * width + x) * channels + c][r] = (rgb >> shift) & 0xff;
                    }
                }
            }
        }
        return new ImageFolder(files, width, height, channels, columns);
    }

    /**
     * One image, its size read from its header and checked against the first image's before its pixels are decoded
     * (a damaged header cannot make the decoder allocate for a huge image). Every failure names the file: the
     * decoder's own messages ("Error reading PNG image data") do not, and its unchecked exceptions on damaged data
     * are a bad file too, not an internal failure.
     */
    private static BufferedImage decode(Path file, int row, Path firstFile, BufferedImage first) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a PNG image: it is not a file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + " is not a readable PNG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (first != null && (width != first.getWidth() || height != first.getHeight())) {
                    throw new IOException(file + " (row " + row + ") is " + width + "×" + height + ", " + firstFile.getFileName()
                            + " is " + first.getWidth() + "×" + first.getHeight()
                            + ": every image must have the same size");
                }
                if ((long) width * height > MAX_PIXELS) {
                    throw new IOException(file + " is " + width + "×" + height + ": more than " + MAX_PIXELS
                            + " pixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + " is not a readable PNG image (" + firstLine(e) + ")", e);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a readable PNG image (" + firstLine(e) + ")", e);
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    /** The image files, in row order. */
    public List<Path> files() {
        return files;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** 1 (grey) or 3 (RGB). */
    public int channels() {
        return channels;
    }

    @Override
    public int rowCount() {
        return files.size();
    }

    @Override
    public int columnCount() {
        return columns.length;
    }

    @Override
    public double[] column(int j) {
        return columns[j].clone();
    }

    @Override
    public String columnName() {
        return "pixel value";
    }

    @Override
    public String describeColumns() {
        return "the images are " + width + "×" + height + " with " + channels + " channel(s): column (y·" + width
                + " + x)·" + channels + " + channel";
    }
}
