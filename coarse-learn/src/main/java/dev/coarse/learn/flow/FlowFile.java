package dev.coarse.learn.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.AtomicFiles;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.Phi4Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained flow on disk (JSON, {@value #FORMAT}): the target (model name, L, couplings), the architecture and the
 * training settings, the weights, the epochs done, seconds and per-epoch bound, and Adam's state ({@code adam}:
 * steps, moments; absent in files written before it was kept, whose resumption restarts the moments) — all a
 * checkpoint needs to be resumed bit-identically and a model file needs to be sampled. Written atomically (temporary name, then renamed).
 */
public final class FlowFile {

    /** The format name stored in every file. */
    public static final String FORMAT = "coarse-flow-1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FlowFile() {
    }

    /** A loaded file: the target it was trained on and the trained flow. */
    public record Loaded(FlowTarget target, TrainedFlow flow) {
    }

    /** The target a model name, L and couplings describe (as {@link FlowTarget#name()} and parameters give them). */
    public static FlowTarget target(String model, int linearSize, Map<String, Double> parameters) {
        switch (model) {
            case "ising2d":
                return new IsingHsTarget(linearSize, required(parameters, "T"));
            case Phi4Model.NAME:
                return new FieldTarget(new Phi4Model(Lattice.square(linearSize), required(parameters, "kappa"),
                        required(parameters, "lambda")));
            case ComplexPhi4Model.NAME:
                return new FieldTarget(new ComplexPhi4Model(Lattice.square(linearSize), required(parameters, "t"),
                        required(parameters, "mu"), required(parameters, "lambda")));
            default:
                throw new IllegalArgumentException("no flow target for model '" + model + "' (ising2d, phi4, phi4c)");
        }
    }

    private static double required(Map<String, Double> parameters, String name) {
        Double value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return value;
    }

    public static void save(Path file, FlowTarget target, TrainedFlow flow, boolean overwrite) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", target.name());
        root.put("linear_size", target.linearSize());
        ObjectNode parameters = root.putObject("parameters");
        target.parameters().forEach(parameters::put);
        FlowArchitecture a = flow.architecture();
        FlowSettings s = flow.settings();
        ObjectNode settings = root.putObject("settings");
        settings.put("couplings", s.couplings());
        settings.put("hidden_layers", s.hiddenLayers());
        settings.put("hidden_width", s.hiddenWidth());
        settings.put("batch", s.batch());
        settings.put("epochs", s.epochs());
        settings.put("steps_per_epoch", s.stepsPerEpoch());
        settings.put("learning_rate", s.learningRate());
        settings.put("evaluation_samples", s.evaluationSamples());
        settings.put("symmetric", s.symmetric());
        settings.put("seed", s.seed());
        root.put("channels", a.channels());
        root.put("epochs_done", flow.epochsDone());
        root.put("seconds", flow.seconds());
        ArrayNode history = root.putArray("bound_history");
        for (double v : flow.boundHistory()) {
            history.add(v);
        }
        putRows(root.putArray("weights"), flow.weights());
        if (flow.optimizer() != null) {
            ObjectNode adam = root.putObject("adam");
            adam.put("steps", flow.optimizer().steps());
            putRows(adam.putArray("means"), flow.optimizer().means());
            putRows(adam.putArray("variances"), flow.optimizer().variances());
        }
        byte[] bytes = MAPPER.writeValueAsBytes(root);
        AtomicFiles.write(file, overwrite, tmp -> Files.write(tmp, bytes));
    }

    private static void putRows(ArrayNode array, float[][] rows) {
        for (float[] row : rows) {
            ArrayNode r = array.addArray();
            for (float v : row) {
                r.add(v);
            }
        }
    }

    /** Floats written by {@link #putRows} read back exactly (Jackson writes a float's shortest decimal form). */
    private static float[][] rows(JsonNode array) {
        float[][] rows = new float[array.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[array.get(i).size()];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = (float) array.get(i).get(j).asDouble();
            }
        }
        return rows;
    }

    /**
     * Reads a flow file.
     *
     * @throws IOException if it cannot be read or is not a flow file (the message says what is wrong)
     */
    public static Loaded load(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not a flow file (not JSON: " + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + " is not a flow file (format is not " + FORMAT + ")");
        }
        try {
            Map<String, Double> parameters = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.path("parameters").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                parameters.put(e.getKey(), e.getValue().asDouble());
            }
            FlowTarget target = target(root.path("model").asText(), root.path("linear_size").asInt(), parameters);
            JsonNode s = root.path("settings");
            FlowSettings settings = new FlowSettings(s.path("couplings").asInt(), s.path("hidden_layers").asInt(),
                    s.path("hidden_width").asInt(), s.path("batch").asInt(), s.path("epochs").asInt(),
                    s.path("steps_per_epoch").asInt(), s.path("learning_rate").asDouble(),
                    s.path("evaluation_samples").asInt(), s.path("symmetric").asBoolean(), s.path("seed").asLong());
            JsonNode h = root.path("bound_history");
            double[] history = new double[h.size()];
            for (int i = 0; i < history.length; i++) {
                history[i] = h.get(i).asDouble();
            }
            float[][] weights = rows(root.path("weights"));
            JsonNode adam = root.path("adam");
            AdamState optimizer = adam.isObject() ? new AdamState(adam.path("steps").asInt(),
                    rows(adam.path("means")), rows(adam.path("variances"))) : null;
            TrainedFlow flow = new TrainedFlow(settings.architecture(target.linearSize(), target.channels()), settings,
                    weights, root.path("epochs_done").asInt(), root.path("seconds").asDouble(), history, optimizer);
            return new Loaded(target, flow);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a valid flow file: " + e.getMessage(), e);
        }
    }
}
