package dev.coarse.learn.rbm;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A binary restricted Boltzmann machine with energy E(v,h) = −aᵀv − bᵀh − vᵀWh (SCIENCE.md §5) and
 * p(v,h) = e<sup>−E(v,h)</sup>/Z. Visible and hidden units share one {@link UnitType}.
 *
 * <p>The parameters are mutable arrays, written only by trainers ({@link RbmTrainer}, {@link ExactFit}) and
 * by {@link #copy()}'s caller; W is stored row-major, {@code weights[i * hiddenCount + j]} = W<sub>ij</sub>.
 * States are {@code double[]} of unit values (±1 or 0/1) in the kernels, {@code byte[]} in data sets.
 */
public final class Rbm {

    private final UnitType unitType;
    private final int visibleCount;
    private final int hiddenCount;
    private final double[] visibleBias;
    private final double[] hiddenBias;
    private final double[] weights;

    /** A machine with all parameters zero. */
    public Rbm(UnitType unitType, int visibleCount, int hiddenCount) {
        this(unitType, new double[visibleCount], new double[hiddenCount], new double[visibleCount * hiddenCount]);
    }

    /** A machine with the given parameters (the arrays are copied). */
    public Rbm(UnitType unitType, double[] visibleBias, double[] hiddenBias, double[] weights) {
        this.unitType = Objects.requireNonNull(unitType, "unitType");
        if (visibleBias.length < 1 || hiddenBias.length < 1) {
            throw new IllegalArgumentException("an RBM needs at least one visible and one hidden unit");
        }
        if (weights.length != visibleBias.length * hiddenBias.length) {
            throw new IllegalArgumentException("weights have " + weights.length + " entries, expected "
                    + visibleBias.length + "×" + hiddenBias.length);
        }
        for (double[] a : new double[][] {visibleBias, hiddenBias, weights}) {
            for (double x : a) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("RBM parameters must be finite, found " + x);
                }
            }
        }
        this.visibleCount = visibleBias.length;
        this.hiddenCount = hiddenBias.length;
        this.visibleBias = visibleBias.clone();
        this.hiddenBias = hiddenBias.clone();
        this.weights = weights.clone();
    }

    /** Weights drawn iid from N(0, scale²), biases zero. */
    public static Rbm randomWeights(UnitType unitType, int visibleCount, int hiddenCount, double scale,
            RandomGenerator rng) {
        Rbm rbm = new Rbm(unitType, visibleCount, hiddenCount);
        for (int k = 0; k < rbm.weights.length; k++) {
            rbm.weights[k] = scale * rng.nextGaussian();
        }
        return rbm;
    }

    public UnitType unitType() {
        return unitType;
    }

    public int visibleCount() {
        return visibleCount;
    }

    public int hiddenCount() {
        return hiddenCount;
    }

    /** The visible biases a (live array: trainers write it). */
    public double[] visibleBias() {
        return visibleBias;
    }

    /** The hidden biases b (live array: trainers write it). */
    public double[] hiddenBias() {
        return hiddenBias;
    }

    /** W row-major, W<sub>ij</sub> at {@code i * hiddenCount + j} (live array: trainers write it). */
    public double[] weights() {
        return weights;
    }

    public double weight(int visible, int hidden) {
        return weights[visible * hiddenCount + hidden];
    }

    /** An independent copy. */
    public Rbm copy() {
        return new Rbm(unitType, visibleBias, hiddenBias, weights);
    }

    /** E(v,h) = −aᵀv − bᵀh − vᵀWh. */
    public double energy(double[] v, double[] h) {
        double e = 0;
        for (int i = 0; i < visibleCount; i++) {
            e -= visibleBias[i] * v[i];
            double vi = v[i];
            int row = i * hiddenCount;
            for (int j = 0; j < hiddenCount; j++) {
                e -= vi * weights[row + j] * h[j];
            }
        }
        for (int j = 0; j < hiddenCount; j++) {
            e -= hiddenBias[j] * h[j];
        }
        return e;
    }

    /**
     * Free energy with the hidden units summed analytically, p(v) = e<sup>−F(v)</sup>/Z:
     * F(v) = −aᵀv − Σ<sub>j</sub> ln Σ<sub>h<sub>j</sub></sub> e<sup>h<sub>j</sub>(b<sub>j</sub> + (vᵀW)<sub>j</sub>)</sup>.
     */
    public double freeEnergy(double[] v) {
        double f = 0;
        for (int i = 0; i < visibleCount; i++) {
            f -= visibleBias[i] * v[i];
        }
        for (int j = 0; j < hiddenCount; j++) {
            f -= unitType.logSumExp(hiddenField(v, j));
        }
        return f;
    }

    /** The mirror of {@link #freeEnergy}: −ln Σ<sub>v</sub> e<sup>−E(v,h)</sup>, the visible units summed. */
    public double hiddenFreeEnergy(double[] h) {
        double f = 0;
        for (int j = 0; j < hiddenCount; j++) {
            f -= hiddenBias[j] * h[j];
        }
        for (int i = 0; i < visibleCount; i++) {
            f -= unitType.logSumExp(visibleField(h, i));
        }
        return f;
    }

    /** b<sub>j</sub> + Σ<sub>i</sub> v<sub>i</sub>W<sub>ij</sub>, the field on hidden unit j. */
    public double hiddenField(double[] v, int j) {
        double x = hiddenBias[j];
        for (int i = 0; i < visibleCount; i++) {
            x += v[i] * weights[i * hiddenCount + j];
        }
        return x;
    }

    /** a<sub>i</sub> + Σ<sub>j</sub> W<sub>ij</sub>h<sub>j</sub>, the field on visible unit i. */
    public double visibleField(double[] h, int i) {
        double x = visibleBias[i];
        int row = i * hiddenCount;
        for (int j = 0; j < hiddenCount; j++) {
            x += weights[row + j] * h[j];
        }
        return x;
    }

    /** Modified: {@code hiddenMean}, set to E[h|v]. Not modified: {@code v}. */
    public void hiddenMeans(double[] v, double[] hiddenMean) {
        hiddenFields(v, hiddenMean);
        for (int j = 0; j < hiddenCount; j++) {
            hiddenMean[j] = unitType.mean(hiddenMean[j]);
        }
    }

    /**
     * All hidden fields at once, {@code field[j]} = {@link #hiddenField(double[], int) hiddenField(v, j)} bit for
     * bit (same terms, same order), but walking W row by row (contiguous memory) instead of down a column.
     * Modified: {@code field}. Not modified: {@code v}.
     */
    public void hiddenFields(double[] v, double[] field) {
        System.arraycopy(hiddenBias, 0, field, 0, hiddenCount);
        for (int i = 0; i < visibleCount; i++) {
            double vi = v[i];
            int row = i * hiddenCount;
            for (int j = 0; j < hiddenCount; j++) {
                field[j] += vi * weights[row + j];
            }
        }
    }

    /** Modified: {@code visibleMean}, set to E[v|h]. Not modified: {@code h}. */
    public void visibleMeans(double[] h, double[] visibleMean) {
        for (int i = 0; i < visibleCount; i++) {
            visibleMean[i] = unitType.mean(visibleField(h, i));
        }
    }

    /** Draws h ∼ p(h|v). Modified: {@code h}. Not modified: {@code v}. */
    public void sampleHidden(double[] v, double[] h, RandomGenerator rng) {
        hiddenFields(v, h);
        for (int j = 0; j < hiddenCount; j++) {
            h[j] = unitType.sample(h[j], rng);
        }
    }

    /** Draws v ∼ p(v|h). Modified: {@code v}. Not modified: {@code h}. */
    public void sampleVisible(double[] h, double[] v, RandomGenerator rng) {
        for (int i = 0; i < visibleCount; i++) {
            v[i] = unitType.sample(visibleField(h, i), rng);
        }
    }

    /** Unit values of a stored configuration (bytes > 0 are "up"). Modified: {@code values}. */
    public static void toValues(UnitType type, byte[] stored, double[] values) {
        for (int i = 0; i < stored.length; i++) {
            values[i] = type.value(type.isUp(stored[i]));
        }
    }

    @Override
    public String toString() {
        return "Rbm[" + unitType + ", " + visibleCount + "×" + hiddenCount + ", W=" + Arrays.toString(weights) + "]";
    }
}
