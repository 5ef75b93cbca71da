package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataShape}: the sizes each kind of file declares, read without its data, and the byte counts built on them. */
class DataShapeTest {

    @TempDir
    Path dir;

    @Test
    void anEnsembleLevelIsItsDatasetShape() throws IOException {
        Path file = dir.resolve("e.h5");
        Ensemble level0 = EnsembleFileTest.ensemble("ising2d", Lattice.square(6), 2, 30, 1);
        Ensemble level1 = new Ensemble(EnsembleFileTest.meta("ising2d", Lattice.square(3), 2,
                Map.of("level", "1")), Lattice.square(3), ones(30, 9));
        EnsembleFile.writeLevels(file, List.of(level0, level1), false);
        DataShape shape = DataShape.of(file, 0);
        assertThat(shape).isEqualTo(new DataShape(DataShape.Kind.ENSEMBLE, 30, 36, 1));
        // one byte array of 36 values per configuration, each with its header and reference
        assertThat(shape.readBytes()).isEqualTo(30 * (36 + 24));
        assertThat(DataShape.of(file, 1).values()).isEqualTo(9);
        assertThatThrownBy(() -> DataShape.of(file, 2)).isInstanceOf(IOException.class)
                .hasMessageContaining("no level 2");
    }

    @Test
    void aNpyFileIsItsHeaderShapeReadAsDoubles() throws IOException {
        Path file = dir.resolve("a.npy");
        Files.write(file, NpyFileTest.npy(1, "<i1", false, new long[] {5, 4, 4},
                NpyFileTest.encode(new double[80], "i1", ByteOrder.LITTLE_ENDIAN)));
        DataShape shape = DataShape.of(file, 0);
        assertThat(shape).isEqualTo(new DataShape(DataShape.Kind.NPY, 5, 16, 8));
        assertThat(shape.readBytes()).isEqualTo(5 * 16 * 8);
        assertThat(shape.columnBytes()).isEqualTo(16 * (5 * 8 + 24));
    }

    @Test
    void aCsvCountsItsLinesLessOneAndItsFirstLinesFields() throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), "x,y,z\n1,2,3\n\n4,5,6\r\n7,8,9");
        DataShape shape = DataShape.of(file, 0);
        assertThat(shape).isEqualTo(new DataShape(DataShape.Kind.CSV, 3, 3, 8));
        // rows and the columns they are copied into
        assertThat(shape.readBytes()).isEqualTo(3 * (3 * 8 + 24) + 3 * (3 * 8 + 24));
    }

    @Test
    void aFolderOfImagesIsTheCountTimesTheFirstImagesPixels() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("png"));
        for (int i = 0; i < 3; i++) {
            ImageIO.write(new BufferedImage(8, 4, BufferedImage.TYPE_BYTE_GRAY), "png",
                    folder.resolve("i" + i + ".png").toFile());
        }
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        assertThat(DataShape.of(folder, 0)).isEqualTo(new DataShape(DataShape.Kind.IMAGES, 3, 32, 1));
    }

    @Test
    void aMissingFileIsNamedAndSizesSaturate() {
        assertThatThrownBy(() -> DataShape.of(dir.resolve("none.h5"), 0)).isInstanceOf(NoSuchFileException.class);
        DataShape huge = new DataShape(DataShape.Kind.ENSEMBLE, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 1);
        assertThat(huge.readBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(huge.columnBytes()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new DataShape(DataShape.Kind.CSV, -1, 1, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[][] ones(int n, int sites) {
        byte[][] c = new byte[n][sites];
        for (byte[] row : c) {
            java.util.Arrays.fill(row, (byte) 1);
        }
        return c;
    }
}
