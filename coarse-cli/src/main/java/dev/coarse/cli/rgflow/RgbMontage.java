package dev.coarse.cli.rgflow;

import dev.coarse.cli.report.FieldImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Images in the flow's (C, L, L) layout, values in [0, 1], as one PNG montage: a row per list, grey gaps of
 * {@link FieldImages#GAP} pixels as in the report's field montages; fewer than three channels are drawn grey from the first, three or more as RGB.
 */
final class RgbMontage {

    private RgbMontage() {
    }

    static byte[] png(List<List<float[]>> rows, int channels, int size, int zoom) throws IOException {
        int gap = FieldImages.GAP;
        int tile = size * zoom;
        int cols = rows.stream().mapToInt(List::size).max().orElse(1);
        int width = cols * tile + (cols + 1) * gap;
        int height = rows.size() * tile + (rows.size() + 1) * gap;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0x888888);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int t = 0; t < rows.get(r).size(); t++) {
                float[] img = rows.get(r).get(t);
                int x0 = gap + t * (tile + gap);
                int y0 = gap + r * (tile + gap);
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        int rgb = 0;
                        for (int c = 0; c < 3; c++) {
                            int cc = channels >= 3 ? c : 0;
                            int v = Math.round(255 * Math.max(0, Math.min(1, img[(cc * size + i) * size + j])));
                            rgb = rgb << 8 | v;
                        }
                        for (int dy = 0; dy < zoom; dy++) {
                            for (int dx = 0; dx < zoom; dx++) {
                                image.setRGB(x0 + j * zoom + dx, y0 + i * zoom + dy, rgb);
                            }
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
}
