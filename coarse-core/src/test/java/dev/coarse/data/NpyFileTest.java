package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.DimerWorm;
import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.PottsModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .npy reader on files written here byte by byte (every header form, dtype, byte order and bad input) and on
 * files written by numpy itself ({@code write_npy.py}, run with Debian's python3-numpy; skipped without it).
 */
class NpyFileTest {

    private static final int L = 4;

    @TempDir
    Path dir;

    // ---- files written here ----

    /** A .npy file with the given header fields, padded as numpy pads it, and the raw data. */
    static byte[] npy(int version, String descr, boolean fortran, long[] shape, byte[] data) {
        StringBuilder shapeText = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            shapeText.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        shapeText.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shapeText + ", }";
        int prefix = 6 + 2 + (version == 1 ? 2 : 4);
        int padded = ((prefix + dict.length() + 1 + 63) / 64) * 64;
        String header = dict + " ".repeat(padded - prefix - dict.length() - 1) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        ByteBuffer length = ByteBuffer.allocate(version == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (version == 1) {
            length.putShort((short) header.length());
        } else {
            length.putInt(header.length());
        }
        out.writeBytes(length.array());
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** Values as elements of a dtype (i1, i2, i4, i8, f4, f8, u1, b1) in a byte order, in the given element order. */
    static byte[] encode(double[] values, String code, ByteOrder order) {
        int size = Integer.parseInt(code.substring(1));
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(order);
        for (double v : values) {
            switch (code) {
                case "i1", "u1", "b1" -> b.put((byte) v);
                case "i2" -> b.putShort((short) v);
                case "i4" -> b.putInt((int) v);
                case "i8" -> b.putLong((long) v);
                case "f4" -> b.putFloat((float) v);
                case "f8" -> b.putDouble(v);
                default -> throw new IllegalArgumentException(code);
            }
        }
        return b.array();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[][] randomSpins(int n, int sites, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[][] s = new byte[n][sites];
        for (byte[] c : s) {
            for (int i = 0; i < sites; i++) {
                c[i] = (byte) (r.nextBoolean() ? 1 : -1);
            }
        }
        return s;
    }

    /** C order (sample-major) or Fortran order (sample fastest, then the site axes first to last). */
    private static double[] flatten(byte[][] configurations, boolean fortran) {
        int n = configurations.length;
        int sites = configurations[0].length;
        double[] flat = new double[n * sites];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < sites; i++) {
                int x = i / L;
                int y = i % L;
                flat[fortran ? s + n * (x + L * y) : s * sites + i] = configurations[s][i];
            }
        }
        return flat;
    }

    @Test
    void readsEveryDtypeByteOrderVersionAndOrder() throws IOException {
        byte[][] spins = randomSpins(6, L * L, 1);
        DegreesOfFreedom dof = DegreesOfFreedom.isingSpins();
        int cases = 0;
        for (String code : new String[] {"i1", "i2", "i4", "i8", "f4", "f8"}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (int version = 1; version <= 3; version++) {
                    for (boolean fortran : new boolean[] {false, true}) {
                        String descr = (code.equals("i1") ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<") + code;
                        byte[] data = encode(flatten(spins, fortran), code, order);
                        Path file = write("s.npy", npy(version, descr, fortran, new long[] {6, L, L}, data));
                        NpyFile.Contents c = NpyFile.read(file, dof, 2, NpyFile.Layout.ELEMENTS);
                        assertThat(c.lattice()).isEqualTo(Lattice.square(L));
                        assertThat(((DiscreteConfigurations) c.configurations()).values())
                                .as("%s %s v%d fortran=%s", descr, order, version, fortran).isDeepEqualTo(spins);
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(72);
        NpyFile.Header h = NpyFile.readHeader(dir.resolve("s.npy"));
        assertThat(h.version()).isEqualTo(3);
        assertThat(h.shape()).containsExactly(6, L, L);
        assertThat(h.shapeText()).isEqualTo("(6, 4, 4)");
    }

    @Test
    void flatShapesAndOtherDimensions() throws IOException {
        byte[][] spins = randomSpins(3, 27, 2);
        Path file = write("c.npy", npy(1, "<f8", false, new long[] {3, 27}, encode(flatten3(spins), "f8",
                ByteOrder.LITTLE_ENDIAN)));
        NpyFile.Contents cubic = NpyFile.read(file, DegreesOfFreedom.isingSpins(), 3, NpyFile.Layout.ELEMENTS);
        assertThat(cubic.lattice()).isEqualTo(Lattice.cubic(3));
        assertThat(((DiscreteConfigurations) cubic.configurations()).values()).isDeepEqualTo(spins);
        // 27 values are no square lattice, and 3 axes of 3 are no 2D one
        assertIoError(() -> NpyFile.read(file, DegreesOfFreedom.isingSpins(), 2, NpyFile.Layout.ELEMENTS),
                "shape (3, 27) is not (N, L, L) or (N, L^2) for ±1 spins on sites in 2D");
        Path chain = write("chain.npy", npy(1, "<i1", false, new long[] {2, 5}, new byte[] {0, 1, 2, 0, 1, 2, 2, 2, 1,
            0}));
        NpyFile.Contents potts = NpyFile.read(chain, DegreesOfFreedom.pottsStates(3), 1, NpyFile.Layout.ELEMENTS);
        assertThat(potts.lattice()).isEqualTo(Lattice.chain(5));
        assertThat(potts.configurations().value(1, 3)).isEqualTo(1.0);
        // a real field with two components per site: [N, L, L, 2] or flat [N, 2·L²]
        double[] values = new double[2 * L * L * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.25 * i - 3;
        }
        DegreesOfFreedom twoReals = DegreesOfFreedom.realField().withComponents(2);
        for (long[] shape : new long[][] {{2, L, L, 2}, {2, 2 * L * L}}) {
            Path f = write("f.npy", npy(1, ">f4", false, shape, encode(values, "f4", ByteOrder.BIG_ENDIAN)));
            NpyFile.Contents field = NpyFile.read(f, twoReals, 2, NpyFile.Layout.ELEMENTS);
            assertThat(((ContinuousConfigurations) field.configurations()).values()[1][5]).isEqualTo(values[37]);
        }
    }

    private static double[] flatten3(byte[][] configurations) {
        double[] flat = new double[configurations.length * configurations[0].length];
        for (int s = 0; s < configurations.length; s++) {
            for (int i = 0; i < configurations[0].length; i++) {
                flat[s * configurations[0].length + i] = configurations[s][i];
            }
        }
        return flat;
    }

    @Test
    void readsDimersInBothLayoutsAsAnEnsemble() throws IOException {
        DimerModel model = new DimerModel(Lattice.square(L), -1, 1);
        byte[][] coverings = sampledCoverings(model, 5);
        double[] bonds = new double[5 * 2 * L * L];
        double[] grid = new double[5 * 4 * L * L];
        SplittableRandom noise = new SplittableRandom(3);
        for (int n = 0; n < 5; n++) {
            for (int i = 0; i < 2 * L * L; i++) {
                bonds[n * 2 * L * L + i] = coverings[n][i];
            }
            for (int x = 0; x < L; x++) {
                for (int y = 0; y < L; y++) {
                    int site = x * L + y;
                    int base = n * 4 * L * L;
                    grid[base + (2 * x) * 2 * L + 2 * y + 1] = coverings[n][2 * site + 1];
                    grid[base + (2 * x + 1) * 2 * L + 2 * y] = coverings[n][2 * site];
                    grid[base + (2 * x) * 2 * L + 2 * y] = noise.nextInt(2) - 7; // decoys, never read
                    grid[base + (2 * x + 1) * 2 * L + 2 * y + 1] = Double.NaN;
                }
            }
        }
        Path elements = write("d.npy", npy(1, "|b1", false, new long[] {5, L, L, 2}, encode(bonds, "b1",
                ByteOrder.LITTLE_ENDIAN)));
        Path rsmi = write("g.npy", npy(1, "<f8", false, new long[] {5, 2 * L, 2 * L}, encode(grid, "f8",
                ByteOrder.LITTLE_ENDIAN)));
        for (Ensemble e : List.of(NpyFile.readEnsemble(elements, model),
                NpyFile.readEnsemble(rsmi, model, NpyFile.Layout.RSMI_DIMER_GRID))) {
            assertThat(e.configurations()).isDeepEqualTo(coverings);
            assertThat(e.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.bondOccupations());
            assertThat(e.model()).isEqualTo(model);
            assertThat(e.meta().sampler()).isEqualTo("external");
            assertThat(e.meta().parameters()).containsEntry("v", -1.0);
            assertThat(e.meta().provenance()).containsEntry("format", "npy");
        }
        // and the ensemble goes to HDF5 (format version 2) and back as dimers
        Path h5 = dir.resolve("d.h5");
        EnsembleFile.write(h5, NpyFile.readEnsemble(elements, model), false);
        Ensemble back = EnsembleFile.read(h5);
        assertThat(back.model()).isEqualTo(model);
        assertThat(back.configurations()).isDeepEqualTo(coverings);
    }

    static byte[][] sampledCoverings(DimerModel model, int n) {
        DimerWorm worm = new DimerWorm(model);
        SplittableRandom rng = new SplittableRandom(9);
        byte[] c = model.columnarCovering();
        byte[][] out = new byte[n][];
        for (int i = 0; i < n; i++) {
            worm.sweeps(c, rng, 5);
            out[i] = c.clone();
        }
        return out;
    }

    @Test
    void ensemblesOfIsingAndPottsModels() throws IOException {
        byte[][] spins = randomSpins(4, L * L, 5);
        Path file = write("s.npy", npy(1, "<i2", false, new long[] {4, L * L}, encode(flatten(spins, false), "i2",
                ByteOrder.LITTLE_ENDIAN)));
        IsingModel ising = new IsingModel(Lattice.square(L), 2.5, 0.1);
        Ensemble e = NpyFile.readEnsemble(file, ising);
        assertThat(e.model()).isEqualTo(ising);
        assertThat(e.meta().sweeps()).isEqualTo(4);
        assertThat(e.meta().provenance()).containsEntry("source", file.toString());
        assertIoError(() -> NpyFile.readEnsemble(file, new IsingModel(Lattice.square(8), 2.5, 0))
                , "holds configurations on the square L=4 lattice, the model ising2d is on square L=8");
        assertValueError(() -> NpyFile.readEnsemble(file, new PottsModel(Lattice.square(L), 3, 1)),
                "is not a state label 0..2: the data look like ±1 spins; convert them with x = (1 + s)/2");
    }

    @Test
    void badFilesGiveOneLineIoErrors() throws IOException {
        DegreesOfFreedom spins = DegreesOfFreedom.isingSpins();
        byte[] good = npy(1, "<i4", false, new long[] {3, L, L}, encode(new double[3 * L * L], "i4",
                ByteOrder.LITTLE_ENDIAN));
        Path truncated = write("t.npy", Arrays.copyOf(good, good.length - 5));
        assertIoError(() -> NpyFile.read(truncated, spins, 2, NpyFile.Layout.ELEMENTS),
                "truncated: holds 187 bytes of data, an array of shape (3, 4, 4) and int32 little-endian takes 192");
        Path headerCut = write("h.npy", Arrays.copyOf(good, 30));
        assertIoError(() -> NpyFile.read(headerCut, spins, 2, NpyFile.Layout.ELEMENTS), "truncated inside the .npy header");
        Path longer = write("l.npy", Arrays.copyOf(good, good.length + 8));
        assertIoError(() -> NpyFile.read(longer, spins, 2, NpyFile.Layout.ELEMENTS), "holds 200 bytes of data");
        assertIoError(() -> NpyFile.read(write("x.npy", "not numpy".getBytes(StandardCharsets.US_ASCII)), spins, 2,
                NpyFile.Layout.ELEMENTS), "not a NumPy .npy file");
        assertIoError(() -> NpyFile.read(dir.resolve("missing.npy"), spins, 2, NpyFile.Layout.ELEMENTS), "missing.npy");
        byte[] v4 = good.clone();
        v4[6] = 4;
        assertIoError(() -> NpyFile.read(write("v4.npy", v4), spins, 2, NpyFile.Layout.ELEMENTS),
                ".npy format version 4.0 is not supported");
        for (String descr : new String[] {"<c16", "<f2", "<U3", "|O", "<M8[D]"}) {
            Path f = write("dt.npy", npy(1, descr, false, new long[] {1, L, L}, new byte[0]));
            assertIoError(() -> NpyFile.read(f, spins, 2, NpyFile.Layout.ELEMENTS), "dtype '" + descr + "' is not read");
        }
        Path wrongShape = write("w.npy", npy(1, "|i1", false, new long[] {2, 4, 5}, new byte[40]));
        assertIoError(() -> NpyFile.read(wrongShape, spins, 2, NpyFile.Layout.ELEMENTS),
                "shape (2, 4, 5) is not (N, L, L) or (N, L^2) for ±1 spins on sites in 2D");
        Path oneAxis = write("o.npy", npy(1, "|i1", false, new long[] {16}, new byte[16]));
        assertIoError(() -> NpyFile.read(oneAxis, spins, 2, NpyFile.Layout.ELEMENTS), "shape (16,) holds no configurations");
        Path none = write("n.npy", npy(1, "|i1", false, new long[] {0, L, L}, new byte[0]));
        assertIoError(() -> NpyFile.read(none, spins, 2, NpyFile.Layout.ELEMENTS), "holds no configurations");
        Path bonds = write("b.npy", npy(1, "|i1", false, new long[] {2, L, L, 3}, new byte[96]));
        assertIoError(() -> NpyFile.read(bonds, DegreesOfFreedom.bondOccupations(), 2, NpyFile.Layout.ELEMENTS),
                "is not (N, L, L, 2) or (N, 2·L^2) for 0/1 occupations on bonds in 2D");
        Path oddGrid = write("og.npy", npy(1, "|i1", false, new long[] {2, 7, 7}, new byte[98]));
        assertIoError(() -> NpyFile.read(oddGrid, DegreesOfFreedom.bondOccupations(), 2,
                NpyFile.Layout.RSMI_DIMER_GRID), "is not (N, 2L, 2L), RSMI-NE's dimer grid");
        byte[] garbled = good.clone();
        garbled[10] = '('; // the dict's opening brace
        assertIoError(() -> NpyFile.read(write("g.npy", garbled), spins, 2, NpyFile.Layout.ELEMENTS),
                "cannot parse the .npy header");
    }

    @Test
    void badValuesGiveOneLineArgumentErrorsThatSayHowToConvert() throws IOException {
        DegreesOfFreedom spins = DegreesOfFreedom.isingSpins();
        double[] zeroOne = new double[2 * L * L];
        zeroOne[0] = 1;
        Path occupations = write("z.npy", npy(1, "|u1", false, new long[] {2, L, L}, encode(zeroOne, "u1",
                ByteOrder.LITTLE_ENDIAN)));
        assertValueError(() -> NpyFile.read(occupations, spins, 2, NpyFile.Layout.ELEMENTS),
                "value 0 at configuration 0, index 1 is not a spin (−1 or +1): the data look like 0/1 occupations; "
                        + "convert them to spins with s = 2x − 1 (numpy: (2*a - 1).astype(np.int8))");
        double[] pm = new double[2 * 2 * L * L];
        Arrays.fill(pm, -1);
        Path spinsAsBonds = write("pm.npy", npy(1, "<f8", false, new long[] {2, L, L, 2}, encode(pm, "f8",
                ByteOrder.LITTLE_ENDIAN)));
        assertValueError(() -> NpyFile.read(spinsAsBonds, DegreesOfFreedom.bondOccupations(), 2,
                NpyFile.Layout.ELEMENTS), "is not an occupation (0 or 1): the data look like ±1 spins");
        double[] half = new double[L * L];
        Arrays.fill(half, 1);
        half[7] = 0.5;
        Path notWhole = write("h.npy", npy(1, "<f4", false, new long[] {1, L, L}, encode(half, "f4",
                ByteOrder.LITTLE_ENDIAN)));
        assertValueError(() -> NpyFile.read(notWhole, spins, 2, NpyFile.Layout.ELEMENTS),
                "value 0.5 at configuration 0, index 7 is not a spin");
        half[7] = Double.NaN;
        Path nan = write("nan.npy", npy(1, "<f8", false, new long[] {1, L, L}, encode(half, "f8",
                ByteOrder.LITTLE_ENDIAN)));
        assertValueError(() -> NpyFile.read(nan, spins, 2, NpyFile.Layout.ELEMENTS),
                "value NaN at configuration 0, index 7 is not a spin");
        assertValueError(() -> NpyFile.read(nan, DegreesOfFreedom.realField(), 2, NpyFile.Layout.ELEMENTS),
                "value NaN at configuration 0, index 7 is not finite");
        byte[] notCovering = new byte[2 * L * L];
        Path empty = write("e.npy", npy(1, "|i1", false, new long[] {1, L, L, 2}, notCovering));
        assertValueError(() -> NpyFile.readEnsemble(empty, DimerModel.free(Lattice.square(L))),
                "configuration 0: site 0 at (0, 0) is covered by no dimer");
        assertThatThrownBy(() -> NpyFile.read(empty, DegreesOfFreedom.isingSpins(), 2, NpyFile.Layout.RSMI_DIMER_GRID))
                .hasMessageContaining("the RSMI-NE dimer grid holds bond occupations of a square lattice");
        assertThatThrownBy(() -> NpyFile.read(empty, DegreesOfFreedom.complexField(), 2, NpyFile.Layout.ELEMENTS))
                .hasMessageContaining("complex fields are not read");
    }

    private static void assertIoError(ThrowingCallable call, String fragment) {
        assertThatThrownBy(call).isInstanceOf(IOException.class).hasMessageContaining(fragment)
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"));
    }

    private static void assertValueError(ThrowingCallable call, String fragment) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(fragment)
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n").contains(".npy: "));
    }

    // ---- files written by numpy ----

    @Test
    void readsWhatNumpyWrites() throws Exception {
        Assumptions.assumeTrue(EnsembleFileTest.pythonCanImport("numpy"),
                "numpy not installed (apt-get install -y python3-numpy)");
        DimerModel dimers = new DimerModel(Lattice.square(L), 1, 0.5);
        byte[][] coverings = sampledCoverings(dimers, 6);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (byte[] c : coverings) {
            raw.writeBytes(c);
        }
        Files.write(dir.resolve("dimers.raw"), raw.toByteArray());
        EnsembleFileTest.runPythonScript("write_npy.py", dir.toString(), String.valueOf(L));

        byte[] flatSpins = Files.readAllBytes(dir.resolve("spins.raw"));
        byte[][] spins = new byte[5][];
        for (int n = 0; n < 5; n++) {
            spins[n] = Arrays.copyOfRange(flatSpins, n * L * L, (n + 1) * L * L);
        }
        IsingModel ising = IsingModel.atTemperature(Lattice.square(L), 2.0);
        for (String name : new String[] {"spins_i1", "spins_f8_flat", "spins_f4_be_fortran", "spins_i8_be_v2"}) {
            assertThat(NpyFile.readEnsemble(dir.resolve(name + ".npy"), ising).configurations()).as(name)
                    .isDeepEqualTo(spins);
        }
        assertThat(NpyFile.readHeader(dir.resolve("spins_f4_be_fortran.npy")).fortranOrder()).isTrue();
        assertThat(NpyFile.readHeader(dir.resolve("spins_i8_be_v2.npy")).version()).isEqualTo(2);
        assertThat(NpyFile.readHeader(dir.resolve("dimers_u2_flat_v3.npy")).version()).isEqualTo(3);
        for (String name : new String[] {"dimers_b1", "dimers_u2_flat_v3", "dimers_fortran"}) {
            assertThat(NpyFile.readEnsemble(dir.resolve(name + ".npy"), dimers).configurations()).as(name)
                    .isDeepEqualTo(coverings);
        }
        assertThat(NpyFile.readEnsemble(dir.resolve("dimers_grid.npy"), dimers, NpyFile.Layout.RSMI_DIMER_GRID)
                .configurations()).isDeepEqualTo(coverings);

        assertValueError(() -> NpyFile.readEnsemble(dir.resolve("spins_as_01.npy"), ising), "(2*a - 1)");
        assertValueError(() -> NpyFile.read(dir.resolve("field_nan.npy"), DegreesOfFreedom.realField(), 2,
                NpyFile.Layout.ELEMENTS), "value NaN at configuration 1, index 11 is not finite");
        assertIoError(() -> NpyFile.readEnsemble(dir.resolve("complex.npy"), ising), "dtype '<c16' is not read");
        assertIoError(() -> NpyFile.readEnsemble(dir.resolve("text.npy"), ising), "dtype '<U1' is not read");
        assertIoError(() -> NpyFile.readEnsemble(dir.resolve("records.npy"), ising), "structured dtypes");
    }
}
