package dev.coarse.dynamics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a chain from a file. JSON ({@code .json}): an object with either {@code "transition_matrix"} (discrete time)
 * or {@code "rate_matrix"} (continuous time), each an array of rows. CSV (any other name): one row of the matrix per
 * line, numbers separated by commas or white space, blank lines and lines starting with {@code #} ignored; whether
 * the rows are transition probabilities or rates is the caller's {@link Kind}.
 */
public final class MarkovChainFile {

    /** What the numbers of a CSV file are. */
    public enum Kind {
        /** Rows of P, summing to 1. */
        TRANSITIONS,
        /** Rows of a rate matrix Q, summing to 0. */
        RATES
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MarkovChainFile() {
    }

    /** Reads {@code file}; {@code csvKind} says what a CSV file holds (JSON files say it themselves). */
    public static MarkovChain read(Path file, Kind csvKind) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return readJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
        double[][] m = parseCsv(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        return csvKind == Kind.RATES ? MarkovChain.fromRates(m) : MarkovChain.ofTransitions(m);
    }

    /** Parses the JSON form. */
    public static MarkovChain readJson(String text, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(source + ": expected a JSON object with \"transition_matrix\" or \"rate_matrix\"");
        }
        boolean hasP = root.has("transition_matrix");
        boolean hasQ = root.has("rate_matrix");
        if (hasP == hasQ) {
            throw new IOException(source + ": give exactly one of \"transition_matrix\" and \"rate_matrix\"");
        }
        double[][] m = matrix(root.get(hasP ? "transition_matrix" : "rate_matrix"), source);
        return hasP ? MarkovChain.ofTransitions(m) : MarkovChain.fromRates(m);
    }

    private static double[][] matrix(JsonNode node, String source) throws IOException {
        if (!node.isArray() || node.isEmpty()) {
            throw new IOException(source + ": the matrix must be a non-empty array of rows");
        }
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = node.get(i);
            if (!row.isArray()) {
                throw new IOException(source + ": row " + i + " is not an array");
            }
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                JsonNode v = row.get(j);
                if (!v.isNumber()) {
                    throw new IOException(source + ": row " + i + ", column " + j + " is not a number");
                }
                m[i][j] = v.asDouble();
            }
        }
        return m;
    }

    /** Parses the CSV form (rows numbered from 0 among the non-comment lines). */
    public static double[][] parseCsv(List<String> lines, String source) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] fields = s.split("[,\\s]+");
            double[] row = new double[fields.length];
            for (int j = 0; j < fields.length; j++) {
                try {
                    row[j] = Double.parseDouble(fields[j]);
                } catch (NumberFormatException e) {
                    throw new IOException(source + ": row " + rows.size() + ", column " + j + " is not a number: '"
                            + fields[j] + "'", e);
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IOException(source + ": no matrix rows");
        }
        return rows.toArray(new double[0][]);
    }
}
