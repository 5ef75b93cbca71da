package dev.coarse.learn.rbm;

import dev.coarse.mc.TaskPool;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Trains an {@link Rbm} on data by contrastive divergence (CD-k, Hinton 2002) or persistent CD (Tieleman 2008),
 * with mini-batches, momentum, L2 weight decay and an L1 penalty on the weights.
 *
 * <p>Update per mini-batch of M samples: ΔW = μΔW + η(⟨v E[h|v]⟩<sub>data</sub> − ⟨v′ E[h|v′]⟩<sub>chain</sub>
 * − λ<sub>2</sub>W − λ<sub>1</sub> sign W), v′ after k Gibbs steps from the data (CD) or from persistent chains
 * (PCD, one chain per batch slot); biases alike without the penalties.
 *
 * <p>Determinism: a batch is cut into fixed chunks of {@value #CHUNK} samples; each chunk has its own random
 * stream, split in order from the seeded master stream, and its own gradient accumulator; chunks are summed
 * in order. The result therefore depends on the seed only, not on the thread count.
 */
public final class RbmTrainer {

    /** Samples per gradient chunk (the unit of parallel work). */
    public static final int CHUNK = 16;

    /**
     * Training settings.
     *
     * @param cdSteps      k, Gibbs steps of the negative phase (≥ 1)
     * @param persistent   persistent CD (chains carried across batches) instead of CD-k from the data
     * @param learningRate η &gt; 0
     * @param momentum     μ in [0, 1)
     * @param weightDecay  λ<sub>2</sub> ≥ 0 (L2 penalty on W)
     * @param l1           λ<sub>1</sub> ≥ 0 (L1 penalty on W)
     * @param batchSize    M ≥ 1
     * @param epochs       passes over the data ≥ 1
     * @param seed         master seed
     * @param threads      worker threads ≥ 1 (does not change the result)
     * @param trainBiases  whether a and b are trained (the recipe keeps them at zero by symmetry)
     */
    public record Config(int cdSteps, boolean persistent, double learningRate, double momentum, double weightDecay,
            double l1, int batchSize, int epochs, long seed, int threads, boolean trainBiases) {

        public Config {
            if (cdSteps < 1 || !(learningRate > 0) || !(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)
                    || !(l1 >= 0) || batchSize < 1 || epochs < 1 || threads < 1) {
                throw new IllegalArgumentException("bad RBM training settings: " + this);
            }
        }

        /** CD-1, η = 0.05, μ = 0.5, no penalties, batches of 64, 10 epochs, one thread, biases trained. */
        public static Config defaults(long seed) {
            return new Config(1, false, 0.05, 0.5, 0, 0, 64, 10, seed, 1, true);
        }

        public Config withCdSteps(int k, boolean pcd) {
            return new Config(k, pcd, learningRate, momentum, weightDecay, l1, batchSize, epochs, seed, threads,
                    trainBiases);
        }

        public Config withLearningRate(double eta, double mu) {
            return new Config(cdSteps, persistent, eta, mu, weightDecay, l1, batchSize, epochs, seed, threads,
                    trainBiases);
        }

        public Config withPenalties(double l2, double lambda1) {
            return new Config(cdSteps, persistent, learningRate, momentum, l2, lambda1, batchSize, epochs, seed,
                    threads, trainBiases);
        }

        public Config withBatches(int size, int epochCount) {
            return new Config(cdSteps, persistent, learningRate, momentum, weightDecay, l1, size, epochCount, seed,
                    threads, trainBiases);
        }

        public Config withSeed(long newSeed) {
            return new Config(cdSteps, persistent, learningRate, momentum, weightDecay, l1, batchSize, epochs,
                    newSeed, threads, trainBiases);
        }

        public Config withThreads(int count) {
            return new Config(cdSteps, persistent, learningRate, momentum, weightDecay, l1, batchSize, epochs, seed,
                    count, trainBiases);
        }

        public Config withTrainBiases(boolean train) {
            return new Config(cdSteps, persistent, learningRate, momentum, weightDecay, l1, batchSize, epochs, seed,
                    threads, train);
        }
    }

    /** Per-epoch mean squared reconstruction error Σ<sub>i</sub>(v<sub>i</sub> − v′<sub>i</sub>)² per sample (a monitor, not the objective). */
    public record History(double[] reconstructionError) {
    }

    private final Config config;

    public RbmTrainer(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /**
     * Trains {@code rbm} on {@code samples} (each of length visibleCount; bytes &gt; 0 are up).
     * Modified: {@code rbm}'s parameters. Not modified: {@code samples}.
     */
    public History train(Rbm rbm, byte[][] samples) {
        return train(rbm, samples, (epoch, error) -> { });
    }

    /** Called after every epoch with its 0-based index and mean reconstruction error (e.g. for progress). */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(int epoch, double reconstructionError);
    }

    /** As {@link #train(Rbm, byte[][])}, telling {@code listener} after each epoch (on the calling thread). */
    public History train(Rbm rbm, byte[][] samples, EpochListener listener) {
        int nv = rbm.visibleCount();
        int nh = rbm.hiddenCount();
        if (samples.length == 0) {
            throw new IllegalArgumentException("no training samples");
        }
        for (byte[] s : samples) {
            if (s.length != nv) {
                throw new IllegalArgumentException("sample has " + s.length + " units, RBM has " + nv);
            }
        }
        SplittableGenerator master = RandomGeneratorFactory.<SplittableGenerator>of("L64X128MixRandom")
                .create(config.seed());
        int batch = Math.min(config.batchSize(), samples.length);
        int chunks = (batch + CHUNK - 1) / CHUNK;
        Chunk[] work = new Chunk[chunks];
        for (int c = 0; c < chunks; c++) {
            work[c] = new Chunk(nv, nh);
        }
        double[][] chains = null;
        if (config.persistent()) {
            chains = new double[batch][nv];
            for (int m = 0; m < batch; m++) {
                Rbm.toValues(rbm.unitType(), samples[m % samples.length], chains[m]);
            }
        }
        double[] velW = new double[nv * nh];
        double[] velA = new double[nv];
        double[] velB = new double[nh];
        int[] order = new int[samples.length];
        for (int m = 0; m < order.length; m++) {
            order[m] = m;
        }
        double[] recon = new double[config.epochs()];
        try (TaskPool pool = TaskPool.open("training", config.threads())) {
            RandomGenerator[] streams = new RandomGenerator[chunks];
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                shuffle(order, master);
                double epochError = 0;
                for (int start = 0; start + batch <= samples.length; start += batch) {
                    for (int c = 0; c < chunks; c++) {
                        streams[c] = master.split();
                    }
                    double[][] chainSlots = chains;
                    int base = start;
                    pool.run(chunks, c -> work[c].accumulate(rbm, samples, order, base, c * CHUNK,
                            Math.min(batch, c * CHUNK + CHUNK), chainSlots, config.cdSteps(), streams[c]));
                    epochError += update(rbm, work, batch, velW, velA, velB);
                }
                recon[epoch] = epochError / ((samples.length / batch) * batch);
                listener.epochDone(epoch, recon[epoch]);
            }
        }
        return new History(recon);
    }

    /**
     * One momentum step of biases (no penalties): velocity ← μ·velocity + η·(Σ<sub>chunks</sub> gradient)/batch, then
     * bias += velocity. Modified: {@code bias}, {@code velocity}.
     */
    private static void momentumStep(double[] bias, double[] velocity, double[][] chunkGradients, int batch, double eta,
            double mu) {
        for (int i = 0; i < bias.length; i++) {
            double g = 0;
            for (double[] gradient : chunkGradients) {
                g += gradient[i];
            }
            velocity[i] = mu * velocity[i] + eta * g / batch;
            bias[i] += velocity[i];
        }
    }

    private double update(Rbm rbm, Chunk[] work, int batch, double[] velW, double[] velA, double[] velB) {
        double[] w = rbm.weights();
        double[] a = rbm.visibleBias();
        double[] b = rbm.hiddenBias();
        double eta = config.learningRate();
        double mu = config.momentum();
        double error = 0;
        for (int k = 0; k < w.length; k++) {
            double g = 0;
            for (Chunk c : work) {
                g += c.gradW[k];
            }
            g = g / batch - config.weightDecay() * w[k] - config.l1() * Math.signum(w[k]);
            velW[k] = mu * velW[k] + eta * g;
            w[k] += velW[k];
        }
        if (config.trainBiases()) {
            double[][] gradA = new double[work.length][];
            double[][] gradB = new double[work.length][];
            for (int c = 0; c < work.length; c++) {
                gradA[c] = work[c].gradA;
                gradB[c] = work[c].gradB;
            }
            momentumStep(a, velA, gradA, batch, eta, mu);
            momentumStep(b, velB, gradB, batch, eta, mu);
        }
        for (Chunk c : work) {
            error += c.reconstructionError;
        }
        return error;
    }

    private static void shuffle(int[] order, RandomGenerator rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** One chunk's scratch space and gradient sums (written only by the thread running the chunk). */
    private static final class Chunk {
        final double[] gradW;
        final double[] gradA;
        final double[] gradB;
        final double[] v;
        final double[] vNeg;
        final double[] h;
        final double[] hMean;
        double reconstructionError;

        Chunk(int nv, int nh) {
            gradW = new double[nv * nh];
            gradA = new double[nv];
            gradB = new double[nh];
            v = new double[nv];
            vNeg = new double[nv];
            h = new double[nh];
            hMean = new double[nh];
        }

        void accumulate(Rbm rbm, byte[][] samples, int[] order, int base, int from, int to, double[][] chains,
                int k, RandomGenerator rng) {
            Arrays.fill(gradW, 0);
            Arrays.fill(gradA, 0);
            Arrays.fill(gradB, 0);
            reconstructionError = 0;
            int nv = v.length;
            int nh = h.length;
            for (int slot = from; slot < to; slot++) {
                Rbm.toValues(rbm.unitType(), samples[order[base + slot]], v);
                rbm.hiddenMeans(v, hMean);
                add(v, hMean, +1);
                double[] neg = chains != null ? chains[slot] : vNeg;
                if (chains == null) {
                    System.arraycopy(v, 0, vNeg, 0, nv);
                }
                for (int step = 0; step < k; step++) {
                    rbm.sampleHidden(neg, h, rng);
                    rbm.sampleVisible(h, neg, rng);
                }
                rbm.hiddenMeans(neg, hMean);
                add(neg, hMean, -1);
                for (int i = 0; i < nv; i++) {
                    double d = v[i] - neg[i];
                    reconstructionError += d * d;
                }
            }
            assert nh == hMean.length;
        }

        private void add(double[] visible, double[] hiddenMean, double sign) {
            int nh = hiddenMean.length;
            for (int i = 0; i < visible.length; i++) {
                double vi = sign * visible[i];
                gradA[i] += vi;
                int row = i * nh;
                for (int j = 0; j < nh; j++) {
                    gradW[row + j] += vi * hiddenMean[j];
                }
            }
            for (int j = 0; j < nh; j++) {
                gradB[j] += sign * hiddenMean[j];
            }
        }
    }
}
