package dev.coarse.cli.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Scalar fields on an L×L square lattice (row-major, one number per site, e.g. RBM receptive fields) as PNG
 * heat maps, drawn pixel by pixel into a {@link BufferedImage} (no display needed). Colours: a diverging
 * blue–white–red scale, each tile normalised to its own largest |value| (blue −max, white 0, red +max), so a
 * tile shows the shape of its field, not its size.
 */
public final class FieldImages {

    /** Grey gap between tiles, in pixels. */
    public static final int GAP = 4;

    private FieldImages() {
    }

    /**
     * A montage of {@code fields} in rows of {@code columns} tiles, each site drawn as a {@code zoom}×{@code zoom}
     * block; row r of a tile is lattice coordinate c₀ = r (the lattice's row-major order). Not modified: fields.
     *
     * @return the PNG bytes
     */
    public static byte[] montagePng(List<double[]> fields, int linearSize, int columns, int zoom) throws IOException {
        if (fields.isEmpty() || columns < 1 || zoom < 1) {
            throw new IllegalArgumentException("need at least one field, columns >= 1, zoom >= 1");
        }
        int tile = linearSize * zoom;
        int cols = Math.min(columns, fields.size());
        int rows = (fields.size() + cols - 1) / cols;
        int width = cols * tile + (cols + 1) * GAP;
        int height = rows * tile + (rows + 1) * GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0x888888);
            }
        }
        for (int t = 0; t < fields.size(); t++) {
            double[] f = fields.get(t);
            if (f.length != linearSize * linearSize) {
                throw new IllegalArgumentException("field " + t + " has " + f.length + " values, expected "
                        + linearSize * linearSize);
            }
            double max = 0;
            for (double v : f) {
                max = Math.max(max, Math.abs(v));
            }
            int x0 = GAP + (t % cols) * (tile + GAP);
            int y0 = GAP + (t / cols) * (tile + GAP);
            for (int r = 0; r < linearSize; r++) {
                for (int c = 0; c < linearSize; c++) {
                    int rgb = diverging(max > 0 ? f[r * linearSize + c] / max : 0);
                    for (int dy = 0; dy < zoom; dy++) {
                        for (int dx = 0; dx < zoom; dx++) {
                            image.setRGB(x0 + c * zoom + dx, y0 + r * zoom + dy, rgb);
                        }
                    }
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer available");
        }
        return bytes.toByteArray();
    }

    /** RGB of x ∈ [−1, 1]: blue (−1) through white (0) to red (+1). */
    static int diverging(double x) {
        double a = Math.min(1, Math.abs(x));
        int fade = (int) Math.round(255 * (1 - a));
        return x >= 0 ? (0xff << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 0xff;
    }
}
