package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format version 2: ensembles of bond occupations, real and complex fields, several components, parameters. */
class EnsembleFileDegreesOfFreedomTest {

    @TempDir
    Path dir;

    static EnsembleMeta meta(String model, Lattice lattice, Map<String, Double> parameters) {
        return new EnsembleMeta(model, lattice.dimension(), lattice.linearSize(), 1.5, 0.0, 2, "test", 42L, 100L,
                10L, 1L, 1, Double.NaN, "0.1.0-test", Map.of("source", "test"), parameters);
    }

    static Configurations random(DegreesOfFreedom dof, Lattice lattice, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int length = dof.length(lattice);
        if (dof.isDiscrete()) {
            byte[][] values = new byte[n][length];
            for (byte[] c : values) {
                for (int i = 0; i < length; i++) {
                    c[i] = switch (dof.values()) {
                        case SPIN -> (byte) (random.nextBoolean() ? 1 : -1);
                        default -> (byte) random.nextInt(dof.states());
                    };
                }
            }
            return new DiscreteConfigurations(dof, values);
        }
        double[][] values = new double[n][length];
        for (double[] c : values) {
            for (int i = 0; i < length; i++) {
                c[i] = random.nextGaussian() * 3;
            }
        }
        return new ContinuousConfigurations(dof, values);
    }

    static void assertSameData(Configurations actual, Configurations expected) {
        assertThat(actual.degreesOfFreedom()).isEqualTo(expected.degreesOfFreedom());
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        if (expected instanceof DiscreteConfigurations d) {
            assertThat(((DiscreteConfigurations) actual).values()).isDeepEqualTo(d.values());
        } else {
            assertThat(((ContinuousConfigurations) actual).values())
                    .isDeepEqualTo(((ContinuousConfigurations) expected).values());
        }
    }

    private static final List<DegreesOfFreedom> KINDS = List.of(DegreesOfFreedom.bondOccupations(),
            DegreesOfFreedom.realField(), DegreesOfFreedom.complexField(), DegreesOfFreedom.realField().withComponents(3),
            DegreesOfFreedom.pottsStates(4).withComponents(2), DegreesOfFreedom.isingSpins().withComponents(2),
            DegreesOfFreedom.complexField().withComponents(2));

    @Test
    void everyKindRoundTripsInEveryDimension() throws IOException {
        for (Lattice lattice : List.of(Lattice.chain(6), Lattice.square(4), Lattice.cubic(3))) {
            for (DegreesOfFreedom dof : KINDS) {
                Ensemble e = new Ensemble(meta("test" + lattice.dimension() + "d", lattice, Map.of("v", -1.25)),
                        lattice, random(dof, lattice, 7, dof.hashCode()));
                Path file = dir.resolve("e.h5");
                EnsembleFile.write(file, e, true);
                Ensemble back = EnsembleFile.read(file);
                assertThat(back.meta()).isEqualTo(e.meta());
                assertSameData(back.data(), e.data());
                EnsembleFile.LevelInfo info = EnsembleFile.levels(file).get(0);
                assertThat(info.degreesOfFreedom()).isEqualTo(dof);
                assertThat(info.shape()).hasSize(1 + EnsembleFile.shape(lattice, dof).length);
            }
        }
    }

    @Test
    void theShapeIsLatticeAxesThenBondAxisThenComponentsThenParts() {
        assertThat(EnsembleFile.shape(Lattice.square(5), DegreesOfFreedom.bondOccupations())).containsExactly(5, 5, 2);
        assertThat(EnsembleFile.shape(Lattice.cubic(3), DegreesOfFreedom.complexField().withComponents(4)))
                .containsExactly(3, 3, 3, 4, 2);
        assertThat(EnsembleFile.shape(Lattice.chain(7), DegreesOfFreedom.isingSpins())).containsExactly(7);
    }

    @Test
    void spinAndPottsFilesStayVersionOneAndOthersAreVersionTwo() throws IOException {
        Lattice lattice = Lattice.square(4);
        Ensemble spins = EnsembleFileTest.ensemble("ising2d", lattice, 2, 5, 1);
        Ensemble field = new Ensemble(meta("phi4", lattice, Map.of()), lattice,
                random(DegreesOfFreedom.realField(), lattice, 5, 2));
        Ensemble withParameters = new Ensemble(meta("ising2d", lattice, Map.of("j2", 0.5)), lattice,
                random(DegreesOfFreedom.isingSpins(), lattice, 5, 3));
        assertThat(EnsembleFile.formatVersion(List.of(spins))).isEqualTo(1);
        assertThat(EnsembleFile.formatVersion(List.of(EnsembleFileTest.ensemble("potts2d", lattice, 3, 5, 4))))
                .isEqualTo(1);
        assertThat(EnsembleFile.formatVersion(List.of(spins, field))).isEqualTo(2);
        assertThat(EnsembleFile.formatVersion(List.of(withParameters))).isEqualTo(2);
        Path file = dir.resolve("spins.h5");
        EnsembleFile.write(file, spins, false);
        try (HdfFile hdf = new HdfFile(file)) {
            assertThat(((Number) hdf.getAttribute(EnsembleFile.VERSION_ATTRIBUTE).getData()).intValue()).isEqualTo(1);
            assertThat(hdf.getByPath("/level0").getAttributes()).doesNotContainKey(EnsembleFile.DOF_ATTRIBUTE);
        }
    }

    @Test
    void dimerEnsemblesAreBondOccupationsAndVersionTwo() throws IOException {
        Lattice lattice = Lattice.square(4);
        EnsembleMeta dimerMeta = meta(dev.coarse.model.DimerModel.NAME, lattice, Map.of("v", -1.0));
        byte[][] covering = {new dev.coarse.model.DimerModel(lattice, -1.0, 1.5).columnarCovering()};
        Ensemble dimers = new Ensemble(dimerMeta, lattice, covering);
        assertThat(dimers.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.bondOccupations());
        assertThat(dimers.model()).isInstanceOf(dev.coarse.model.DimerModel.class);
        assertThat(EnsembleFile.formatVersion(List.of(dimers))).isEqualTo(2);
        Path file = dir.resolve("dimers.h5");
        EnsembleFile.write(file, dimers, false);
        assertSameData(EnsembleFile.read(file).data(), dimers.data());
    }

    @Test
    void mixedLevelsKeepTheirOwnKinds() throws IOException {
        Lattice fine = Lattice.square(8);
        Lattice coarse = Lattice.square(4);
        Ensemble spins = EnsembleFileTest.ensemble("ising2d", fine, 2, 6, 5);
        Ensemble averages = new Ensemble(EnsembleFileTest.meta("ising2d", coarse, 2, Map.of("rule", "block-average")),
                coarse, random(DegreesOfFreedom.realField(), coarse, 6, 6));
        Path file = dir.resolve("levels.h5");
        EnsembleFile.writeLevels(file, List.of(spins, averages), false);
        List<Ensemble> back = EnsembleFile.readLevels(file);
        EnsembleFileTest.assertSameEnsemble(back.get(0), spins);
        assertSameData(back.get(1).data(), averages.data());
    }

    @Test
    void dataThatDoNotFitTheirLatticeAreRefused() {
        Lattice lattice = Lattice.square(4);
        assertThatThrownBy(() -> new Ensemble(meta("dimer2d", lattice, Map.of()), lattice,
                random(DegreesOfFreedom.bondOccupations(), Lattice.square(5), 3, 7)))
                .hasMessageContaining("configuration of 50 values on a lattice of 32 values of 0/1 occupations on bonds");
    }

    @Test
    void aDatasetOfTheWrongTypeOrShapeForItsDegreesOfFreedomIsRefused() throws IOException {
        Path floats = dir.resolve("floats.h5");
        handMade(floats, "occupation", 2, "bonds", new double[2][4][4][2]);
        assertThatThrownBy(() -> EnsembleFile.read(floats)).isInstanceOf(IOException.class)
                .hasMessageContaining("must be int8");
        Path bytes = dir.resolve("bytes.h5");
        handMade(bytes, "real", 0, "sites", new byte[2][4][4]);
        assertThatThrownBy(() -> EnsembleFile.read(bytes)).isInstanceOf(IOException.class)
                .hasMessageContaining("must be float64 for real values on sites");
        Path shape = dir.resolve("shape.h5");
        handMade(shape, "occupation", 2, "bonds", new byte[2][4][4]);
        assertThatThrownBy(() -> EnsembleFile.read(shape)).isInstanceOf(IOException.class)
                .hasMessageContaining("has shape [2, 4, 4], expected [N, L, L, 2] with L = 4 for a 2D lattice holding "
                        + "0/1 occupations on bonds");
        Path kind = dir.resolve("kind.h5");
        handMade(kind, "vector", 0, "sites", new double[2][4][4]);
        assertThatThrownBy(() -> EnsembleFile.read(kind)).isInstanceOf(IOException.class)
                .hasMessageContaining("unknown degrees of freedom 'vector'");
    }

    /** A format-2 file for a 2D L = 4 lattice with the given degrees-of-freedom attributes around {@code data}. */
    private static void handMade(Path file, String dof, int states, String support, Object data) {
        try (io.jhdf.WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute(EnsembleFile.FORMAT_ATTRIBUTE, EnsembleFile.FORMAT_NAME);
            hdf.putAttribute(EnsembleFile.VERSION_ATTRIBUTE, 2);
            hdf.putAttribute(EnsembleFile.LEVELS_ATTRIBUTE, 1);
            io.jhdf.api.WritableGroup g = hdf.putGroup("level0");
            g.putDataset("configurations", data);
            HandMadeLevels.putMetadata(g, "hand", "none");
            g.putAttribute(EnsembleFile.DOF_ATTRIBUTE, dof);
            g.putAttribute("states", states);
            g.putAttribute("support", support);
            g.putAttribute("components", 1);
        }
    }

    @Test
    void badParametersAreRefused() {
        Lattice lattice = Lattice.square(4);
        assertThatThrownBy(() -> meta("x", lattice, Map.of("v", Double.NaN))).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> meta("x", lattice, Map.of("a/b", 1.0))).hasMessageContaining("without '/'");
    }

    @Test
    void h5pyReadsWhatWeWriteAndWeReadWhatH5pyWrites() throws Exception {
        Assumptions.assumeTrue(EnsembleFileTest.h5pyAvailable(), "h5py not installed (apt-get install -y python3-h5py)");
        Lattice square = Lattice.square(6);
        Ensemble dimers = new Ensemble(meta("dimer2d", square, Map.of("v", -1.0)), square,
                random(DegreesOfFreedom.bondOccupations(), square, 11, 8));
        Ensemble complex = new Ensemble(meta("phi4-complex", square, Map.of()), square,
                random(DegreesOfFreedom.complexField().withComponents(2), square, 5, 9));
        Path file = dir.resolve("v2.h5");
        EnsembleFile.writeLevels(file, List.of(dimers, complex), false);
        EnsembleFileTest.runPython("check-dof", file.toString(), "0", "11,6,6,2", "int8", "occupation", "bonds", "1",
                "2", Double.toString(checksum(dimers.data())));
        EnsembleFileTest.runPython("check-dof", file.toString(), "1", "5,6,6,2,2", "float64", "complex", "sites", "2",
                "0", Double.toString(checksum(complex.data())));

        Path theirs = dir.resolve("theirs.h5");
        EnsembleFileTest.runPython("make-field", theirs.toString());
        Ensemble e = EnsembleFile.read(theirs);
        assertThat(e.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.complexField());
        assertThat(e.meta().parameters()).containsEntry("mu", -0.5).containsEntry("t", 1.0);
        // the script writes re = 0.5 n + x − 0.25 y and im = n/8 − x·y at site (x, y) of sample n
        for (int n : new int[] {0, 5, 11}) {
            for (int x = 0; x < 6; x += 5) {
                for (int y = 0; y < 6; y += 2) {
                    int site = square.site(x, y);
                    assertThat(e.data().value(n, 2 * site)).isEqualTo(0.5 * n + x - 0.25 * y);
                    assertThat(e.data().value(n, 2 * site + 1)).isEqualTo(n * 0.125 - x * y);
                }
            }
        }
    }

    /** Σ_n Σ_i (i+1)·x_i over the flat values, as check_ensemble.py computes it in float64. */
    static double checksum(Configurations c) {
        double sum = 0;
        for (int n = 0; n < c.size(); n++) {
            double row = 0;
            for (int i = 0; i < c.length(); i++) {
                row += (i + 1.0) * c.value(n, i);
            }
            sum += row;
        }
        return sum;
    }
}
