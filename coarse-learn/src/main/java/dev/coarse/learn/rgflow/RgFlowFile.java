package dev.coarse.learn.rgflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.AtomicFiles;
import dev.coarse.data.Json;
import dev.coarse.data.JsonValues;
import dev.coarse.learn.engine.AdamState;
import dev.coarse.learn.flow.FlowArchitecture;
import dev.coarse.learn.flow.FlowFile;
import java.io.IOException;
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
        AdamState.putRows(root.putArray("weights"), flow.weights());
        if (flow.optimizer() != null) {
            flow.optimizer().write(root.putObject("adam"));
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
            root = MAPPER.readTree(Json.readText(file, "an RG-Flow file"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not an RG-Flow file (not JSON: " + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + " is not an RG-Flow file (format is not " + FORMAT + ")");
        }
        try {
            JsonNode s = root.path("settings");
            JsonNode clip = s.path("clip_norm");
            // null (or absent): no clipping, as written for an infinite norm
            double clipNorm = clip.isNull() || clip.isMissingNode() ? Double.POSITIVE_INFINITY
                    : JsonValues.finite(s, "settings.clip_norm");
            RgFlowSettings settings = new RgFlowSettings(JsonValues.bool(s, "settings.flat"),
                    named(Prior.class, s, "settings.prior"), named(Preprocessing.class, s, "settings.preprocessing"),
                    JsonValues.integer(s, "settings.couplings", 1), JsonValues.integer(s, "settings.hidden_layers", 1),
                    JsonValues.integer(s, "settings.hidden_width", 1), JsonValues.integer(s, "settings.batch", 1),
                    JsonValues.integer(s, "settings.epochs", 1), JsonValues.finite(s, "settings.learning_rate"),
                    clipNorm, JsonValues.longInteger(s, "settings.seed"));
            FlowArchitecture architecture = settings.architecture(JsonValues.integer(root, "linear_size", 1),
                    JsonValues.integer(root, "channels", 1));
            long[] sizes = FlowFile.parameterSizes(architecture, root.path("weights"));
            float[][] weights = JsonValues.floatRows(root, "weights", sizes);
            return new TrainedRgFlow(settings, architecture, weights, JsonValues.integer(root, "epochs_done", 0),
                    JsonValues.finite(root, "seconds"), JsonValues.history(root, "train_bits_per_dim"),
                    AdamState.read(root.path("adam"), sizes));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a valid RG-Flow file: " + e.getMessage(), e);
        }
    }

    /** The constant of {@code type} a key names in lower case (as {@link #save} writes it). */
    private static <E extends Enum<E>> E named(Class<E> type, JsonNode parent, String path) {
        String name = JsonValues.text(parent, path);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("\"" + path + "\" must be one of " + java.util.Arrays.stream(
                type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", got \"" + name
                + "\"");
    }
}
