package dev.coarse.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of PNG images of one size as samples: one row per image (files in name order), one column per pixel and
 * channel — pixel (y, x) of channel c is column (y·width + x)·channels + c — with values 0 … 255. Grey images (every
 * pixel with R = G = B) give one channel, others three (RGB; alpha is ignored).
 */
public final class ImageFolder implements SampleSource {

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
            BufferedImage image = ImageIO.read(files.get(r).toFile());
            if (image == null) {
                throw new IOException(files.get(r) + " is not a readable PNG image");
            }
            if (r > 0 && (image.getWidth() != images[0].getWidth() || image.getHeight() != images[0].getHeight())) {
                throw new IOException(files.get(r) + " (row " + r + ") is " + image.getWidth() + "×"
                        + image.getHeight() + ", " + files.get(0).getFileName() + " is " + images[0].getWidth() + "×"
                        + images[0].getHeight() + ": every image must have the same size");
            }
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
