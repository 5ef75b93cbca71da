package dev.coarse.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file of two-state configurations, one per line: values −1, 0 or 1 (and +1) separated by commas or white
 * space, every line of the same length; blank lines and lines starting with {@code #} are skipped. Unlike
 * {@link CsvSampleSource} (numbers of any kind, for estimators) it yields the {@code byte} configurations that
 * models trained on spins or bits read. A malformed file is an {@link IOException} naming the file and the line.
 */
public final class ConfigurationCsv {

    private ConfigurationCsv() {
    }

    /** The configurations of the file, in file order. */
    public static byte[][] read(Path path) throws IOException {
        List<byte[]> rows = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            lineNumber++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] fields = t.split("[,\\s]+");
            byte[] row = new byte[fields.length];
            for (int k = 0; k < fields.length; k++) {
                switch (fields[k]) {
                    case "1", "+1" -> row[k] = 1;
                    case "0" -> row[k] = 0;
                    case "-1" -> row[k] = -1;
                    default -> throw new IOException(path + ":" + lineNumber + ": expected -1, 0 or 1, found '"
                            + fields[k] + "'");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new IOException(path + ":" + lineNumber + ": " + row.length + " values, the first row has "
                        + rows.get(0).length);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IOException(path + ": no configurations");
        }
        return rows.toArray(new byte[0][]);
    }
}
