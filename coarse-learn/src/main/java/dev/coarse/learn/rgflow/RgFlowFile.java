package dev.coarse.learn.rgflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A trained RG-Flow on disk (JSON, {@value #FORMAT}): settings, image shape, weights, epochs done, seconds and the
 * training history — a checkpoint to resume and a model to sample. Written atomically (temporary name, renamed).
 */
public final class RgFlowFile {

    /** The format name stored in every file. */
    public static final String FORMAT = "coarse-rgflow-1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RgFlowFile() {
    }

    public static void save(Path file, TrainedRgFlow flow, boolean overwrite) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("linear_size", flow.architecture().linearSize());
        root.put("channels", flow.architecture().channels());
        RgFlowSettings s = flow.settings();
        ObjectNode settings = root.putObject("settings");
        settings.put("flat", s.flat());
        settings.put("prior", s.prior().name().toLowerCase(Locale.ROOT));
        settings.put("preprocessing", s.preprocessing().name().toLowerCase(Locale.ROOT));
        settings.put("couplings", s.couplings());
        settings.put("hidden_layers", s.hiddenLayers());
        settings.put("hidden_width", s.hiddenWidth());
        settings.put("batch", s.batch());
        settings.put("epochs", s.epochs());
        settings.put("learning_rate", s.learningRate());
        if (Double.isFinite(s.clipNorm())) {
            settings.put("clip_norm", s.clipNorm());
        } else {
            settings.putNull("clip_norm");
        }
        settings.put("seed", s.seed());
        root.put("epochs_done", flow.epochsDone());
        root.put("seconds", flow.seconds());
        ArrayNode history = root.putArray("train_bits_per_dim");
        for (double v : flow.trainBitsPerDim()) {
            history.add(v);
        }
        ArrayNode weights = root.putArray("weights");
        for (float[] row : flow.weights()) {
            ArrayNode r = weights.addArray();
            for (float v : row) {
                r.add(v);
            }
        }
        byte[] bytes = MAPPER.writeValueAsBytes(root);
        AtomicFiles.write(file, overwrite, tmp -> Files.write(tmp, bytes));
    }

    /**
     * Reads an RG-Flow file.
     *
     * @throws IOException if it cannot be read or is not an RG-Flow file (the message says what is wrong)
     */
    public static TrainedRgFlow load(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not an RG-Flow file (not JSON: " + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + " is not an RG-Flow file (format is not " + FORMAT + ")");
        }
        try {
            JsonNode s = root.path("settings");
            RgFlowSettings settings = new RgFlowSettings(s.path("flat").asBoolean(),
                    Prior.valueOf(s.path("prior").asText().toUpperCase(Locale.ROOT)),
                    Preprocessing.valueOf(s.path("preprocessing").asText().toUpperCase(Locale.ROOT)),
                    s.path("couplings").asInt(), s.path("hidden_layers").asInt(), s.path("hidden_width").asInt(),
                    s.path("batch").asInt(), s.path("epochs").asInt(), s.path("learning_rate").asDouble(),
                    s.path("clip_norm").isNumber() ? s.path("clip_norm").asDouble() : Double.POSITIVE_INFINITY,
                    s.path("seed").asLong());
            JsonNode h = root.path("train_bits_per_dim");
            double[] history = new double[h.size()];
            for (int i = 0; i < history.length; i++) {
                history[i] = h.get(i).asDouble();
            }
            JsonNode w = root.path("weights");
            float[][] weights = new float[w.size()][];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = new float[w.get(i).size()];
                for (int j = 0; j < weights[i].length; j++) {
                    weights[i][j] = (float) w.get(i).get(j).asDouble();
                }
            }
            return new TrainedRgFlow(settings, settings.architecture(root.path("linear_size").asInt(),
                    root.path("channels").asInt()), weights, root.path("epochs_done").asInt(),
                    root.path("seconds").asDouble(), history);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a valid RG-Flow file: " + e.getMessage(), e);
        }
    }
}
