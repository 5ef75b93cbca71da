package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import java.util.random.RandomGenerator;

/**
 * A block-spin rule with a tunable parameter w (Swendsen 1984; Ron, Brandt &amp; Swendsen, PRE 95, 053305, 2017):
 * the coarse spin is +1 with probability e<sup>wΣ</sup>/(e<sup>wΣ</sup> + e<sup>−wΣ</sup>), Σ the block's spin
 * sum. w → ∞ is the majority rule (ties by a coin), w → 0 a random spin; in between the rule is a family of RG
 * transformations with different fixed points, and w can be tuned so that the fixed point lies close to the
 * Hamiltonian being blocked, which shrinks the irrelevant-operator corrections that make MCRG exponents converge
 * only with the level (docs/rg.md, "MCRG: the level-2 bias").
 *
 * <p>One uniform draw u per block, in block order: the coarse spin is sign(Σ) if u &lt; p(|Σ|) and −sign(Σ)
 * otherwise, p(x) = 1/(1 + e<sup>−2wx</sup>); a zero sum takes the spin of block site ⌊u·b<sup>d</sup>⌋. The rule
 * therefore commutes with the global spin flip for the same seed, as every spin rule in Coarse does.
 */
public final class ProbabilisticBlockRule extends BlockRule implements CoarseGraining {

    private final double weight;
    private volatile double[] probabilities;

    /**
     * @param weight w &gt; 0, finite
     */
    public ProbabilisticBlockRule(int blockSize, double weight) {
        super(blockSize);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("block-spin weight w must be finite and > 0, got " + weight);
        }
        this.weight = weight;
    }

    /** The parameter w. */
    public double weight() {
        return weight;
    }

    @Override
    public String name() {
        return "probabilistic";
    }

    /** Modified: {@code coarseConfiguration}. Not modified: {@code fineConfiguration}. One draw per block. */
    @Override
    public void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng) {
        int blocks = checkedBlockCount(fine, fineConfiguration, coarseConfiguration);
        int[] sites = blockSites(fine);
        int per = sitesPerBlock(fine);
        double[] p = probabilities(per);
        for (int block = 0; block < blocks; block++) {
            int off = block * per;
            int sum = 0;
            for (int k = 0; k < per; k++) {
                sum += fineConfiguration[sites[off + k]];
            }
            double u = rng.nextDouble();
            if (sum == 0) {
                coarseConfiguration[block] = fineConfiguration[sites[off + (int) (u * per)]];
            } else {
                byte sign = (byte) (sum > 0 ? 1 : -1);
                coarseConfiguration[block] = u < p[Math.abs(sum)] ? sign : (byte) -sign;
            }
        }
    }

    /** p(x) = 1/(1 + e<sup>−2wx</sup>) for x = 0 … sites per block. */
    private double[] probabilities(int per) {
        double[] p = probabilities;
        if (p == null || p.length != per + 1) {
            p = new double[per + 1];
            for (int x = 0; x <= per; x++) {
                p[x] = 1 / (1 + Math.exp(-2 * weight * x));
            }
            probabilities = p;
        }
        return p;
    }

    @Override
    public String toString() {
        return "probabilistic b=" + blockSize() + " w=" + weight;
    }
}
