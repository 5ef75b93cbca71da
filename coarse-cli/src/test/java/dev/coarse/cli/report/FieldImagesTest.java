package dev.coarse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FieldImagesTest {

    @Test
    void montageIsAPngWithTilesInRowMajorOrderAndADivergingScale() throws Exception {
        // Two 2×2 fields, three tiles per row requested but only two fields: one row of two tiles.
        double[] first = {2, -2, 0, 1};
        double[] second = {0, 0, 0, -0.5};
        int zoom = 3;
        byte[] png = FieldImages.montagePng(List.of(first, second), 2, 3, zoom);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int gap = FieldImages.GAP;
        assertThat(image.getWidth()).isEqualTo(2 * 2 * zoom + 3 * gap);
        assertThat(image.getHeight()).isEqualTo(2 * zoom + 2 * gap);
        // Site (r, c) of tile t starts at x = gap + t(2·zoom + gap) + c·zoom, y = gap + r·zoom.
        assertThat(rgb(image, gap, gap)).isEqualTo(0xff0000);                      // +max: red
        assertThat(rgb(image, gap + zoom, gap)).isEqualTo(0x0000ff);               // −max: blue
        assertThat(rgb(image, gap, gap + zoom)).isEqualTo(0xffffff);               // 0: white
        assertThat(rgb(image, gap + zoom, gap + zoom)).isEqualTo(0xff8080);        // +max/2: pale red
        int second0 = gap + 2 * zoom + gap;
        assertThat(rgb(image, second0 + zoom, gap + zoom)).isEqualTo(0x0000ff);    // its own max is 0.5
        assertThat(rgb(image, 0, 0)).isEqualTo(0x888888);                          // gap
    }

    @Test
    void rejectsWrongSizes() {
        assertThatThrownBy(() -> FieldImages.montagePng(List.of(new double[3]), 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values");
        assertThatThrownBy(() -> FieldImages.montagePng(List.of(), 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }
}
