package dev.coarse.exact;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every close-packed dimer covering of a small square torus, with its number of aligned plaquettes N<sub>∥</sub>:
 * the exact Boltzmann distribution of {@link DimerModel} at any v and T, the reference for sampler χ² tests and
 * exact observables. (Dimers need their own enumeration: {@link Enumeration} walks all values of every site, and a
 * covering is not a product of site values.)
 *
 * <p>Coverings are found by backtracking: the lowest-numbered uncovered site is paired with each uncovered
 * neighbour in turn, so every covering is produced once. The 4×4 torus has 272 coverings and the 6×6 torus
 * 90176; the 8×8 torus, with 311853312, is beyond {@link #MAX_COVERINGS} (count it with
 * {@link DimerTorusCount}). Coverings are stored in the order found; each is a bond-occupation array as
 * {@link DimerModel} describes.
 */
public final class DimerCoverings {

    /** Most coverings enumerated and stored (each takes 2N bytes). */
    public static final int MAX_COVERINGS = 1 << 21;

    private final Lattice lattice;
    private final byte[][] coverings;
    private final int[] parallelPlaquettes;
    private final Map<ByteBuffer, Integer> index;

    private DimerCoverings(Lattice lattice, byte[][] coverings) {
        this.lattice = lattice;
        this.coverings = coverings;
        this.parallelPlaquettes = new int[coverings.length];
        this.index = new HashMap<>(2 * coverings.length);
        for (int i = 0; i < coverings.length; i++) {
            parallelPlaquettes[i] = DimerModel.parallelPlaquettes(lattice, coverings[i]);
            index.put(ByteBuffer.wrap(coverings[i]), i);
        }
    }

    /**
     * All coverings of the L×L torus (L even, at least 4, as {@link DimerModel} requires).
     *
     * @throws IllegalArgumentException for another lattice, or one with more than {@link #MAX_COVERINGS} coverings
     */
    public static DimerCoverings of(Lattice lattice) {
        DimerModel.free(lattice); // the same lattice checks as the model
        double count = Math.exp(DimerTorusCount.logCoverings(lattice.linearSize()));
        if (count > MAX_COVERINGS) {
            throw new IllegalArgumentException(String.format("the %s torus has %.4g dimer coverings, more than the %d "
                    + "this enumeration stores", lattice, count, MAX_COVERINGS));
        }
        List<byte[]> found = new ArrayList<>((int) Math.round(count));
        int n = lattice.siteCount();
        boolean[] covered = new boolean[n];
        byte[] occupations = new byte[2 * n];
        extend(lattice, 0, covered, occupations, found);
        return new DimerCoverings(lattice, found.toArray(new byte[0][]));
    }

    /** Pairs the first uncovered site at or after {@code from} in every possible way, recursively. */
    private static void extend(Lattice lattice, int from, boolean[] covered, byte[] occupations, List<byte[]> found) {
        int s = from;
        while (s < covered.length && covered[s]) {
            s++;
        }
        if (s == covered.length) {
            found.add(occupations.clone());
            return;
        }
        covered[s] = true;
        for (int k = 0; k < 4; k++) {
            int t = lattice.neighbour(s, k);
            if (!covered[t]) {
                int axis = k / 2;
                int bond = (k % 2 == 0 ? s : t) * 2 + axis; // the bond belongs to the site it leaves forward
                covered[t] = true;
                occupations[bond] = 1;
                extend(lattice, s + 1, covered, occupations, found);
                occupations[bond] = 0;
                covered[t] = false;
            }
        }
        covered[s] = false;
    }

    public Lattice lattice() {
        return lattice;
    }

    /** Number of coverings. */
    public int count() {
        return coverings.length;
    }

    /** Covering {@code i} as bond occupations; shared, callers must not modify it. */
    public byte[] covering(int i) {
        return coverings[i];
    }

    /** N<sub>∥</sub> of covering {@code i}. */
    public int parallelPlaquettes(int i) {
        return parallelPlaquettes[i];
    }

    /** The index of a covering, or −1 if the array is not one of them (not a covering of this torus). */
    public int indexOf(byte[] occupations) {
        Integer i = index.get(ByteBuffer.wrap(occupations));
        return i == null ? -1 : i;
    }

    /**
     * The number of coverings with N<sub>∥</sub> = k, for k = 0 … max: with it Z(v, T) = Σ<sub>k</sub> g(k)
     * e<sup>−vk/T</sup>.
     */
    public long[] parallelPlaquetteHistogram() {
        int max = 0;
        for (int k : parallelPlaquettes) {
            max = Math.max(max, k);
        }
        long[] g = new long[max + 1];
        for (int k : parallelPlaquettes) {
            g[k]++;
        }
        return g;
    }

    /** Boltzmann probability of each covering, in index order, for the model's v and T. */
    public double[] probabilities(DimerModel model) {
        double logZ = logPartitionFunction(model);
        double[] p = new double[coverings.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(-model.v() * parallelPlaquettes[i] / model.temperature() - logZ);
        }
        return p;
    }

    /** ln Z = ln Σ<sub>coverings</sub> e<sup>−E/T</sup>. */
    public double logPartitionFunction(DimerModel model) {
        requireLattice(model);
        long[] g = parallelPlaquetteHistogram();
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < g.length; k++) {
            if (g[k] > 0) {
                max = Math.max(max, -model.v() * k / model.temperature());
            }
        }
        double sum = 0;
        for (int k = 0; k < g.length; k++) {
            sum += g[k] * Math.exp(-model.v() * k / model.temperature() - max);
        }
        return max + Math.log(sum);
    }

    /** The exact mean ⟨N<sub>∥</sub>⟩ at the model's v and T. */
    public double meanParallelPlaquettes(DimerModel model) {
        double[] p = probabilities(model);
        double mean = 0;
        for (int i = 0; i < p.length; i++) {
            mean += p[i] * parallelPlaquettes[i];
        }
        return mean;
    }

    private void requireLattice(DimerModel model) {
        if (!model.lattice().equals(lattice)) {
            throw new IllegalArgumentException("coverings of the " + lattice + " torus cannot serve a model on "
                    + model.lattice());
        }
    }
}
