package dev.coarse.learn.rsmi;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.BlockPartition;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A learned RSMI filter as a {@link CoarseGraining}: each block of side b (the blocks of {@link BlockPartition},
 * numbered as the coarse sites) is read as the vector V of its b<sup>d</sup>·m values ({@link RsmiGeometry}'s
 * order), the logits z = ΛV are formed with the n<sub>h</sub>×|V| weights Λ, and the hidden variables are read off
 * hard — no noise, no temperature: for {@link HiddenKind#BINARY} n<sub>h</sub> spins sign(z<sub>j</sub>) (the
 * coarse configuration holds spins with n<sub>h</sub> components per site; a sum within
 * {@link #TIE_TOLERANCE}·Σ|Λ<sub>j</sub>| of zero is a tie, decided by a coin from the rule's stream), for
 * {@link HiddenKind#CATEGORICAL} one label argmax<sub>j</sub> z<sub>j</sub> of n<sub>h</sub> states (the first
 * largest on ties). Immutable.
 */
public final class RsmiFilter implements CoarseGraining {

    /** The rule's name in coarse ensembles and rule files. */
    public static final String NAME = "rsmi";
    /** Relative size of a logit treated as exactly zero. */
    public static final double TIE_TOLERANCE = 1e-12;

    private final int dimension;
    private final int blockSize;
    private final DegreesOfFreedom reads;
    private final HiddenKind kind;
    private final double[][] weights;
    private final double[] tieThresholds;

    /**
     * @param dimension d of the lattices it reads
     * @param blockSize b ≥ 1
     * @param reads     the configurations it reads (discrete; on sites, or on bonds with one component)
     * @param kind      what the hidden variables are
     * @param weights   Λ, n<sub>h</sub> rows of b<sup>d</sup>·m finite weights, no row all zero; copied
     */
    public RsmiFilter(int dimension, int blockSize, DegreesOfFreedom reads, HiddenKind kind, double[][] weights) {
        if (dimension < 1 || dimension > 3) {
            throw new IllegalArgumentException("dimension must be 1, 2 or 3, got " + dimension);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be at least 1, got " + blockSize);
        }
        this.reads = Objects.requireNonNull(reads, "reads");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (!reads.isDiscrete() || (reads.support() == DegreesOfFreedom.Support.BONDS && reads.components() != 1)) {
            throw new IllegalArgumentException("an RSMI filter reads discrete values on sites or single bond "
                    + "occupations, not " + reads);
        }
        Objects.requireNonNull(weights, "weights");
        if (weights.length < 1 || (kind == HiddenKind.CATEGORICAL && weights.length < 2)) {
            throw new IllegalArgumentException("need at least " + (kind == HiddenKind.CATEGORICAL ? 2 : 1)
                    + " filter rows for " + kind.id() + " hidden variables, got " + weights.length);
        }
        int per = 1;
        for (int a = 0; a < dimension; a++) {
            per *= blockSize;
        }
        int visible = per * RsmiGeometry.valuesPerSite(reads, dimension);
        this.dimension = dimension;
        this.blockSize = blockSize;
        this.weights = new double[weights.length][];
        this.tieThresholds = new double[weights.length];
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] == null || weights[j].length != visible) {
                throw new IllegalArgumentException("filter row " + j + " must hold " + visible + " weights (b = "
                        + blockSize + ", d = " + dimension + ", " + reads + ")");
            }
            double norm = 0;
            for (double w : weights[j]) {
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("filter weights must be finite, got " + w + " in row " + j);
                }
                norm += Math.abs(w);
            }
            if (norm == 0) {
                throw new IllegalArgumentException("filter row " + j + " is all zero");
            }
            this.weights[j] = weights[j].clone();
            this.tieThresholds[j] = TIE_TOLERANCE * norm;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double scaleFactor() {
        return blockSize;
    }

    public int dimension() {
        return dimension;
    }

    public int blockSize() {
        return blockSize;
    }

    /** What the filter reads. */
    public DegreesOfFreedom reads() {
        return reads;
    }

    public HiddenKind kind() {
        return kind;
    }

    /** n<sub>h</sub>: rows of Λ. */
    public int hiddenCount() {
        return weights.length;
    }

    /** Λ (a copy), n<sub>h</sub> rows of |V| weights in {@link RsmiGeometry}'s order. */
    public double[][] weights() {
        double[][] out = new double[weights.length][];
        for (int j = 0; j < out.length; j++) {
            out[j] = weights[j].clone();
        }
        return out;
    }

    @Override
    public Lattice coarseLattice(Lattice fine) {
        if (fine.dimension() != dimension) {
            throw new IllegalArgumentException("the RSMI filter was learned in " + dimension + "D, not on " + fine);
        }
        if (fine.linearSize() % blockSize != 0) {
            throw new IllegalArgumentException("b = " + blockSize + " does not divide L = " + fine.linearSize());
        }
        return Lattice.of(dimension, fine.linearSize() / blockSize);
    }

    @Override
    public DegreesOfFreedom coarseDegreesOfFreedom(DegreesOfFreedom fine) {
        if (!fine.equals(reads)) {
            throw new IllegalArgumentException("the " + NAME + " filter reads " + reads + ", not " + fine);
        }
        return kind == HiddenKind.BINARY ? DegreesOfFreedom.isingSpins().withComponents(weights.length)
                : DegreesOfFreedom.pottsStates(weights.length);
    }

    /**
     * Modified: {@code coarseConfiguration}. Not modified: {@code fineConfiguration}. One {@code rng} draw per binary
     * tie (none for categorical filters).
     */
    @Override
    public void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng) {
        Lattice coarse = coarseLattice(fine);
        int m = RsmiGeometry.valuesPerSite(reads, dimension);
        int expected = fine.siteCount() * m;
        if (fineConfiguration.length != expected) {
            throw new IllegalArgumentException("fine configuration has " + fineConfiguration.length
                    + " values, expected " + expected + " (" + reads + " on " + fine + ")");
        }
        int outPer = kind == HiddenKind.BINARY ? weights.length : 1;
        if (coarseConfiguration.length != coarse.siteCount() * outPer) {
            throw new IllegalArgumentException("coarse configuration has " + coarseConfiguration.length
                    + " values, expected " + coarse.siteCount() * outPer);
        }
        BlockPartition blocks = fine.blocks(blockSize);
        int per = blocks.sitesPerBlock();
        double[] logits = new double[weights.length];
        for (int block = 0; block < blocks.blockCount(); block++) {
            Arrays.fill(logits, 0);
            for (int k = 0; k < per; k++) {
                int base = blocks.site(block, k) * m;
                for (int c = 0; c < m; c++) {
                    double v = fineConfiguration[base + c];
                    for (int j = 0; j < logits.length; j++) {
                        logits[j] += weights[j][k * m + c] * v;
                    }
                }
            }
            if (kind == HiddenKind.BINARY) {
                for (int j = 0; j < logits.length; j++) {
                    coarseConfiguration[block * outPer + j] = logits[j] > tieThresholds[j] ? (byte) 1
                            : logits[j] < -tieThresholds[j] ? (byte) -1 : rng.nextBoolean() ? (byte) 1 : (byte) -1;
                }
            } else {
                int best = 0;
                for (int j = 1; j < logits.length; j++) {
                    if (logits[j] > logits[best]) {
                        best = j;
                    }
                }
                coarseConfiguration[block] = (byte) best;
            }
        }
    }

    @Override
    public String toString() {
        return NAME + " b=" + blockSize + " " + kind.id() + " " + Arrays.deepToString(weights);
    }
}
