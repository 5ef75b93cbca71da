package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: a folder of PNG images ({@code coarse reduce FOLDER}, {@code coarse rgflow train --data FOLDER}) that is
 * empty, holds no images, images of different sizes, a truncated or damaged PNG, an empty file or a folder named like
 * an image is refused in one line naming the folder or the file, never with another exception or a message that
 * names neither. One PNG of the folder is then fuzzed ({@link ReaderFuzzTest#mutate}: {@value ReaderFuzzTest#QUICK}
 * inputs per build, {@value ReaderFuzzTest#FULL} with {@code -Dcoarse.fuzz=full}); a folder that is read holds
 * values 0 … 255 for every pixel of every image.
 */
class ImageFolderFuzzTest {

    @TempDir
    Path dir;

    /** A PNG of the given size and kind, pixels from a seeded stream. */
    static byte[] png(int width, int height, int type, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, type == BufferedImage.TYPE_BYTE_GRAY ? 0x010101 * random.nextInt(256)
                        : random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static void refusedNaming(Path folder, String named) {
        assertThatThrownBy(() -> ImageFolder.read(folder)).isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(named));
    }

    @Test
    void badFoldersAreRefusedNamingTheFile() throws IOException {
        refusedNaming(folder("empty"), "holds no .png images");
        Path text = folder("text");
        Files.writeString(text.resolve("notes.txt"), "not an image");
        refusedNaming(text, "holds no .png images");

        Path sizes = folder("sizes");
        Files.write(sizes.resolve("a.png"), png(4, 4, BufferedImage.TYPE_BYTE_GRAY, 1));
        Files.write(sizes.resolve("b.png"), png(4, 8, BufferedImage.TYPE_BYTE_GRAY, 2));
        refusedNaming(sizes, "b.png (row 1) is 4×8, a.png is 4×4");

        byte[] good = png(8, 8, BufferedImage.TYPE_INT_RGB, 3);
        Path truncated = folder("truncated");
        Files.write(truncated.resolve("a.png"), good);
        Files.write(truncated.resolve("b.png"), Arrays.copyOf(good, good.length / 2));
        refusedNaming(truncated, "b.png");

        Path empty = folder("empty-file");
        Files.write(empty.resolve("a.png"), good);
        Files.write(empty.resolve("b.png"), new byte[0]);
        refusedNaming(empty, "b.png");

        Path text2 = folder("text-named-png");
        Files.writeString(text2.resolve("a.png"), "not an image");
        refusedNaming(text2, "a.png");

        Path nested = folder("nested");
        Files.write(nested.resolve("a.png"), good);
        Files.createDirectories(nested.resolve("b.png"));
        refusedNaming(nested, "b.png");
    }

    /** Fuzzes the second of three PNGs (grey or RGB); the folder is read or refused naming that file. */
    private void fuzz(int type, long seed, int count) throws IOException {
        Path images = folder("fuzz-" + type);
        Files.write(images.resolve("a.png"), png(8, 8, type, seed));
        Files.write(images.resolve("z.png"), png(8, 8, type, seed + 1));
        ReaderFuzzTest.fuzz(images, "b.png", png(8, 8, type, seed + 2), count, seed, file -> {
            ImageFolder read;
            try {
                read = ImageFolder.read(file.getParent());
            } catch (IOException e) {
                assertThat(e.getMessage()).as("the message names the damaged file").contains(file.getFileName()
                        .toString());
                throw e;
            }
            assertThat(read.rowCount()).isEqualTo(3);
            for (int j = 0; j < read.columnCount(); j++) {
                assertThat(java.util.stream.DoubleStream.of(read.column(j))
                        .allMatch(v -> v >= 0 && v <= 255 && v == Math.rint(v))).isTrue();
            }
        });
    }

    @Test
    void damagedPngsQuick() throws IOException {
        fuzz(BufferedImage.TYPE_BYTE_GRAY, 51, ReaderFuzzTest.QUICK / 2);
        fuzz(BufferedImage.TYPE_INT_RGB, 52, ReaderFuzzTest.QUICK / 2);
    }

    @Test
    @EnabledIfSystemProperty(named = "coarse.fuzz", matches = "full")
    void damagedPngsTenThousandInputs() throws IOException {
        fuzz(BufferedImage.TYPE_BYTE_GRAY, 53, ReaderFuzzTest.FULL / 2);
        fuzz(BufferedImage.TYPE_INT_RGB, 54, ReaderFuzzTest.FULL / 2);
    }
}
