package dev.coarse.cli;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25's bad inputs that gave wrong physics with exit code 0: each now gives one line {@code coarse: error: …}
 * and exit 2, or the right answer when the user says what the file holds.
 */
class NeverSilentlyWrongTest {

    @TempDir
    static Path dir;

    /** Random ±1 spins, 2D L = 16, 200 configurations (values matter only for equality, not physics). */
    static Ensemble spins;
    static Path good;

    @BeforeAll
    static void ensemble() throws IOException {
        Lattice lattice = Lattice.square(16);
        SplittableRandom random = new SplittableRandom(25);
        byte[][] c = new byte[200][lattice.siteCount()];
        for (byte[] row : c) {
            for (int i = 0; i < row.length; i++) {
                // a ferromagnetic tilt so that the coupling fit is well posed
                row[i] = (byte) (random.nextDouble() < 0.7 ? 1 : -1);
            }
        }
        spins = new Ensemble(new EnsembleMeta("ising2d", 2, 16, 2.5, 0.0, 2, "external", 1, 200, 0, 1, 1, Double.NaN,
                "test", Map.of()), lattice, c);
        good = dir.resolve("good.h5");
        EnsembleFile.write(good, spins, false);
    }

    private static void assertOneLineUserError(CliRun r, String... fragments) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(fragments);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void randomBytesInTheDataAreRefusedByInfoMiAndRgMcrg() throws IOException {
        Path damaged = dir.resolve("damaged.h5");
        EnsembleFile.write(damaged, spins, false);
        long address;
        try (HdfFile hdf = new HdfFile(damaged)) {
            address = ((ContiguousDataset) hdf.getDatasetByPath("/level0/configurations")).getDataAddress();
        }
        byte[] noise = new byte[5_000];
        new SplittableRandom(7).nextBytes(noise);
        try (FileChannel channel = FileChannel.open(damaged, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(noise), address + 1_000);
        }
        assertOneLineUserError(run("info", "mi", damaged.toString(), "--x", "0", "--y", "1"), "is damaged");
        assertOneLineUserError(run("rg", "mcrg", damaged.toString(), "--levels", "1", "--operators", "2"),
                "is damaged");
        assertThat(run("info", "mi", good.toString(), "--x", "0", "--y", "1").code()).isZero();
    }

    @Test
    void zeroOneSpinsAreRefusedOrReadWithAnExplicitEncoding() throws Exception {
        Path bits = dir.resolve("bits.h5");
        byte[][][] data = new byte[spins.size()][16][16];
        for (int s = 0; s < spins.size(); s++) {
            for (int i = 0; i < 256; i++) {
                data[s][i / 16][i % 16] = (byte) ((spins.configurations()[s][i] + 1) / 2);
            }
        }
        EnsembleMeta m = spins.meta();
        try (WritableHdfFile hdf = HdfFile.write(bits)) {
            hdf.putAttribute(EnsembleFile.FORMAT_ATTRIBUTE, EnsembleFile.FORMAT_NAME);
            hdf.putAttribute(EnsembleFile.VERSION_ATTRIBUTE, 1);
            hdf.putAttribute(EnsembleFile.LEVELS_ATTRIBUTE, 1);
            WritableGroup g = hdf.putGroup("level0");
            g.putDataset("configurations", data);
            g.putAttribute("model", m.model());
            g.putAttribute("dimension", 2);
            g.putAttribute("L", 16);
            g.putAttribute("T", m.temperature());
            g.putAttribute("h", 0.0);
            g.putAttribute("q", 2);
            g.putAttribute("sampler", "python");
            g.putAttribute("seed", 1L);
            g.putAttribute("sweeps", 200L);
            g.putAttribute("thermalize", 0L);
            g.putAttribute("thin", 1L);
            g.putAttribute("chains", 1);
            g.putAttribute("tau_int", Double.NaN);
            g.putAttribute("coarse_version", "test");
        }
        String[] couplings = {"rg", "couplings", "--levels", "1", "--operators", "nn", "--json"};
        assertOneLineUserError(run(concat(couplings, bits.toString())), "0/1 values where ±1 spins belong",
                "--encoding 01");
        CliRun asBits = run(concat(couplings, bits.toString(), "--encoding", "01"));
        CliRun asSpins = run(concat(couplings, good.toString()));
        assertThat(asBits.code()).as(asBits.err()).isZero();
        assertThat(asBits.json().get("levels")).isEqualTo(asSpins.json().get("levels"));
        assertOneLineUserError(run(concat(couplings, good.toString(), "--encoding", "bits")), "--encoding",
                "known: pm1, 01");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
