package dev.coarse.cli.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.report.ReductionReport;
import io.jhdf.HdfFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReduceCommandTest {

    @TempDir
    Path dir;

    /**
     * A CSV as a user writes it by hand: a header, two groups of three sensors, each group reading one hidden on/off
     * source (a few readings wrong).
     */
    private static final String HAND_WRITTEN = """
            door1,door2,door3,lamp1,lamp2,lamp3
            1,1,1,0,0,0
            0,0,0,1,1,1
            1,1,1,1,1,1
            0,0,0,0,0,0
            1,1,0,0,0,0
            0,0,0,1,1,1
            1,1,1,1,0,1
            0,0,0,0,0,0
            1,1,1,0,0,0
            0,1,0,1,1,1
            1,1,1,1,1,1
            0,0,0,0,0,1
            1,1,1,0,0,0
            0,0,0,1,1,1
            1,1,1,1,1,1
            0,0,0,0,0,0
            """;

    @Test
    void reducesAHandWrittenCsvAndWritesTheCoarseVariables() throws Exception {
        Path csv = dir.resolve("sensors.csv");
        Files.writeString(csv, HAND_WRITTEN);
        Path out = dir.resolve("coarse.h5");
        CliRun r = CliRun.quiet("reduce", csv.toString(), "--method", "corex", "--factors", "2", "--levels", "2",
                "--restarts", "3", "--json", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("levels")).hasSize(2);
        JsonNode one = json.get("levels").get(0);
        int[] labels = new int[6];
        for (int i = 0; i < 6; i++) {
            labels[i] = one.get("labels").get(i).asInt();
        }
        assertThat(labels).containsExactly(labels[0], labels[0], labels[0], 1 - labels[0], 1 - labels[0],
                1 - labels[0]);
        assertThat(one.get("information_kept").get("mean").asDouble()).isPositive();
        assertThat(one.get("information_kept").get("error").asDouble()).isPositive();
        assertThat(one.get("information_lost").get("mean").asDouble()).isPositive();
        assertThat(one.get("stability").asDouble()).isBetween(0.0, 1.0);
        try (HdfFile hdf = new HdfFile(out)) {
            assertThat(hdf.getDatasetByPath("/level_1/coarse").getDimensions()).containsExactly(16, 2);
            assertThat(hdf.getDatasetByPath("/level_2/coarse").getDimensions()).containsExactly(16, 1);
        }
    }

    @Test
    void linearCorexGroupsContinuousSensorsAndWritesRealFactors() throws Exception {
        // two hidden Gaussian sources, three noisy sensors each (columns a1 b1 a2 b2 a3 b3), 400 readings
        SplittableRandom rng = new SplittableRandom(9);
        StringBuilder text = new StringBuilder("a1,b1,a2,b2,a3,b3\n");
        for (int r = 0; r < 400; r++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            for (int i = 0; i < 6; i++) {
                text.append(String.format(java.util.Locale.ROOT, "%.5f", (i % 2 == 0 ? a : b) + 0.7
                        * rng.nextGaussian())).append(i < 5 ? "," : "\n");
            }
        }
        Path csv = dir.resolve("sources.csv");
        Files.writeString(csv, text);
        Path out = dir.resolve("linear.h5");
        CliRun r = CliRun.quiet("reduce", csv.toString(), "--method", "corex", "--corex-kind", "linear",
                "--factors", "2", "--restarts", "2", "--json", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode level = r.json().get("levels").get(0);
        assertThat(r.json().get("method").asText()).isEqualTo("linear_corex");
        JsonNode labels = level.get("labels");
        for (int i = 0; i < 6; i++) {
            assertThat(labels.get(i).asInt()).isEqualTo(labels.get(i % 2).asInt());
        }
        assertThat(labels.get(0).asInt()).isNotEqualTo(labels.get(1).asInt());
        assertThat(level.get("information_kept").get("mean").asDouble()).isPositive();
        try (HdfFile hdf = new HdfFile(out)) {
            assertThat(hdf.getDatasetByPath("/level_1/coarse").getDimensions()).containsExactly(400, 2);
            assertThat(hdf.getDatasetByPath("/level_1/coarse").getJavaType()).isEqualTo(double.class);
        }
        CliRun bad = CliRun.quiet("reduce", csv.toString(), "--corex-kind", "gaussian");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--corex-kind");
    }

    @Test
    void reducesAFolderOfImagesWithCorexAndMajority() throws Exception {
        // 4×4 grey images, left half one random shade pattern (black or white), right half another, 5% pixel noise
        Path images = Files.createDirectory(dir.resolve("images"));
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 0; n < 60; n++) {
            boolean left = rng.nextBoolean();
            boolean right = rng.nextBoolean();
            BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    boolean on = (x < 2 ? left : right) ^ (rng.nextDouble() < 0.05);
                    int grey = on ? 255 : 0;
                    image.setRGB(x, y, 0xff000000 | grey << 16 | grey << 8 | grey);
                }
            }
            ImageIO.write(image, "png", images.resolve(String.format("img%03d.png", n)).toFile());
        }
        Path report = dir.resolve("report");
        CliRun corex = CliRun.quiet("reduce", images.toString(), "--factors", "2", "--levels", "2", "--json",
                "--report", report.toString());
        assertThat(corex.code()).as(corex.err()).isZero();
        JsonNode labels = corex.json().get("levels").get(0).get("labels");
        assertThat(labels).hasSize(16);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                // pixel (y, x) is column y·4 + x; the two halves belong to different factors
                assertThat(labels.get(y * 4 + x).asInt()).isEqualTo(labels.get(x < 2 ? 0 : 2).asInt());
            }
        }
        assertThat(labels.get(0).asInt()).isNotEqualTo(labels.get(2).asInt());
        assertValidReport(report, 2, 4, 4);
        // level 1's labels map: the left half one colour, the right half another
        BufferedImage map = ImageIO.read(report.resolve(ReductionReport.labelsFile(1)).toFile());
        int zoom = 128 / 4;
        assertThat(map.getRGB(4 + zoom / 2, 4 + zoom / 2)).isEqualTo(map.getRGB(4 + zoom + zoom / 2, 4 + 3 * zoom));
        assertThat(map.getRGB(4 + zoom / 2, 4 + zoom / 2)).isNotEqualTo(map.getRGB(4 + 3 * zoom, 4 + zoom / 2));
        Path majorityReport = dir.resolve("majority-report");
        CliRun majority = CliRun.quiet("reduce", images.toString(), "--method", "majority", "--json", "--report",
                majorityReport.toString());
        assertThat(majority.code()).as(majority.err()).isZero();
        assertValidReport(majorityReport, 1, 4, 4);
        JsonNode level = majority.json().get("levels").get(0);
        assertThat(level.get("coarse_variables").asInt()).isEqualTo(4);
        assertThat(level.get("kept_fraction").get("mean").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void badDataIsOneLineNamingTheRowOrColumn() throws IOException {
        assertUsageError(csv("ragged.csv", "1,2,3\n4,5\n"), "line 2");
        assertUsageError(csv("nan.csv", "1,2\n3,NaN\n5,6\n"), "line 2, column 1");
        assertUsageError(csv("constant.csv", "1,7\n2,7\n3,7\n"), "column 1 is constant");
        Path wrongShape = dir.resolve("wrong.npy");
        writeNpy(wrongShape, new long[] {2, 2, 3}, new double[12]);
        assertUsageError(wrongShape, "expected (samples, columns) or (samples, L, L)");
        Path nan = dir.resolve("nan.npy");
        writeNpy(nan, new long[] {2, 2}, new double[] {1, 2, 3, Double.NaN});
        assertUsageError(nan, "row 1, column 1");
    }

    /** Rows of an 8×8 field constant on 2×2 blocks (block values uniform in 0 … 9, plus 0.01 noise), as CSV text. */
    private static String blockFieldCsv(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < samples; r++) {
            double[] blocks = new double[16];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = random.nextInt(10);
            }
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    csv.append(y + x == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.3f",
                            blocks[(y / 2) * 4 + x / 2] + 0.01 * random.nextGaussian()));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /**
     * rgflow on a CSV of an 8×8 field: one quick epoch, two levels of 16 and 4 coarse latents, the HDF5 file, the
     * report and the model; read again with the saved model (same seed), the JSON's levels are the same numbers.
     */
    @Test
    void rgflowReducesAFieldAndReadsItAgainWithTheSavedModel() throws Exception {
        Path field = csv("field.csv", blockFieldCsv(64, 3));
        Path model = dir.resolve("field.rgflow.json");
        Path out = dir.resolve("field-coarse.h5");
        Path report = dir.resolve("field-report");
        CliRun trained = CliRun.quiet("reduce", field.toString(), "--method", "rgflow", "--levels", "2", "--epochs",
                "1", "--flow-batch", "32", "--save-model", model.toString(), "--out", out.toString(), "--report",
                report.toString(), "--seed", "4", "--json");
        assertThat(trained.code()).as(trained.err()).isZero();
        JsonNode json = trained.json();
        assertThat(json.get("method").asText()).isEqualTo("rgflow");
        assertThat(json.get("samples").asInt()).isEqualTo(64);
        assertThat(json.get("flow").get("trained_here").asBoolean()).isTrue();
        assertThat(json.get("flow").get("L").asInt()).isEqualTo(8);
        assertThat(json.get("flow").get("bits_per_dim").get("mean").asDouble()).isPositive();
        assertThat(json.get("flow").get("quantisation").get("max").asDouble()).isGreaterThan(8.9);
        JsonNode levels = json.get("levels");
        assertThat(levels).hasSize(2);
        assertThat(levels.get(0).get("inputs").asInt()).isEqualTo(64);
        assertThat(levels.get(0).get("coarse_variables").asInt()).isEqualTo(16);
        assertThat(levels.get(0).get("latents_set_aside").asInt()).isEqualTo(48);
        assertThat(levels.get(0).get("labels")).hasSize(64);
        assertThat(levels.get(1).get("coarse_variables").asInt()).isEqualTo(4);
        assertThat(levels.get(0).get("information_kept").get("error").asDouble()).isPositive();
        try (HdfFile h5 = new HdfFile(out)) {
            double[][] coarse = (double[][]) h5.getDatasetByPath("level_2/coarse").getData();
            assertThat(coarse).hasNumberOfRows(64);
            assertThat(coarse[0]).hasSize(4);
        }
        assertValidReport(report, 2, 8, 8);

        CliRun again = CliRun.quiet("reduce", field.toString(), "--method", "rgflow", "--levels", "2", "--model",
                model.toString(), "--seed", "4", "--json");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.json().get("flow").get("trained_here").asBoolean()).isFalse();
        assertThat(again.json().get("levels")).isEqualTo(levels);
        assertThat(again.json().get("flow").get("bits_per_dim")).isEqualTo(json.get("flow").get("bits_per_dim"));

        CliRun other = CliRun.quiet("reduce", csv("field4.csv", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"
                + "2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,1\n").toString(), "--method", "rgflow", "--model", model.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("the model takes 1×8×8 fields");
    }

    @Test
    void rgflowRefusesWhatIsNotAnLByLFieldOfSideAPowerOfTwo() throws IOException {
        StringBuilder six = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 36; j++) {
                six.append(j == 0 ? "" : ",").append((j + 1) * (r + 1));
            }
            six.append('\n');
        }
        assertRgflowError(csv("six.csv", six.toString()), "L = 6 is not a power of two ≥ 4");
        assertRgflowError(csv("three.csv", "1,2,3\n2,3,1\n"), "3 columns are not L² values of an L×L field");
        assertRgflowError(csv("nan.csv", "1,2,3,4\n2,NaN,4,1\n"), "line 2, column 1");
        assertRgflowError(csv("small.csv", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"
                + "2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,1\n"), "--levels 2 needs L ≥ 8", "--levels", "2");
        assertRgflowError(csv("corex.csv", "1,2\n2,1\n"), "--model and --save-model go with --method rgflow",
                "--method", "corex", "--model", "x.json");
    }

    private static void assertRgflowError(Path file, String fragment, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("reduce", file.toString(), "--json"));
        args.addAll(java.util.List.of(more));
        if (!args.contains("--method")) {
            args.addAll(java.util.List.of("--method", "rgflow"));
        }
        CliRun r = CliRun.quiet(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("coarse: error: ").contains(fragment).doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    /** The report's HTML and every PNG exist, the PNGs decode, the picture sizes follow the data's. */
    private static void assertValidReport(Path report, int levels, int width, int height) throws IOException {
        String html = Files.readString(report.resolve(ReductionReport.HTML));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("</html>").contains("data:image/png;base64,");
        assertThat(isPng(report.resolve(ReductionReport.INFORMATION))).isTrue();
        int zoom = 128 / Math.max(width, height);
        for (int n = 1; n <= levels; n++) {
            for (Path png : new Path[] {report.resolve(ReductionReport.coarseFile(n)),
                report.resolve(ReductionReport.labelsFile(n))}) {
                assertThat(isPng(png)).as("%s", png).isTrue();
                BufferedImage image = ImageIO.read(png.toFile());
                assertThat(image).as("%s decodes", png).isNotNull();
                assertThat(image.getHeight()).isEqualTo(height * zoom + 8);
            }
        }
    }

    private static boolean isPng(Path file) throws IOException {
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 8);
        return java.util.Arrays.equals(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    }

    private Path csv(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void assertUsageError(Path file, String fragment) {
        CliRun r = CliRun.quiet("reduce", file.toString(), "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("coarse: error: ").contains(fragment).doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    /** A little-endian float64 .npy in C order (format version 1.0). */
    private static void writeNpy(Path file, long[] shape, double[] values) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims.toString().strip() + "), }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(10 + header.length() + 8 * values.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1)
                .put((byte) 0).putShort((short) header.length());
        buffer.put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (double v : values) {
            buffer.putDouble(v);
        }
        Files.write(file, buffer.array());
    }
}
