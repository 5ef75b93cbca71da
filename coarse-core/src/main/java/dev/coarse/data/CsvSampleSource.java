package dev.coarse.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV of samples: one sample per row, comma-separated numbers, an optional header row (recognised by any
 * non-numeric field in the first non-blank line). Blank lines are skipped; every row must have the same
 * number of fields. A malformed file is an {@link IOException} naming the file and the line.
 */
public final class CsvSampleSource implements SampleSource {

    private final double[][] columns;
    private final int rows;

    private CsvSampleSource(double[][] columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads the whole file. */
    public static CsvSampleSource read(Path file) throws IOException {
        List<double[]> data = new ArrayList<>();
        int width = -1;
        boolean first = true;
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (first) {
                    first = false;
                    if (!allNumeric(fields)) {
                        width = fields.length;
                        continue;
                    }
                }
                if (width < 0) {
                    width = fields.length;
                } else if (fields.length != width) {
                    throw new IOException(file + " line " + lineNumber + ": " + fields.length + " fields, expected " + width);
                }
                double[] row = new double[width];
                for (int j = 0; j < width; j++) {
                    try {
                        row[j] = Double.parseDouble(fields[j].strip());
                    } catch (NumberFormatException e) {
                        throw new IOException(file + " line " + lineNumber + ", column " + j + ": '" + fields[j].strip()
                                + "' is not a number");
                    }
                    if (!Double.isFinite(row[j])) {
                        throw new IOException(file + " line " + lineNumber + ", column " + j + ": value " + fields[j].strip()
                                + " is not finite");
                    }
                }
                data.add(row);
            }
        }
        if (data.isEmpty()) {
            throw new IOException(file + " contains no samples");
        }
        double[][] columns = new double[width][data.size()];
        for (int r = 0; r < data.size(); r++) {
            double[] row = data.get(r);
            for (int j = 0; j < width; j++) {
                columns[j][r] = row[j];
            }
        }
        return new CsvSampleSource(columns, data.size());
    }

    private static boolean allNumeric(String[] fields) {
        for (String f : fields) {
            try {
                Double.parseDouble(f.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int rowCount() {
        return rows;
    }

    @Override
    public int columnCount() {
        return columns.length;
    }

    @Override
    public double[] column(int j) {
        return columns[j].clone();
    }
}
