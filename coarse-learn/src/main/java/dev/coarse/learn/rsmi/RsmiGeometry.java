package dev.coarse.learn.rsmi;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.info.BlockGeometry;
import dev.coarse.lattice.Lattice;
import java.util.Objects;

/**
 * Where an RSMI filter looks: the geometry of {@code coarse info block} ({@link BlockGeometry}: a visible block V of
 * side b, a buffer of width L<sub>B</sub>, an environment shell E of width L<sub>E</sub>) read on configurations of
 * any discrete kind. Each site of a region contributes its {@link #valuesPerSite()} values: the components of a
 * site variable (a spin, or a spin and a decoy), or — for configurations on bonds, such as dimer occupations — the d
 * bonds leaving it forward (bond {@code site·d + axis}, {@link DegreesOfFreedom}). Either way value k of site s is at
 * index {@code s·m + k} of a configuration, m = {@link #valuesPerSite()}, and V is the block's sites in row-major
 * order, each with its m values in order: b<sup>d</sup>·m inputs of the filter.
 *
 * @param sites         the block, buffer and shell on the lattice (b + 2(L<sub>B</sub> + L<sub>E</sub>) ≤ L)
 * @param configuration what the configurations hold (discrete; on sites, or on bonds with one component)
 */
public record RsmiGeometry(BlockGeometry sites, DegreesOfFreedom configuration) {

    public RsmiGeometry {
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(configuration, "configuration");
        if (!configuration.isDiscrete()) {
            throw new IllegalArgumentException("an RSMI filter reads discrete values, not " + configuration);
        }
        if (configuration.support() == DegreesOfFreedom.Support.BONDS && configuration.components() != 1) {
            throw new IllegalArgumentException("bond configurations must have one component, got " + configuration);
        }
    }

    /**
     * @throws IllegalArgumentException if the block, buffer and shell do not fit on the lattice (the message says by
     *                                  how much) or the configurations are not discrete
     */
    public static RsmiGeometry of(Lattice lattice, int blockSize, int buffer, int environment,
            DegreesOfFreedom configuration) {
        return new RsmiGeometry(new BlockGeometry(lattice, blockSize, buffer, environment), configuration);
    }

    public Lattice lattice() {
        return sites.lattice();
    }

    public int blockSize() {
        return sites.blockSize();
    }

    /** m: values per site of a region (components of a site variable, or d forward bonds). */
    public int valuesPerSite() {
        return valuesPerSite(configuration, lattice().dimension());
    }

    static int valuesPerSite(DegreesOfFreedom configuration, int dimension) {
        return configuration.support() == DegreesOfFreedom.Support.BONDS ? dimension
                : configuration.valuesPerElement();
    }

    /** Indices (into a configuration) of V for the block with lowest corner {@code corner}, in filter order. */
    public int[] visibleIndices(int corner) {
        return indices(sites.visibleSites(corner));
    }

    /** Indices of E around the block at {@code corner}. */
    public int[] environmentIndices(int corner) {
        return indices(sites.environmentSites(corner));
    }

    /** Number of values of V: b<sup>d</sup>·m. */
    public int visibleCount() {
        return visibleIndices(0).length;
    }

    /** Number of values of E. */
    public int environmentCount() {
        return environmentIndices(0).length;
    }

    /**
     * The lowest corners of the non-overlapping blocks of side b that tile the lattice from the origin (⌊L/b⌋ per
     * axis): the blocks a coarse-graining with this filter reads.
     */
    public int[] blockCorners() {
        Lattice lattice = lattice();
        int d = lattice.dimension();
        int per = lattice.linearSize() / blockSize();
        int total = 1;
        for (int a = 0; a < d; a++) {
            total *= per;
        }
        int[] corners = new int[total];
        int[] c = new int[d];
        for (int i = 0; i < total; i++) {
            int rest = i;
            for (int a = d - 1; a >= 0; a--) {
                c[a] = (rest % per) * blockSize();
                rest /= per;
            }
            corners[i] = lattice.site(c);
        }
        return corners;
    }

    private int[] indices(int[] siteList) {
        int m = valuesPerSite();
        int[] out = new int[siteList.length * m];
        for (int i = 0; i < siteList.length; i++) {
            for (int k = 0; k < m; k++) {
                out[i * m + k] = siteList[i] * m + k;
            }
        }
        return out;
    }
}
