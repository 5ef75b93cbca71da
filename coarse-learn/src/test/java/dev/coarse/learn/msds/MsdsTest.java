package dev.coarse.learn.msds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the generated images from their pixels alone (connected blobs, their mean colour, the orientation of their
 * second moments) and checks them against the paper's description of MSDS1 and MSDS2.
 */
class MsdsTest {

    /** Moment orientation of a rasterised 3.5×1.6 ellipse vs the drawn one: pixelisation error, radians. */
    private static final double ORIENTATION_TOLERANCE = 0.2;
    /** 8-bit-free colours: a blob's mean colour is the ellipse's exactly. */
    private static final double COLOUR_TOLERANCE = 1e-12;

    @Test
    void msds1HasSixteenEllipsesOfOneColourAndRandomOrientations() {
        Msds.Split split = Msds.generate(Msds.Variant.MSDS1, 40, 10, 7);
        assertThat(split.train()).hasSize(40);
        assertThat(split.test()).hasSize(10);
        double orientationSpread = 0;
        for (MsdsImage image : split.train()) {
            List<Blob> blobs = blobs(image);
            assertThat(blobs).hasSize(16);
            checkAgainstTruth(image, blobs);
            double[] mean = meanColour(blobs);
            for (Blob b : blobs) {
                for (int c = 0; c < 3; c++) {
                    // jitter σ = 0.03: every ellipse within 5σ of the image's colour
                    assertThat(Math.abs(b.colour[c] - mean[c])).isLessThan(0.15);
                }
            }
            orientationSpread += circularSpread(blobs);
        }
        // uniform orientations: the mean resultant length of 2θ over 16 ellipses is about 1/√16 = 0.25
        assertThat(orientationSpread / split.train().size()).isLessThan(0.45);
    }

    @Test
    void msds2HasSixteenEllipsesOfOneOrientationAndRandomColours() {
        Msds.Split split = Msds.generate(Msds.Variant.MSDS2, 40, 10, 8);
        for (MsdsImage image : split.train()) {
            List<Blob> blobs = blobs(image);
            assertThat(blobs).hasSize(16);
            checkAgainstTruth(image, blobs);
            // one orientation (jitter σ = 0.05 rad, plus pixelisation): 2θ nearly aligned
            assertThat(circularSpread(blobs)).isGreaterThan(0.9);
            double[] mean = meanColour(blobs);
            double variance = 0;
            for (Blob b : blobs) {
                for (int c = 0; c < 3; c++) {
                    variance += (b.colour[c] - mean[c]) * (b.colour[c] - mean[c]) / 48;
                }
            }
            // uniform on [0.25, 1]: variance 0.75²/12 ≈ 0.047 per channel
            assertThat(variance).isGreaterThan(0.02);
        }
    }

    @Test
    void theTestSetDoesNotDependOnTheTrainSize() throws Exception {
        Msds.Split small = Msds.generate(Msds.Variant.MSDS1, 3, 2, 5);
        Msds.Split large = Msds.generate(Msds.Variant.MSDS1, 9, 2, 5);
        assertThat(large.test().get(1).pixels()).containsExactly(small.test().get(1).pixels());
        assertThat(large.train().get(0).pixels()).containsExactly(small.train().get(0).pixels());
    }

    @Test
    void writesOnePngPerImage(@TempDir Path dir) throws Exception {
        Msds.writePngs(dir.resolve("msds"), Msds.generate(Msds.Variant.MSDS2, 3, 0, 1).train());
        try (var files = Files.list(dir.resolve("msds"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("img00000.png", "img00001.png", "img00002.png");
        }
    }

    /** Each blob must lie in one tile and match that tile's drawn colour and orientation. */
    private static void checkAgainstTruth(MsdsImage image, List<Blob> blobs) {
        boolean[] seen = new boolean[16];
        for (Blob b : blobs) {
            int tile = (int) (b.cy / 8) * 4 + (int) (b.cx / 8);
            assertThat(seen[tile]).as("two blobs in tile %d", tile).isFalse();
            seen[tile] = true;
            for (int c = 0; c < 3; c++) {
                assertThat(Math.abs(b.colour[c] - image.colours()[tile][c])).isLessThan(COLOUR_TOLERANCE);
            }
            double d = Math.abs(b.orientation - image.orientations()[tile]);
            assertThat(Math.min(d, Math.PI - d)).isLessThan(ORIENTATION_TOLERANCE);
        }
    }

    /** Mean resultant length of e^{2iθ} over the blobs: 1 for one orientation, ~1/√n for random ones. */
    private static double circularSpread(List<Blob> blobs) {
        double c = 0;
        double s = 0;
        for (Blob b : blobs) {
            c += Math.cos(2 * b.orientation);
            s += Math.sin(2 * b.orientation);
        }
        return Math.hypot(c, s) / blobs.size();
    }

    private static double[] meanColour(List<Blob> blobs) {
        double[] mean = new double[3];
        for (Blob b : blobs) {
            for (int c = 0; c < 3; c++) {
                mean[c] += b.colour[c] / blobs.size();
            }
        }
        return mean;
    }

    private record Blob(double cx, double cy, double[] colour, double orientation) {
    }

    /** 4-connected components of non-black pixels, with their centroid, mean colour and moment orientation. */
    private static List<Blob> blobs(MsdsImage image) {
        int n = MsdsImage.SIZE;
        boolean[] visited = new boolean[n * n];
        List<Blob> blobs = new ArrayList<>();
        for (int start = 0; start < n * n; start++) {
            if (visited[start] || !lit(image, start)) {
                continue;
            }
            List<Integer> pixels = new ArrayList<>();
            ArrayList<Integer> stack = new ArrayList<>(List.of(start));
            visited[start] = true;
            while (!stack.isEmpty()) {
                int p = stack.remove(stack.size() - 1);
                pixels.add(p);
                int y = p / n;
                int x = p % n;
                int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
                for (int[] d : steps) {
                    int yy = y + d[0];
                    int xx = x + d[1];
                    if (yy >= 0 && yy < n && xx >= 0 && xx < n && !visited[yy * n + xx] && lit(image, yy * n + xx)) {
                        visited[yy * n + xx] = true;
                        stack.add(yy * n + xx);
                    }
                }
            }
            double cx = 0;
            double cy = 0;
            double[] colour = new double[3];
            for (int p : pixels) {
                cx += (p % n + 0.5) / pixels.size();
                cy += (p / n + 0.5) / pixels.size();
                for (int c = 0; c < 3; c++) {
                    colour[c] += image.pixel(p / n, p % n, c) / pixels.size();
                }
            }
            double xx = 0;
            double yy = 0;
            double xy = 0;
            for (int p : pixels) {
                double dx = p % n + 0.5 - cx;
                double dy = p / n + 0.5 - cy;
                xx += dx * dx;
                yy += dy * dy;
                xy += dx * dy;
            }
            double orientation = 0.5 * Math.atan2(2 * xy, xx - yy);
            blobs.add(new Blob(cx, cy, colour, (orientation + Math.PI) % Math.PI));
        }
        return blobs;
    }

    private static boolean lit(MsdsImage image, int p) {
        int n = MsdsImage.SIZE;
        return image.pixel(p / n, p % n, 0) + image.pixel(p / n, p % n, 1) + image.pixel(p / n, p % n, 2) > 0;
    }
}
