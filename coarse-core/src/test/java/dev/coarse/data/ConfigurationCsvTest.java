package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationCsvTest {

    @TempDir
    Path dir;

    @Test
    void readsCommaAndSpaceSeparatedRowsSkippingCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("c.csv"), "# spins\n1,-1, +1\n\n-1 1\t1\n");
        assertThat(ConfigurationCsv.read(file)).isDeepEqualTo(new byte[][] {{1, -1, 1}, {-1, 1, 1}});
        Path bits = Files.writeString(dir.resolve("b.csv"), "0 1\n1 0\n");
        assertThat(ConfigurationCsv.read(bits)).isDeepEqualTo(new byte[][] {{0, 1}, {1, 0}});
    }

    @Test
    void malformedFilesNameTheFileAndLine() throws IOException {
        Path value = Files.writeString(dir.resolve("v.csv"), "1,1\n1,2\n");
        assertThatThrownBy(() -> ConfigurationCsv.read(value)).isInstanceOf(IOException.class)
                .hasMessage(value + ":2: expected -1, 0 or 1, found '2'");
        Path ragged = Files.writeString(dir.resolve("r.csv"), "1,1\n1\n");
        assertThatThrownBy(() -> ConfigurationCsv.read(ragged)).hasMessage(ragged + ":2: 1 values, the first row has 2");
        Path empty = Files.writeString(dir.resolve("e.csv"), "# nothing\n");
        assertThatThrownBy(() -> ConfigurationCsv.read(empty)).hasMessage(empty + ": no configurations");
    }
}
