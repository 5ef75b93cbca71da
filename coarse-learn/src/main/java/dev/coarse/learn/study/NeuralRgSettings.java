package dev.coarse.learn.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.learn.flow.FlowSettings;
import dev.coarse.study.InvalidSettingException;
import dev.coarse.study.SpecSource;
import dev.coarse.study.StageSettings;
import dev.coarse.study.StudyModel;

/**
 * The {@code neural-rg} stage: a MERA-shaped flow ({@link dev.coarse.learn.flow.HierarchicalFlow}) trained on the 2D
 * Ising energy alone (no data) at one temperature, Z₂-symmetrised; its variational bound on ln Z against Kaufman's.
 *
 * @param size          L, a power of two, 4 … {@value #MAX_SIZE}
 * @param temperature   where (usually T<sub>c</sub>)
 * @param couplings     affine couplings per plaquette block
 * @param hiddenLayers  hidden layers of each coupling's MLP
 * @param width         units per hidden layer
 * @param batch         latent draws per Adam step
 * @param epochs        epochs
 * @param steps         Adam steps per epoch
 * @param learningRate  Adam's initial step size (decayed geometrically to a tenth)
 * @param samples       fresh draws for the final estimates
 */
public record NeuralRgSettings(int size, double temperature, int couplings, int hiddenLayers, int width, int batch,
                               int epochs, int steps, double learningRate, int samples) implements StageSettings {

    public static final int MAX_SIZE = 32;
    static final int MAX_UNITS = 1024;
    static final int MAX_STEPS = 1_000_000;
    static final int MAX_SAMPLES = 10_000_000;

    public NeuralRgSettings {
        between("size", size, 4, MAX_SIZE);
        if (Integer.bitCount(size) != 1) {
            throw new InvalidSettingException("size", "must be a power of two (each level of the flow halves the "
                    + "lattice), got " + size);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InvalidSettingException("temperature", "must be positive and finite, got " + temperature);
        }
        between("couplings", couplings, 1, 64);
        between("hidden_layers", hiddenLayers, 1, 16);
        between("width", width, 1, MAX_UNITS);
        between("batch", batch, 2, 1 << 16);
        between("epochs", epochs, 1, MAX_STEPS);
        between("steps", steps, 1, MAX_STEPS);
        if (!(learningRate > 0) || !(learningRate <= 1)) {
            throw new InvalidSettingException("learning_rate", "must be in (0, 1], got " + learningRate);
        }
        between("samples", samples, 2, MAX_SAMPLES);
    }

    /**
     * L = 8 at T<sub>c</sub>, 4 couplings per block of 2 × 16 tanh units, batch 256, 20 epochs of 50 steps at 0.01
     * (about 110 CPU-seconds of training on one core at ~107 ms a step; the 30-epoch run of BENCHMARKS.md had a
     * training gap of 0.0098 after its 20th epoch), 20,000 draws.
     */
    public static NeuralRgSettings defaults(StudyModel model) {
        return new NeuralRgSettings(8, model.criticalPoint().criticalTemperature(), 4, 2, 16, 256, 20, 50, 0.01,
                20_000);
    }

    private static void between(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(key, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    /**
     * Reads the stage's section of a spec (keys as {@link #toJson()} writes them; {@code temperature: critical} is
     * the model's T<sub>c</sub>, {@code d}'s).
     */
    public static NeuralRgSettings read(SpecSource s, NeuralRgSettings d) {
        double temperature = s.string("temperature").filter("critical"::equals).isPresent() ? d.temperature()
                : s.number("temperature").orElse(d.temperature());
        return new NeuralRgSettings(integer(s, "size", d.size()), temperature, integer(s, "couplings", d.couplings()),
                integer(s, "hidden_layers", d.hiddenLayers()), integer(s, "width", d.width()),
                integer(s, "batch", d.batch()), integer(s, "epochs", d.epochs()), integer(s, "steps", d.steps()),
                s.number("learning_rate").orElse(d.learningRate()), integer(s, "samples", d.samples()));
    }

    private static int integer(SpecSource s, String key, int fallback) {
        long value = s.integer(key).orElse(fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidSettingException(key, "is out of range: " + value);
        }
        return (int) value;
    }

    /** Only the 2D Ising model has the Hubbard–Stratonovich target and Kaufman's ln Z. */
    @Override
    public void check(StudyModel model) {
        if (model.family() != StudyModel.Family.ISING2D) {
            throw new InvalidSettingException("model", "the neural-rg stage trains on the 2D Ising energy (ising2d), "
                    + "not " + model.id());
        }
    }

    /** The flow's training settings with the stage's seed (Z₂-symmetrised: the Ising energy is even). */
    public FlowSettings flowSettings(long seed) {
        return new FlowSettings(couplings, hiddenLayers, width, batch, epochs, steps, learningRate, samples, true,
                seed);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("size", size);
        out.put("temperature", temperature);
        out.put("couplings", couplings);
        out.put("hidden_layers", hiddenLayers);
        out.put("width", width);
        out.put("batch", batch);
        out.put("epochs", epochs);
        out.put("steps", steps);
        out.put("learning_rate", learningRate);
        out.put("samples", samples);
        return out;
    }
}
