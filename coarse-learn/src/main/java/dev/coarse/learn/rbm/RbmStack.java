package dev.coarse.learn.rbm;

import java.util.ArrayList;
import java.util.Arrays;
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
        return train(data, type, hiddenSizes, config, initScale, (layer, epoch, error) -> { });
    }

    /** Progress of {@link #train(byte[][], UnitType, int[], RbmTrainer.Config, double, LayerListener)}. */
    @FunctionalInterface
    public interface LayerListener {
        /** After epoch {@code epoch} (0-based) of layer {@code layer} (0-based). */
        void epochDone(int layer, int epoch, double reconstructionError);
    }

    /** As {@link #train(byte[][], UnitType, int[], RbmTrainer.Config, double)}, telling {@code listener} after every epoch. */
    public static RbmStack train(byte[][] data, UnitType type, int[] hiddenSizes, RbmTrainer.Config config,
            double initScale, LayerListener listener) {
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
            int layer = trained.size();
            new RbmTrainer(config.withSeed(master.nextLong())).train(rbm, input,
                    (epoch, error) -> listener.epochDone(layer, epoch, error));
            trained.add(rbm);
            input = sampleHidden(rbm, input, master.split());
        }
        return new RbmStack(trained);
    }

    /** Hidden samples h ∼ p(h|v) for every row of {@code visible}, as bytes (+1/−1 or 1/0). */
    public static byte[][] sampleHidden(Rbm rbm, byte[][] visible, RandomGenerator rng) {
        return sampleRows(rbm, visible, rbm.visibleCount(), rbm.hiddenCount(), rbm::sampleHidden, rng);
    }

    /** A conditional sampler of one layer given the other, e.g. {@link Rbm#sampleHidden}. */
    private interface Conditional {
        void sample(double[] given, double[] drawn, RandomGenerator rng);
    }

    private static byte[][] sampleRows(Rbm rbm, byte[][] given, int inCount, int outCount, Conditional conditional,
            RandomGenerator rng) {
        double[] in = new double[inCount];
        double[] drawn = new double[outCount];
        byte[][] out = new byte[given.length][outCount];
        for (int m = 0; m < given.length; m++) {
            Rbm.toValues(rbm.unitType(), given[m], in);
            conditional.sample(in, drawn, rng);
            for (int j = 0; j < outCount; j++) {
                out[m][j] = (byte) drawn[j];
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

    /**
     * Reconstructions through the first {@code depth} layers: each row of {@code data} is propagated up by
     * sampling h ∼ p(h|v) layer by layer, then back down by sampling v ∼ p(v|h) layer by layer to the visible
     * units (one up-down pass, no further Gibbs steps). Row m of the result descends from row m of the data.
     * Not modified: {@code data}.
     */
    public byte[][] reconstruct(byte[][] data, int depth, RandomGenerator rng) {
        if (depth < 1 || depth > layers.size()) {
            throw new IllegalArgumentException("depth must be in 1.." + layers.size() + ", got " + depth);
        }
        byte[][] x = propagate(data, depth, rng);
        for (int k = depth - 1; k >= 0; k--) {
            x = sampleVisible(layers.get(k), x, rng);
        }
        return x;
    }

    /** Visible samples v ∼ p(v|h) for every row of {@code hidden}, as bytes (+1/−1 or 1/0). */
    public static byte[][] sampleVisible(Rbm rbm, byte[][] hidden, RandomGenerator rng) {
        return sampleRows(rbm, hidden, rbm.hiddenCount(), rbm.visibleCount(), rbm::sampleVisible, rng);
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

    /**
     * The receptive fields of the {@code count} units of layer {@code layer} with the largest L2 norm, strongest
     * first (equal norms in unit order): the units worth drawing, since a layer's weak units are mostly noise.
     */
    public List<double[]> strongestReceptiveFields(int layer, int count) {
        int units = layers.get(layer).hiddenCount();
        double[][] fields = new double[units][];
        Integer[] order = new Integer[units];
        double[] norm = new double[units];
        for (int u = 0; u < units; u++) {
            fields[u] = receptiveField(layer, u);
            order[u] = u;
            for (double x : fields[u]) {
                norm[u] += x * x;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(norm[b], norm[a]));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(count, units); i++) {
            out.add(fields[order[i]]);
        }
        return out;
    }
}
