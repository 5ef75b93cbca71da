package dev.coarse.learn.rgflow;

import dev.coarse.learn.msds.MsdsImage;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * 8-bit images for a flow: {@code count} images of {@code channels} × {@code size} × {@code size} values 0 … 255,
 * image n's channel c, pixel (y, x) at {@code ((n·C + c)·L + y)·L + x} (the flow's (B, C, L, L) layout).
 *
 * @param channels channels per pixel, ≥ 1
 * @param size     L, a power of two ≥ 2
 * @param values   the unsigned bytes, count·C·L² of them (not copied: do not modify)
 */
public record ImageSet(int channels, int size, byte[] values) {

    public ImageSet {
        Objects.requireNonNull(values, "values");
        if (channels < 1 || size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("images need >= 1 channel and a side 2^k >= 2, got " + channels
                    + " channels, side " + size);
        }
        if (values.length == 0 || values.length % (channels * size * size) != 0) {
            throw new IllegalArgumentException(values.length + " values are not a whole number of " + channels + "×"
                    + size + "×" + size + " images");
        }
    }

    /** Variables per image, D = C·L². */
    public int dimensions() {
        return channels * size * size;
    }

    public int count() {
        return values.length / dimensions();
    }

    /** Value 0 … 255 of variable j of image n. */
    public int value(int n, int j) {
        return values[n * dimensions() + j] & 0xff;
    }

    /** MSDS images (RGB in [0, 1]) quantised to 8 bits as the PNG writer does, round(255·p). */
    public static ImageSet ofMsds(List<MsdsImage> images) {
        int l = MsdsImage.SIZE;
        int d = 3 * l * l;
        byte[] values = new byte[images.size() * d];
        for (int n = 0; n < images.size(); n++) {
            MsdsImage image = images.get(n);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < l; y++) {
                    for (int x = 0; x < l; x++) {
                        values[n * d + (c * l + y) * l + x] = (byte) Math.round(255 * image.pixel(y, x, c));
                    }
                }
            }
        }
        return new ImageSet(3, l, values);
    }

    /**
     * Images from columns as {@link dev.coarse.data.ImageFolder} gives them (column (y·L + x)·C + c, values 0 … 255,
     * rounded and clamped).
     */
    public static ImageSet ofColumns(double[][] columns, int channels, int size) {
        int d = channels * size * size;
        if (columns.length != d) {
            throw new IllegalArgumentException("expected " + d + " columns (" + channels + "×" + size + "×" + size
                    + "), got " + columns.length);
        }
        int rows = columns[0].length;
        byte[] values = new byte[rows * d];
        for (int n = 0; n < rows; n++) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double v = columns[(y * size + x) * channels + c][n];
                        values[n * d + (c * size + y) * size + x] = (byte) Math.max(0, Math.min(255,
                                Math.round(v)));
                    }
                }
            }
        }
        return new ImageSet(channels, size, values);
    }

    /** The images at {@code indices}, in that order. */
    public ImageSet select(int[] indices) {
        int d = dimensions();
        byte[] out = new byte[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * d, out, i * d, d);
        }
        return new ImageSet(channels, size, out);
    }

    /**
     * Uniform dequantisation of images {@code from … from + n − 1}: y = (k + u)/256, u ∼ U[0, 1) from
     * {@code noise}, or u = ½ when {@code noise} is null.
     */
    public float[] dequantise(int from, int n, SplittableRandom noise) {
        int d = dimensions();
        float[] y = new float[n * d];
        for (int i = 0; i < y.length; i++) {
            double u = noise == null ? 0.5 : noise.nextDouble();
            y[i] = (float) (((values[from * d + i] & 0xff) + u) / 256);
        }
        return y;
    }
}
