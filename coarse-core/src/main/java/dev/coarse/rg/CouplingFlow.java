package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import java.util.ArrayList;
import java.util.List;

/**
 * The coupling flow of an ensemble under an iterated rule: pseudo-likelihood couplings K<sup>(n)</sup> at every
 * level n (SCIENCE.md §4), i.e. one point K → K' → K'' … of the flow diagram per ensemble.
 */
public final class CouplingFlow {

    private CouplingFlow() {
    }

    /**
     * Couplings at levels 0 … {@code levels}: element n is the fit on the n-times coarse-grained configurations.
     *
     * @param operators lattice-independent operator set, fitted at every level
     * @param blocks    jackknife blocks per fit
     */
    public static List<Couplings> measure(byte[][] configurations, Lattice lattice, CoarseGraining rule, int levels,
                                          OperatorSet operators, int blocks, long seed) {
        List<byte[][]> data = Coarsener.iterate(configurations, lattice, rule, levels, seed);
        List<Lattice> lattices = Coarsener.lattices(lattice, rule, levels);
        List<Couplings> out = new ArrayList<>();
        for (int n = 0; n <= levels; n++) {
            out.add(PseudoLikelihood.fit(data.get(n), lattices.get(n), operators, blocks));
        }
        return out;
    }
}
