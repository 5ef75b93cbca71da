package dev.coarse.learn.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.AtomicFiles;
import dev.coarse.data.Json;
import dev.coarse.data.JsonValues;
import dev.coarse.lattice.Lattice;
import dev.coarse.learn.engine.AdamState;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.Phi4Model;
import java.io.IOException;
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

    /**
     * A lower bound on the Java heap training a flow on {@code model} at L holds, before the target is built:
     * {@link FlowSettings#estimatedBytes} for the model's channels (2 for phi4c, else 1), and for ising2d the
     * Hubbard–Stratonovich target's dense inverse coupling, L⁴ doubles. libtorch's native memory is not counted.
     *
     * @return bytes, saturating at {@link Long#MAX_VALUE}
     */
    public static long estimatedBytes(String model, int linearSize, FlowSettings settings) {
        int channels = ComplexPhi4Model.NAME.equals(model) ? 2 : 1;
        double sites = (double) linearSize * linearSize;
        double target = "ising2d".equals(model) ? sites * sites * Double.BYTES : 0;
        double bytes = (double) settings.estimatedBytes(linearSize, channels) + target;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
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
        AdamState.putRows(root.putArray("weights"), flow.weights());
        if (flow.optimizer() != null) {
            flow.optimizer().write(root.putObject("adam"));
        }
        byte[] bytes = MAPPER.writeValueAsBytes(root);
        AtomicFiles.write(file, overwrite, tmp -> Files.write(tmp, bytes));
    }

    /**
     * Reads a flow file.
     *
     * @throws IOException if it cannot be read or is not a flow file (the message says what is wrong)
     */
    public static Loaded load(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Json.readText(file, "a flow file"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not a flow file (not JSON: " + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + " is not a flow file (format is not " + FORMAT + ")");
        }
        try {
            Map<String, Double> parameters = new LinkedHashMap<>();
            JsonNode p = root.path("parameters");
            if (!p.isObject()) {
                throw new IllegalArgumentException("\"parameters\" must be an object of numbers, got " + p);
            }
            for (Iterator<String> names = p.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                parameters.put(name, JsonValues.finite(p, "parameters." + name));
            }
            FlowTarget target = target(JsonValues.text(root, "model"), JsonValues.integer(root, "linear_size", 1),
                    parameters);
            if (JsonValues.integer(root, "channels", 1) != target.channels()) {
                throw new IllegalArgumentException("\"channels\" is " + root.path("channels") + " but a "
                        + target.name() + " flow has " + target.channels());
            }
            JsonNode s = root.path("settings");
            FlowSettings settings = new FlowSettings(JsonValues.integer(s, "settings.couplings", 1),
                    JsonValues.integer(s, "settings.hidden_layers", 1), JsonValues.integer(s, "settings.hidden_width", 1),
                    JsonValues.integer(s, "settings.batch", 2), JsonValues.integer(s, "settings.epochs", 1),
                    JsonValues.integer(s, "settings.steps_per_epoch", 1), JsonValues.finite(s, "settings.learning_rate"),
                    JsonValues.integer(s, "settings.evaluation_samples", 2), JsonValues.bool(s, "settings.symmetric"),
                    JsonValues.longInteger(s, "settings.seed"));
            FlowArchitecture architecture = settings.architecture(target.linearSize(), target.channels());
            long[] sizes = parameterSizes(architecture, root.path("weights"));
            float[][] weights = JsonValues.floatRows(root, "weights", sizes);
            AdamState optimizer = AdamState.read(root.path("adam"), sizes);
            TrainedFlow flow = new TrainedFlow(architecture, settings, weights,
                    JsonValues.integer(root, "epochs_done", 0), JsonValues.finite(root, "seconds"),
                    JsonValues.history(root, "bound_history"), optimizer);
            return new Loaded(target, flow);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a valid flow file: " + e.getMessage(), e);
        }
    }

    /**
     * The sizes the architecture's parameter arrays must have, after checking that {@code weights} holds as many
     * arrays — before anything of the architecture's size is allocated, so that settings damaged into huge values
     * are refused rather than run out of memory.
     */
    public static long[] parameterSizes(FlowArchitecture architecture, JsonNode weights) {
        long arrays = architecture.parameterArrays();
        if (!weights.isArray() || weights.size() != arrays) {
            throw new IllegalArgumentException("\"weights\" must hold the " + arrays + " parameter arrays of a flow "
                    + "with these settings, got " + (weights.isArray() ? weights.size() + " arrays" : weights
                    .isMissingNode() ? "nothing" : weights.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        return architecture.parameterSizes();
    }
}
