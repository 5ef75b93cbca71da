package dev.coarse.cli.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Two-state cells as PNG pictures, drawn pixel by pixel (no display needed): a cellular automaton's space-time
 * diagram (time down, space across) or a Life grid. State 1 is black, 0 white; each cell is {@code zoom × zoom}
 * pixels.
 */
public final class CellImages {

    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    private CellImages() {
    }

    /** Rows of cells (each row the same length, values 0 or 1) as a PNG, row 0 at the top. */
    public static byte[] png(byte[][] rows, int zoom) throws IOException {
        if (zoom < 1 || rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("need zoom >= 1 and at least one non-empty row");
        }
        int width = rows[0].length;
        BufferedImage image = new BufferedImage(width * zoom, rows.length * zoom, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length != width) {
                throw new IllegalArgumentException("row " + y + " has " + rows[y].length + " cells, not " + width);
            }
            for (int x = 0; x < width; x++) {
                int colour = rows[y][x] != 0 ? BLACK : WHITE;
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        image.setRGB(x * zoom + dx, y * zoom + dy, colour);
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

    /** A grid {@code cells[y * width + x]} as a PNG. */
    public static byte[] gridPng(byte[] cells, int width, int zoom) throws IOException {
        if (width < 1 || cells.length % width != 0) {
            throw new IllegalArgumentException("cells must be whole rows of " + width);
        }
        byte[][] rows = new byte[cells.length / width][];
        for (int y = 0; y < rows.length; y++) {
            rows[y] = java.util.Arrays.copyOfRange(cells, y * width, (y + 1) * width);
        }
        return png(rows, zoom);
    }
}
