package dev.coarse.rg;

import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import org.ejml.data.DMatrixRMaj;
import java.util.List;

/**
 * Swendsen's matched-lattice MCRG (SCIENCE.md §4): the linearised RG from two ensembles of the same model and
 * couplings K<sup>(0)</sup>, one on an L lattice and one on L/b, compared on blocked lattices of the <em>same</em>
 * size, so that the finite-size response of the final lattice cancels.
 *
 * <p>At matched level n the L ensemble is blocked n times and the L/b ensemble n−1 times; both end on an L/b<sup>n</sup>
 * lattice, with Hamiltonians K<sup>(n)</sup> and K<sup>(n−1)</sup>. Their responses to the original couplings,
 * measured as connected correlations with the level-0 operators of each run,
 * A<sub>γβ</sub> = ∂⟨S<sub>γ</sub><sup>(n)</sup>⟩<sub>L</sub>/∂K<sub>β</sub><sup>(0)</sup>
 * = ⟨S<sub>γ</sub><sup>(n)</sup>S<sub>β</sub><sup>(0)</sup>⟩<sub>L</sub> − ⟨S<sub>γ</sub><sup>(n)</sup>⟩⟨S<sub>β</sub><sup>(0)</sup>⟩ and
 * B<sub>γβ</sub> = ∂⟨S<sub>γ</sub><sup>(n−1)</sup>⟩<sub>L/b</sub>/∂K<sub>β</sub><sup>(0)</sup> (the same in the L/b run),
 * factor as A = M T X and B = M X: M = ∂⟨S⟩/∂K on the common L/b<sup>n</sup> lattice (the same in both when
 * K<sup>(n)</sup> ≈ K<sup>(n−1)</sup>, near the fixed point), T = ∂K<sup>(n)</sup>/∂K<sup>(n−1)</sup> and
 * X = ∂K<sup>(n−1)</sup>/∂K<sup>(0)</sup> (the same in both runs because renormalized couplings are local). So
 * B⁻¹A = X⁻¹TX has the eigenvalues of T; λ = b<sup>y</sup> as in {@link Mcrg}. Errors: jackknife over contiguous
 * bins, replica k leaving out bin k of <em>both</em> (independent) runs.
 *
 * <p>Taken raw ({@link Form#RESPONSES}) nothing cancels between the fluctuations of A and B, which come from two
 * independent runs (in {@link Mcrg} C and D come from the same configurations): errors 10–40 times larger at equal
 * samples. {@link Form#COUPLINGS} (the default) divides each run's response by its own response matrix on the final
 * lattice first, so each factor is a ratio within one run. Measured accuracy: docs/rg.md.
 */
public final class MatchedMcrg {

    /** How the two runs' measurements are combined into the matched RG matrix. */
    public enum Form {
        /**
         * T = B'⁻¹A' with A' = C<sub>L</sub><sup>(n)−1</sup>A = ∂K<sup>(n)</sup>/∂K<sup>(0)</sup> of the L run and
         * B' = C<sub>L/b</sub><sup>(n−1)−1</sup>B = ∂K<sup>(n−1)</sup>/∂K<sup>(0)</sup> of the L/b run: each run's
         * response divided by its own response matrix on the common final lattice (Swendsen's chain rule), so the
         * matched quantities are the renormalized couplings themselves and M need not be assumed equal in the two
         * runs. Each factor is a ratio of correlations of one run, whose fluctuations largely cancel: errors about
         * 1–2 times those of {@link Mcrg}. At level 1 B' is the identity and the result is {@link Mcrg}'s level 1.
         */
        COUPLINGS,
        /**
         * T = B⁻¹A from the raw responses (the textbook form, which assumes M equal in both runs). Nothing cancels
         * between two independent runs: y<sub>h</sub> errors ≈ 0.006 at 20,000 samples per run, 10–40 times
         * {@link #COUPLINGS}.
         */
        RESPONSES
    }

    private MatchedMcrg() {
    }

    /**
     * Matched-lattice MCRG at every level n = 1 … min(large.size() − 1, small.size()).
     *
     * @param large         the L ensemble at levels 0, 1, …, index i of every level from the same sample
     * @param largeLattices the lattice of each of its levels
     * @param small         the L/b ensemble at levels 0, 1, … (its own sample count)
     * @param smallLattices the lattice of each of its levels; level n−1 must have the size of level n of the L run
     * @param bins          jackknife bins per run, 2 ≤ bins ≤ samples of either run
     * @param form          how the two runs are combined ({@link Form#COUPLINGS} unless comparing)
     */
    public static List<Mcrg.Level> analyse(List<byte[][]> large, List<Lattice> largeLattices, List<byte[][]> small,
                                           List<Lattice> smallLattices, OperatorSet even, OperatorSet odd,
                                           int bins, Form form) {
        check(large, largeLattices, "L");
        check(small, smallLattices, "L/b");
        int levels = Math.min(large.size() - 1, small.size());
        if (levels < 1) {
            throw new IllegalArgumentException("matched MCRG needs the L ensemble at two levels (the data and one "
                    + "coarse-graining) and the L/b ensemble at one");
        }
        requireMatchingLattices(largeLattices, smallLattices);
        int minSamples = Math.min(large.get(0).length, small.get(0).length);
        if (bins < 2 || bins > minSamples) {
            throw new IllegalArgumentException("jackknife needs 2 ≤ bins ≤ samples = " + minSamples + ", got " + bins);
        }
        double[][] largeEven0 = Mcrg.values(large.get(0), largeLattices.get(0), even);
        double[][] largeOdd0 = Mcrg.values(large.get(0), largeLattices.get(0), odd);
        double[][] smallEven0 = Mcrg.values(small.get(0), smallLattices.get(0), even);
        double[][] smallOdd0 = Mcrg.values(small.get(0), smallLattices.get(0), odd);
        List<Mcrg.Level> out = new ArrayList<>();
        for (int n = 1; n <= levels; n++) {
            double b = (double) largeLattices.get(n - 1).linearSize() / largeLattices.get(n).linearSize();
            double[][] smallEven = n == 1 ? smallEven0 : Mcrg.values(small.get(n - 1), smallLattices.get(n - 1), even);
            double[][] smallOdd = n == 1 ? smallOdd0 : Mcrg.values(small.get(n - 1), smallLattices.get(n - 1), odd);
            Mcrg.Sector e = sector(Mcrg.values(large.get(n), largeLattices.get(n), even), largeEven0, smallEven,
                    smallEven0, bins, b, form);
            Mcrg.Sector o = sector(Mcrg.values(large.get(n), largeLattices.get(n), odd), largeOdd0, smallOdd,
                    smallOdd0, bins, b, form);
            out.add(new Mcrg.Level(n, b, even.names(), odd.names(), e.y(), o.y(), e.eigenvalues(), o.eigenvalues(),
                    e.leading(), o.leading()));
        }
        return out;
    }

    /**
     * Coarse-grains the L ensemble {@code levels} times and the L/b ensemble {@code levels − 1} times with
     * {@code rule} and runs {@link #analyse}: matched levels 1 … {@code levels}. The L/b ensemble's lattice must be
     * the rule's coarse lattice of the L ensemble's.
     */
    public static List<Mcrg.Level> run(byte[][] large, Lattice largeLattice, byte[][] small, Lattice smallLattice,
                                       CoarseGraining rule, int levels, OperatorSet even, OperatorSet odd, int bins,
                                       Form form, long seed) {
        if (levels < 1) {
            throw new IllegalArgumentException("matched MCRG needs levels ≥ 1, got " + levels);
        }
        return analyse(Coarsener.iterate(large, largeLattice, rule, levels, seed),
                Coarsener.lattices(largeLattice, rule, levels),
                Coarsener.iterate(small, smallLattice, rule, levels - 1, seed + 1),
                Coarsener.lattices(smallLattice, rule, levels - 1), even, odd, bins, form);
    }

    /**
     * Checks that level n of the L run and level n − 1 of the L/b run have the same size, for every n that both
     * lists reach (n = 1 … min(large.size() − 1, small.size())), and that both runs have one dimension. With
     * {@code small} holding only the L/b run's level 0 this is the check, before anything is coarse-grained, that the
     * small lattice is the L lattice blocked once.
     *
     * @throws IllegalArgumentException naming the first level whose sizes differ
     */
    public static void requireMatchingLattices(List<Lattice> largeLattices, List<Lattice> smallLattices) {
        if (largeLattices.isEmpty() || smallLattices.isEmpty()) {
            throw new IllegalArgumentException("matched MCRG needs a lattice of each run");
        }
        if (largeLattices.get(0).dimension() != smallLattices.get(0).dimension()) {
            throw new IllegalArgumentException("the L and L/b ensembles have different dimensions");
        }
        int levels = Math.min(largeLattices.size() - 1, smallLattices.size());
        for (int n = 1; n <= levels; n++) {
            int a = largeLattices.get(n).linearSize();
            int c = smallLattices.get(n - 1).linearSize();
            if (a != c) {
                throw new IllegalArgumentException("matched level " + n + " compares blocked lattices of the same size, "
                        + "but the L run's level " + n + " has L = " + a + " and the L/b run's level " + (n - 1)
                        + " has L = " + c);
            }
        }
    }

    /**
     * Checks that two ensembles sample the same Hamiltonian K<sup>(0)</sup> — the same model, temperature, field and
     * model parameters — which the matched method assumes (their sizes are {@link #requireMatchingLattices}'s).
     *
     * @param largeName how the L ensemble is named in the message (e.g. its file)
     * @param smallName how the L/b ensemble is named
     * @throws IllegalArgumentException naming both ensembles' model and couplings
     */
    public static void requireSameCouplings(EnsembleMeta large, String largeName, EnsembleMeta small,
                                            String smallName) {
        if (!small.model().equals(large.model()) || small.temperature() != large.temperature()
                || small.field() != large.field() || small.q() != large.q()
                || !small.parameters().equals(large.parameters())) {
            throw new IllegalArgumentException("matched MCRG needs the same model, temperature and field: "
                    + describe(large, largeName) + "; " + describe(small, smallName));
        }
    }

    /**
     * Checks, before anything runs, that {@code bins} jackknife bins fit an ensemble of {@code samples}
     * configurations (each run is binned separately; {@link #analyse} needs 2 ≤ bins ≤ the samples of both).
     *
     * @param name how the ensemble is named in the message
     */
    public static void requireBins(int bins, int samples, String name) {
        if (bins < 2 || bins > samples) {
            throw new IllegalArgumentException("jackknife bins must be in 2.." + samples + " (the samples of " + name
                    + "), got " + bins);
        }
    }

    private static String describe(EnsembleMeta meta, String name) {
        return name + " is " + meta.model() + (meta.q() != 2 ? " (q = " + meta.q() + ")" : "") + " at T = "
                + meta.temperature() + ", h = " + meta.field() + (meta.parameters().isEmpty() ? ""
                : ", " + meta.parameters());
    }

    private static void check(List<byte[][]> data, List<Lattice> lattices, String which) {
        if (data.size() != lattices.size()) {
            throw new IllegalArgumentException("the " + which + " ensemble has " + data.size() + " levels of data but "
                    + lattices.size() + " lattices");
        }
        if (data.isEmpty() || data.get(0).length == 0) {
            throw new IllegalArgumentException("the " + which + " ensemble is empty");
        }
        for (byte[][] l : data) {
            if (l.length != data.get(0).length) {
                throw new IllegalArgumentException("every level of the " + which + " ensemble needs the same "
                        + data.get(0).length + " samples, got " + l.length);
            }
        }
    }

    /** Leading eigenvalue of B⁻¹A, A from (largeCoarse, largeFine), B from (smallCoarse, smallFine). */
    private static Mcrg.Sector sector(double[][] largeCoarse, double[][] largeFine, double[][] smallCoarse,
                                      double[][] smallFine, int bins, double b, Form form) {
        Mcrg.Moments[] aBins = binned(largeCoarse, largeFine, bins);
        Mcrg.Moments[] bBins = binned(smallCoarse, smallFine, bins);
        Mcrg.Moments aAll = sum(aBins, -1);
        Mcrg.Moments bAll = sum(bBins, -1);
        double[][] ev = Mcrg.eigenvaluesByMagnitude(matrix(aAll, bAll, form));
        double[] real = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            real[i] = ev[i][0];
        }
        double lambda = real[0];
        double[] jackLambda = new double[bins];
        double[] jackY = new double[bins];
        for (int k = 0; k < bins; k++) {
            jackLambda[k] = Mcrg.eigenvaluesByMagnitude(matrix(sum(aBins, k), sum(bBins, k), form))[0][0];
            jackY[k] = Math.log(jackLambda[k]) / Math.log(b);
        }
        return new Mcrg.Sector(Estimate.of(Math.log(lambda) / Math.log(b), Mcrg.jackknifeError(jackY)),
                Estimate.of(lambda, Mcrg.jackknifeError(jackLambda)), real);
    }

    private static double[][] matrix(Mcrg.Moments a, Mcrg.Moments b, Form form) {
        return switch (form) {
            case RESPONSES -> Mcrg.solve(b.crossCorrelation(), a.crossCorrelation(),
                    "matched MCRG response matrix of the L/b run");
            case COUPLINGS -> Mcrg.solve(new DMatrixRMaj(b.rgMatrix()), new DMatrixRMaj(a.rgMatrix()),
                    "matched MCRG coupling derivative of the L/b run");
        };
    }

    private static Mcrg.Moments[] binned(double[][] coarse, double[][] fine, int bins) {
        int samples = coarse.length;
        Mcrg.Moments[] perBin = new Mcrg.Moments[bins];
        for (int k = 0; k < bins; k++) {
            perBin[k] = new Mcrg.Moments(coarse[0].length, fine[0].length);
        }
        for (int i = 0; i < samples; i++) {
            perBin[(int) ((long) i * bins / samples)].add(coarse[i], fine[i]);
        }
        return perBin;
    }

    /** Sum of all bins except {@code skip} (−1: all). */
    private static Mcrg.Moments sum(Mcrg.Moments[] bins, int skip) {
        Mcrg.Moments s = new Mcrg.Moments(bins[0].mc, bins[0].mf);
        for (int k = 0; k < bins.length; k++) {
            if (k != skip) {
                s.plus(bins[k], 1);
            }
        }
        return s;
    }
}
