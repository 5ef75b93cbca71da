package dev.coarse.learn.msds;

import java.util.Objects;

/**
 * One MSDS image with what it was drawn from.
 *
 * @param pixels       RGB in [0, 1], pixel (y, x) channel c at {@code (y·32 + x)·3 + c}; black background
 * @param colours      colours[t] = {r, g, b} of the ellipse in tile t (tiles row-major, t = 4·row + column)
 * @param orientations orientation of the major axis of the ellipse in tile t, radians in [0, π), measured from the
 *                     x axis towards increasing y
 */
public record MsdsImage(double[] pixels, double[][] colours, double[] orientations) {

    /** Image side in pixels. */
    public static final int SIZE = 32;
    /** Tile side in pixels. */
    public static final int TILE = 8;
    /** Tiles per row. */
    public static final int TILES_PER_ROW = SIZE / TILE;

    public MsdsImage {
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != SIZE * SIZE * 3 || colours.length != TILES_PER_ROW * TILES_PER_ROW
                || orientations.length != colours.length) {
            throw new IllegalArgumentException("an MSDS image is 32×32×3 with 16 tiles");
        }
    }

    /** Channel c of pixel (y, x). */
    public double pixel(int y, int x, int c) {
        return pixels[(y * SIZE + x) * 3 + c];
    }
}
