package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.dataset.ContiguousDataset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, "never silently wrong": damaged data and wrong values are refused when an ensemble file is read. */
class EnsembleFileIntegrityTest {

    @TempDir
    Path dir;

    /** Overwrites {@code count} bytes of level 0's data from its start with seeded random bytes. */
    static void scribble(Path file, int count, long seed) throws IOException {
        long address;
        long bytes;
        try (HdfFile hdf = new HdfFile(file)) {
            ContiguousDataset d = (ContiguousDataset) hdf.getDatasetByPath("/level0/configurations");
            address = d.getDataAddress();
            bytes = d.getSizeInBytes();
        }
        byte[] noise = new byte[(int) Math.min(count, bytes)];
        new SplittableRandom(seed).nextBytes(noise);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(noise), address);
        }
    }

    @Test
    void fiveThousandRandomBytesInSpinDataAreDetected() throws IOException {
        Path file = dir.resolve("spins.h5");
        EnsembleFile.write(file, EnsembleFileTest.ensemble("ising2d", Lattice.square(16), 2, 200, 1), false);
        scribble(file, 5_000, 2);
        assertThatThrownBy(() -> EnsembleFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("SHA-256")
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aSpinFlippedByOneByteIsDetected() throws IOException {
        Path file = dir.resolve("flip.h5");
        Ensemble e = EnsembleFileTest.ensemble("ising2d", Lattice.square(8), 2, 10, 3);
        EnsembleFile.write(file, e, false);
        long address;
        try (HdfFile hdf = new HdfFile(file)) {
            address = ((ContiguousDataset) hdf.getDatasetByPath("/level0/configurations")).getDataAddress();
        }
        byte flipped = (byte) -e.configurations()[0][5];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {flipped}), address + 5);
        }
        // a valid spin, so only the digest can tell
        assertThatThrownBy(() -> EnsembleFile.read(file)).hasMessageContaining("is damaged");
    }

    @Test
    void randomBytesInContinuousDataAreDetected() throws IOException {
        Path file = dir.resolve("field.h5");
        Lattice lattice = Lattice.square(8);
        double[][] values = new double[50][lattice.siteCount()];
        SplittableRandom random = new SplittableRandom(4);
        for (double[] v : values) {
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextDouble() - 0.5;
            }
        }
        EnsembleMeta meta = new EnsembleMeta("phi4", 2, 8, 1.0, 0.0, 2, "metropolis", 1, 1, 1, 1, 1, Double.NaN,
                "x", Map.of(), Map.of("kappa", 0.1, "lambda", 1.0));
        EnsembleFile.write(file, new Ensemble(meta, lattice,
                new ContinuousConfigurations(DegreesOfFreedom.realField(), values)), false);
        assertThat(EnsembleFile.read(file).data()).isInstanceOf(ContinuousConfigurations.class);
        scribble(file, 5_000, 5);
        assertThatThrownBy(() -> EnsembleFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("is damaged");
    }

    @Test
    void olderFilesWithoutADigestStillRead() throws IOException {
        Path file = dir.resolve("old.h5");
        byte[][][] spins = new byte[3][4][4];
        for (byte[][] c : spins) {
            for (byte[] row : c) {
                java.util.Arrays.fill(row, (byte) -1);
            }
        }
        writeHandMade(file, spins, "ising2d");
        assertThat(EnsembleFile.read(file).size()).isEqualTo(3);
    }

    @Test
    void zeroOneSpinsAreRefusedWithHowToConvertOrReadWhenAskedFor() throws IOException {
        Path file = dir.resolve("bits.h5");
        byte[][][] bits = new byte[2][4][4];
        bits[0][1][2] = 1;
        bits[1][0][0] = 1;
        writeHandMade(file, bits, "ising2d");
        assertThatThrownBy(() -> EnsembleFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("0/1 values where ±1 spins belong")
                .hasMessageContaining("2 * a.astype('int8') - 1")
                .hasMessageContaining("--encoding 01")
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"));
        Ensemble read = EnsembleFile.readLevels(file, SpinEncoding.BITS).get(0);
        assertThat(read.configurations()[0][1 * 4 + 2]).isEqualTo((byte) 1);
        assertThat(read.configurations()[0][0]).isEqualTo((byte) -1);
        assertThat(read.configurations()[1][0]).isEqualTo((byte) 1);
    }

    @Test
    void outOfRangeValuesAreRefused() throws IOException {
        Path spins = dir.resolve("twos.h5");
        byte[][][] data = new byte[1][4][4];
        for (byte[] row : data[0]) {
            java.util.Arrays.fill(row, (byte) 1);
        }
        data[0][3][3] = 2;
        writeHandMade(spins, data, "ising2d");
        assertThatThrownBy(() -> EnsembleFile.read(spins)).isInstanceOf(IOException.class)
                .hasMessageContaining("configuration 0: value 2 at index 15 is not a spin");

        Path potts = dir.resolve("potts.h5");
        byte[][][] labels = new byte[1][4][4];
        labels[0][0][1] = 3;
        try (WritableHdfFile hdf = HdfFile.write(potts)) {
            putRootMarkers(hdf);
            WritableGroup g = hdf.putGroup("level0");
            g.putDataset("configurations", labels);
            HandMadeLevels.putMetadata(g, "potts2d", "wolff");
            g.putAttribute("q", 3);
        }
        assertThatThrownBy(() -> EnsembleFile.read(potts)).isInstanceOf(IOException.class)
                .hasMessageContaining("value 3 at index 1 is not a state label 0..2");
    }

    @Test
    void dimerConfigurationsMustBeCoverings() throws IOException {
        Lattice lattice = Lattice.square(4);
        byte[] covering = DimerModel.free(lattice).columnarCovering();
        byte[] broken = covering.clone();
        for (int i = 0; i < broken.length; i++) {
            if (broken[i] == 1) {
                broken[i] = 0;
                break;
            }
        }
        EnsembleMeta meta = new EnsembleMeta(DimerModel.NAME, 2, 4, 1.0, 0.0, 2, "worm", 1, 1, 1, 1, 1, Double.NaN,
                "x", Map.of(), Map.of("v", 0.0));
        Path good = dir.resolve("dimers.h5");
        EnsembleFile.write(good, new Ensemble(meta, lattice,
                new DiscreteConfigurations(DegreesOfFreedom.bondOccupations(), new byte[][] {covering})), false);
        assertThat(EnsembleFile.read(good).size()).isEqualTo(1);
        Path bad = dir.resolve("broken.h5");
        EnsembleFile.write(bad, new Ensemble(meta, lattice,
                new DiscreteConfigurations(DegreesOfFreedom.bondOccupations(), new byte[][] {covering, broken})),
                false);
        assertThatThrownBy(() -> EnsembleFile.read(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("configuration 1: site").hasMessageContaining("covered by no dimer");
    }

    private static void putRootMarkers(WritableHdfFile hdf) {
        hdf.putAttribute(EnsembleFile.FORMAT_ATTRIBUTE, EnsembleFile.FORMAT_NAME);
        hdf.putAttribute(EnsembleFile.VERSION_ATTRIBUTE, 1);
        hdf.putAttribute(EnsembleFile.LEVELS_ATTRIBUTE, 1);
    }

    /** A version-1 file without a digest (as Coarse wrote before it had one, or another program writes). */
    private static void writeHandMade(Path file, byte[][][] data, String model) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            putRootMarkers(hdf);
            WritableGroup g = hdf.putGroup("level0");
            g.putDataset("configurations", data);
            HandMadeLevels.putMetadata(g, model, "wolff");
        }
    }
}
