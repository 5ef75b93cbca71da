package dev.coarse.cli.report;

import dev.coarse.data.AtomicFiles;
import dev.coarse.learn.reduce.ReductionInput;
import dev.coarse.learn.reduce.ReductionResult;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;

/**
 * The pictures of a {@code coarse reduce} run, written to a folder: {@value #HTML} (everything embedded) and beside
 * it {@value #INFORMATION} (information kept and lost per level), and per level n {@code level_n_coarse.png} (the
 * first samples with every pixel painted with the value of the coarse variable it belongs to — the data as the level
 * sees them) and {@code level_n_labels.png} (which coarse variable each pixel belongs to, one colour per variable, grey for a
 * constant pixel in none; one tile per channel). Pictures need data with a geometry ({@link ReductionInput.Picture}: images, 2D lattices); other
 * data get the plot and the table only.
 */
public final class ReductionReport {

    /** The report's file name. */
    public static final String HTML = "report.html";
    /** The plot of the information per level. */
    public static final String INFORMATION = "information.png";
    /** Samples drawn per level. */
    public static final int SAMPLES = 8;

    private static final int GAP = 4;
    private static final int BACKGROUND = 0x888888;

    private ReductionReport() {
    }

    /** The picture files of level n. */
    public static String coarseFile(int level) {
        return "level_" + level + "_coarse.png";
    }

    /** The labels-map file of level n. */
    public static String labelsFile(int level) {
        return "level_" + level + "_labels.png";
    }

    /**
     * Writes the report into {@code folder} (created if needed).
     *
     * @param picture the data's geometry, or null for data without one
     * @return the files written
     */
    public static List<Path> write(Path folder, String data, ReductionResult result, ReductionInput.Picture picture,
            boolean overwrite) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        String method = result.method().name().toLowerCase(Locale.ROOT);
        HtmlReport html = new HtmlReport("coarse reduce: " + data + " (" + method + ")");
        html.paragraph(result.samples() + " samples × " + result.variables() + " variables, reduced by " + method
                + " over " + result.levels().size() + " level(s). Information in nats.");
        List<List<String>> rows = new ArrayList<>();
        for (ReductionResult.Level level : result.levels()) {
            rows.add(List.of(Integer.toString(level.level()), Integer.toString(level.inputs()),
                    Integer.toString(level.outputs()), HtmlReport.formatWithError(level.kept().mean(),
                            level.kept().error()), HtmlReport.formatWithError(level.lost().mean(),
                            level.lost().error())));
        }
        html.table("Levels", List.of("level", "inputs", "coarse variables", "kept", "lost"), rows);
        byte[] plot = Plots.png(informationChart(result));
        written.add(save(folder.resolve(INFORMATION), plot, overwrite));
        html.figurePng("Information kept and lost per level (nats)", plot);
        if (picture == null) {
            html.paragraph("The data have no picture geometry (not images, not a 2D lattice): no pictures per level.");
        } else {
            int zoom = Math.max(1, 128 / Math.max(picture.width(), picture.height()));
            for (ReductionResult.Level level : result.levels()) {
                int[] composed = result.composedLabels(level.level());
                byte[] coarse = coarsePng(level, composed, picture, zoom);
                byte[] labels = labelsPng(composed, picture, zoom);
                written.add(save(folder.resolve(coarseFile(level.level())), coarse, overwrite));
                written.add(save(folder.resolve(labelsFile(level.level())), labels, overwrite));
                html.heading("Level " + level.level());
                html.figurePng("Level " + level.level() + ": the first samples as the level sees them (each pixel"
                        + " painted with the value of its coarse variable)", coarse);
                html.figurePng("Level " + level.level() + ": which of the " + level.outputs() + " coarse variables"
                        + " each pixel belongs to" + (picture.channels() > 1 ? " (one tile per channel)" : ""),
                        labels);
            }
        }
        Path report = folder.resolve(HTML);
        html.write(report, overwrite);
        written.add(report);
        return written;
    }

    static XYChart informationChart(ReductionResult result) {
        int n = result.levels().size();
        double[] x = new double[n];
        double[] kept = new double[n];
        double[] keptError = new double[n];
        double[] lost = new double[n];
        double[] lostError = new double[n];
        for (int i = 0; i < n; i++) {
            ReductionResult.Level level = result.levels().get(i);
            x[i] = level.level();
            kept[i] = level.kept().mean();
            keptError[i] = finite(level.kept().error());
            lost[i] = level.lost().mean();
            lostError[i] = finite(level.lost().error());
        }
        return Plots.xy("Information per level", "level", "nats").lineWithErrors("kept", x, kept, keptError)
                .lineWithErrors("lost", x, lost, lostError).chart();
    }

    private static double finite(double error) {
        return Double.isFinite(error) ? error : 0;
    }

    /** The first samples, each pixel the value of its coarse variable, scaled to the level's range. */
    static byte[] coarsePng(ReductionResult.Level level, int[] composed, ReductionInput.Picture picture, int zoom)
            throws IOException {
        int samples = Math.min(SAMPLES, level.continuous() ? level.coarseValues().length : level.coarse().length);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < samples; r++) {
            for (int j = 0; j < level.outputs(); j++) {
                min = Math.min(min, level.value(r, j));
                max = Math.max(max, level.value(r, j));
            }
        }
        double range = max > min ? max - min : 1;
        BufferedImage image = canvas(samples, picture, zoom);
        int c = picture.channels();
        for (int r = 0; r < samples; r++) {
            for (int y = 0; y < picture.height(); y++) {
                for (int x = 0; x < picture.width(); x++) {
                    int rgb = 0;
                    for (int channel = 0; channel < 3; channel++) {
                        int col = (y * picture.width() + x) * c + Math.min(channel, c - 1);
                        int v = composed[col] < 0 ? 0
                                : (int) Math.round(255 * (level.value(r, composed[col]) - min) / range);
                        rgb = rgb << 8 | v;
                    }
                    paint(image, tileX(r, picture, zoom) + x * zoom, GAP + y * zoom, zoom, rgb);
                }
            }
        }
        return png(image);
    }

    /** One tile per channel, each pixel the colour of the coarse variable it belongs to. */
    static byte[] labelsPng(int[] composed, ReductionInput.Picture picture, int zoom) throws IOException {
        int c = picture.channels();
        BufferedImage image = canvas(c, picture, zoom);
        for (int channel = 0; channel < c; channel++) {
            for (int y = 0; y < picture.height(); y++) {
                for (int x = 0; x < picture.width(); x++) {
                    int label = composed[(y * picture.width() + x) * c + channel];
                    paint(image, tileX(channel, picture, zoom) + x * zoom, GAP + y * zoom, zoom, colour(label));
                }
            }
        }
        return png(image);
    }

    /** Distinct colours for neighbouring labels: hues a golden angle apart; grey for no label (−1). */
    static int colour(int label) {
        if (label < 0) {
            return BACKGROUND;
        }
        float hue = (float) ((label * 0.6180339887498949) % 1.0);
        return Color.HSBtoRGB(hue, 0.65f, 0.95f) & 0xFFFFFF;
    }

    private static BufferedImage canvas(int tiles, ReductionInput.Picture picture, int zoom) {
        int width = tiles * picture.width() * zoom + (tiles + 1) * GAP;
        int height = picture.height() * zoom + 2 * GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, BACKGROUND);
            }
        }
        return image;
    }

    private static int tileX(int tile, ReductionInput.Picture picture, int zoom) {
        return GAP + tile * (picture.width() * zoom + GAP);
    }

    private static void paint(BufferedImage image, int x0, int y0, int zoom, int rgb) {
        for (int dy = 0; dy < zoom; dy++) {
            for (int dx = 0; dx < zoom; dx++) {
                image.setRGB(x0 + dx, y0 + dy, rgb);
            }
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer available");
        }
        return bytes.toByteArray();
    }

    private static Path save(Path file, byte[] png, boolean overwrite) throws IOException {
        AtomicFiles.write(file, overwrite, tmp -> Files.write(tmp, png));
        return file;
    }
}
