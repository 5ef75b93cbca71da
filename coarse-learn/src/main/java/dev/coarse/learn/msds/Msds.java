package dev.coarse.learn.msds;

import dev.coarse.data.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import javax.imageio.ImageIO;

/**
 * Generators of MSDS1 and MSDS2 (Hu et al. 2020, "RG-Flow", Sec. 4): each 32×32 image is a 4×4 grid of 8×8 tiles
 * with one filled ellipse (semi-axes {@value #SEMI_MAJOR} and {@value #SEMI_MINOR} pixels) centred in each tile.
 * <ul>
 * <li>MSDS1: one colour per image (uniform in [{@value #MIN_CHANNEL}, 1] per channel), each ellipse's colour jittered
 * by a normal of σ = {@value #COLOUR_JITTER} per channel; a uniformly random orientation per ellipse.</li>
 * <li>MSDS2: one orientation per image (uniform in [0, π)), each ellipse's jittered by a normal of σ =
 * {@value #ORIENTATION_JITTER} rad; a uniformly random colour per ellipse.</li>
 * </ul>
 * A pixel belongs to an ellipse when its centre does. Train and test sets come from separate split streams of one
 * seed, so the test set does not change with the train size.
 */
public final class Msds {

    /** Semi-major axis, pixels. */
    public static final double SEMI_MAJOR = 3.5;
    /** Semi-minor axis, pixels. */
    public static final double SEMI_MINOR = 1.6;
    /** Smallest base colour channel (keeps ellipses visible on black). */
    public static final double MIN_CHANNEL = 0.25;
    /** σ of the per-ellipse colour jitter of MSDS1. */
    public static final double COLOUR_JITTER = 0.03;
    /** σ of the per-ellipse orientation jitter of MSDS2, radians. */
    public static final double ORIENTATION_JITTER = 0.05;

    /** The two datasets. */
    public enum Variant {
        /** One colour per image, random orientations. */
        MSDS1,
        /** One orientation per image, random colours. */
        MSDS2
    }

    /** A train/test split. */
    public record Split(List<MsdsImage> train, List<MsdsImage> test) {
        public Split {
            train = List.copyOf(train);
            test = List.copyOf(test);
        }
    }

    private Msds() {
    }

    /** {@code trainSize} training and {@code testSize} test images of {@code variant} from {@code seed}. */
    public static Split generate(Variant variant, int trainSize, int testSize, long seed) {
        Objects.requireNonNull(variant, "variant");
        if (trainSize < 0 || testSize < 0) {
            throw new IllegalArgumentException("sizes must be ≥ 0, got " + trainSize + " and " + testSize);
        }
        SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        SplittableGenerator trainStream = root.split();
        SplittableGenerator testStream = root.split();
        return new Split(images(variant, trainSize, trainStream), images(variant, testSize, testStream));
    }

    private static List<MsdsImage> images(Variant variant, int count, SplittableGenerator stream) {
        List<MsdsImage> images = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            images.add(image(variant, stream.split()));
        }
        return images;
    }

    /** One image drawn with {@code rng}. */
    static MsdsImage image(Variant variant, RandomGenerator rng) {
        int tiles = MsdsImage.TILES_PER_ROW * MsdsImage.TILES_PER_ROW;
        double[][] colours = new double[tiles][3];
        double[] orientations = new double[tiles];
        double[] baseColour = {MIN_CHANNEL + (1 - MIN_CHANNEL) * rng.nextDouble(),
            MIN_CHANNEL + (1 - MIN_CHANNEL) * rng.nextDouble(), MIN_CHANNEL + (1 - MIN_CHANNEL) * rng.nextDouble()};
        double baseOrientation = Math.PI * rng.nextDouble();
        for (int t = 0; t < tiles; t++) {
            for (int c = 0; c < 3; c++) {
                colours[t][c] = variant == Variant.MSDS1
                        ? Math.max(0, Math.min(1, baseColour[c] + COLOUR_JITTER * rng.nextGaussian()))
                        : MIN_CHANNEL + (1 - MIN_CHANNEL) * rng.nextDouble();
            }
            double theta = variant == Variant.MSDS1 ? Math.PI * rng.nextDouble()
                    : baseOrientation + ORIENTATION_JITTER * rng.nextGaussian();
            orientations[t] = ((theta % Math.PI) + Math.PI) % Math.PI;
        }
        double[] pixels = new double[MsdsImage.SIZE * MsdsImage.SIZE * 3];
        for (int t = 0; t < tiles; t++) {
            double cy = (t / MsdsImage.TILES_PER_ROW) * MsdsImage.TILE + MsdsImage.TILE / 2.0;
            double cx = (t % MsdsImage.TILES_PER_ROW) * MsdsImage.TILE + MsdsImage.TILE / 2.0;
            double cos = Math.cos(orientations[t]);
            double sin = Math.sin(orientations[t]);
            for (int y = (int) (cy - MsdsImage.TILE / 2.0); y < cy + MsdsImage.TILE / 2.0; y++) {
                for (int x = (int) (cx - MsdsImage.TILE / 2.0); x < cx + MsdsImage.TILE / 2.0; x++) {
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    double u = (dx * cos + dy * sin) / SEMI_MAJOR;
                    double v = (-dx * sin + dy * cos) / SEMI_MINOR;
                    if (u * u + v * v <= 1) {
                        for (int c = 0; c < 3; c++) {
                            pixels[(y * MsdsImage.SIZE + x) * 3 + c] = colours[t][c];
                        }
                    }
                }
            }
        }
        return new MsdsImage(pixels, colours, orientations);
    }

    /**
     * Writes the images as 8-bit RGB PNGs {@code img00000.png}, … into {@code folder} (created if missing), each
     * file atomically.
     */
    public static void writePngs(Path folder, List<MsdsImage> images) throws IOException {
        Files.createDirectories(folder);
        for (int n = 0; n < images.size(); n++) {
            MsdsImage image = images.get(n);
            BufferedImage png = new BufferedImage(MsdsImage.SIZE, MsdsImage.SIZE, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < MsdsImage.SIZE; y++) {
                for (int x = 0; x < MsdsImage.SIZE; x++) {
                    int rgb = 0;
                    for (int c = 0; c < 3; c++) {
                        rgb = rgb << 8 | (int) Math.round(255 * image.pixel(y, x, c));
                    }
                    png.setRGB(x, y, rgb);
                }
            }
            AtomicFiles.write(folder.resolve(String.format("img%05d.png", n)), true,
                    tmp -> ImageIO.write(png, "png", tmp.toFile()));
        }
    }
}
