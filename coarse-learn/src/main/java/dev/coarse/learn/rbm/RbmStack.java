package dev.coarse.learn.rbm;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A deep stack of RBMs trained greedily layer by layer (Hinton, Osindero &amp; Teh 2006), as in Mehta &amp;
 * Schwab 2014 (40×40 Ising near T<sub>c</sub>, 1600-400-100-25 with an L1 penalty): layer k is trained by
 * {@link RbmTrainer} on hidden samples h ∼ p(h|v) of layer k−1 driven by the data.
 *
 * <p>Receptive field of unit u in layer k: the product W<sup>(1)</sup>W<sup>(2)</sup>…W<sup>(k)</sup> restricted
 * to column u, one number per visible site (Mehta &amp; Schwab's Fig. 3 convention), ready to reshape to L×L.
 */
public final class RbmStack {

    private final List<Rbm> layers;

    public RbmStack(List<Rbm> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            if (layers.get(k).visibleCount() != layers.get(k - 1).hiddenCount()) {
                throw new IllegalArgumentException("layer " + k + " has " + layers.get(k).visibleCount()
                        + " visible units, layer " + (k - 1) + " has " + layers.get(k - 1).hiddenCount() + " hidden");
            }
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * Trains a stack on {@code data}. Layer k starts from N(0, {@code initScale}²) weights and is trained with
     * {@code config} and seed split in order from {@code config.seed()}; so is the stream that samples the
     * hidden data for the next layer. Not modified: {@code data}.
     *
     * @param hiddenSizes e.g. {400, 100, 25} for 1600-400-100-25
     */
    public static RbmStack train(byte[][] data, UnitType type, int[] hiddenSizes, RbmTrainer.Config config,
            double initScale) {
        if (hiddenSizes.length == 0 || data.length == 0) {
            throw new IllegalArgumentException("need data and at least one hidden layer size");
        }
        SplittableGenerator master = RandomGeneratorFactory.<SplittableGenerator>of("L64X128MixRandom")
                .create(config.seed());
        List<Rbm> trained = new ArrayList<>();
        byte[][] input = data;
        for (int size : hiddenSizes) {
            if (size < 1) {
                throw new IllegalArgumentException("hidden layer sizes must be ≥ 1, got " + size);
            }
            Rbm rbm = Rbm.randomWeights(type, input[0].length, size, initScale, master.split());
            new RbmTrainer(config.withSeed(master.nextLong())).train(rbm, input);
            trained.add(rbm);
            input = sampleHidden(rbm, input, master.split());
        }
        return new RbmStack(trained);
    }

    /** Hidden samples h ∼ p(h|v) for every row of {@code visible}, as bytes (+1/−1 or 1/0). */
    public static byte[][] sampleHidden(Rbm rbm, byte[][] visible, RandomGenerator rng) {
        double[] v = new double[rbm.visibleCount()];
        double[] h = new double[rbm.hiddenCount()];
        byte[][] out = new byte[visible.length][rbm.hiddenCount()];
        for (int m = 0; m < visible.length; m++) {
            Rbm.toValues(rbm.unitType(), visible[m], v);
            rbm.sampleHidden(v, h, rng);
            for (int j = 0; j < h.length; j++) {
                out[m][j] = (byte) h[j];
            }
        }
        return out;
    }

    /** Propagates data up through the first {@code depth} layers by sampling. */
    public byte[][] propagate(byte[][] data, int depth, RandomGenerator rng) {
        byte[][] x = data;
        for (int k = 0; k < depth; k++) {
            x = sampleHidden(layers.get(k), x, rng);
        }
        return x;
    }

    public List<Rbm> layers() {
        return layers;
    }

    /** Receptive field of unit {@code unit} of layer {@code layer} (0-based): (W¹W²…W<sup>layer+1</sup>)[:, unit]. */
    public double[] receptiveField(int layer, int unit) {
        Rbm top = layers.get(layer);
        double[] field = new double[top.visibleCount()];
        for (int i = 0; i < field.length; i++) {
            field[i] = top.weight(i, unit);
        }
        for (int k = layer - 1; k >= 0; k--) {
            Rbm below = layers.get(k);
            double[] next = new double[below.visibleCount()];
            for (int i = 0; i < next.length; i++) {
                double s = 0;
                for (int j = 0; j < below.hiddenCount(); j++) {
                    s += below.weight(i, j) * field[j];
                }
                next[i] = s;
            }
            field = next;
        }
        return field;
    }
}
