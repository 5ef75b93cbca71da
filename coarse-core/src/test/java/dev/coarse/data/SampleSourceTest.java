package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSourceTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void csvColumnsWithAndWithoutAHeaderRow() throws IOException {
        SampleSource withHeader = SampleSource.open(csv("h.csv", "x,y\n1,2.5\n\n3, -4\n"));
        assertThat(withHeader).isInstanceOf(CsvSampleSource.class);
        assertThat(withHeader.rowCount()).isEqualTo(2);
        assertThat(withHeader.columnCount()).isEqualTo(2);
        assertThat(withHeader.column(1)).containsExactly(2.5, -4.0);
        SampleSource plain = CsvSampleSource.read(csv("p.csv", "1,2\n3,4\n5,6\n"));
        assertThat(plain.rowCount()).isEqualTo(3);
        assertThat(plain.column(0)).containsExactly(1.0, 3.0, 5.0);
        assertThat(plain.rows(new int[] {1, 0})).isDeepEqualTo(new double[][] {{2, 1}, {4, 3}, {6, 5}});
        assertThat(plain.describeColumns()).isEqualTo("the file has 2 columns (numbered from 0)");
    }

    @Test
    void columnsAreCopies() throws IOException {
        SampleSource s = CsvSampleSource.read(csv("c.csv", "1\n2\n"));
        s.column(0)[0] = 99;
        assertThat(s.column(0)).containsExactly(1.0, 2.0);
    }

    @Test
    void malformedCsvNamesTheFileAndLine() throws IOException {
        Path ragged = csv("ragged.csv", "1,2\n3\n");
        assertThatThrownBy(() -> CsvSampleSource.read(ragged)).isInstanceOf(IOException.class)
                .hasMessage(ragged + " line 2: 1 fields, expected 2");
        Path text = csv("text.csv", "a,b\n1,x\n");
        assertThatThrownBy(() -> CsvSampleSource.read(text)).hasMessage(text + " line 2, column 1: 'x' is not a number");
        Path infinite = csv("inf.csv", "1,Infinity\n");
        assertThatThrownBy(() -> CsvSampleSource.read(infinite))
                .hasMessage(infinite + " line 1, column 1: value Infinity is not finite");
        Path empty = csv("empty.csv", "a,b\n\n");
        assertThatThrownBy(() -> CsvSampleSource.read(empty)).hasMessage(empty + " contains no samples");
    }

    @Test
    void ensembleLevelColumnsAreTheSitesOfTheFlattenedConfiguration() throws IOException {
        Lattice lattice = Lattice.square(4);
        Ensemble e = EnsembleFileTest.ensemble("ising2d", lattice, 2, 5, 11);
        Path file = dir.resolve("e.h5");
        EnsembleFile.write(file, e, false);
        SampleSource s = SampleSource.open(file);
        assertThat(s).isInstanceOf(EnsembleSampleSource.class);
        assertThat(s.rowCount()).isEqualTo(5);
        assertThat(s.columnCount()).isEqualTo(16);
        for (int r = 0; r < 5; r++) {
            assertThat(s.column(lattice.site(2, 3))[r]).isEqualTo(e.configurations()[r][2 * 4 + 3]);
        }
        assertThat(s.columnName()).isEqualTo("site");
        assertThat(((EnsembleSampleSource) s).lattice()).isEqualTo(lattice);
    }

    @Test
    void ensembleLevelsOutOfRangeAreRefused() throws IOException {
        Path file = dir.resolve("two.h5");
        Ensemble e = EnsembleFileTest.ensemble("ising2d", Lattice.square(4), 2, 3, 1);
        EnsembleFile.write(file, e, false);
        assertThatThrownBy(() -> EnsembleSampleSource.read(file, 1)).isInstanceOf(IOException.class)
                .hasMessage(file + " has levels 0..0, no level 1");
        assertThatThrownBy(() -> EnsembleSampleSource.read(file, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1");
    }

    @Test
    void theReaderIsChosenByExtension() {
        assertThat(List.of("a.h5", "b.HDF5", "dir/c.hdf5")).allMatch(n -> SampleSource.isEnsemble(Path.of(n)));
        assertThat(List.of("a.csv", "h5", "b.h5.csv")).noneMatch(n -> SampleSource.isEnsemble(Path.of(n)));
    }
}
