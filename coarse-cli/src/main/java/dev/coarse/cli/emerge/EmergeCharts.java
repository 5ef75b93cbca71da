package dev.coarse.cli.emerge;

import dev.coarse.data.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Several XChart charts side by side in one PNG, written atomically. */
final class EmergeCharts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private EmergeCharts() {
    }

    static void saveSideBySide(List<? extends Chart<?, ?>> charts, Path file) throws IOException {
        int width = 0;
        int height = 0;
        BufferedImage[] images = new BufferedImage[charts.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = BitmapEncoder.getBufferedImage(charts.get(i));
            width += images[i].getWidth();
            height = Math.max(height, images[i].getHeight());
        }
        BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage image : images) {
            g.drawImage(image, x, 0, null);
            x += image.getWidth();
        }
        g.dispose();
        AtomicFiles.write(file, true, tmp -> ImageIO.write(all, "png", tmp.toFile()));
    }
}
