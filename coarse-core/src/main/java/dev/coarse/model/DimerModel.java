package dev.coarse.model;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.Map;
import java.util.Objects;

/**
 * Close-packed dimers on the L×L square torus with the aligned-plaquette interaction of Alet et al. (PRL 94,
 * 235702, 2005): every site is covered by exactly one dimer, and E = v · N<sub>∥</sub>, where N<sub>∥</sub> counts
 * the plaquettes holding two parallel dimers. v = 0 is the free dimer model (all coverings equally likely);
 * v &lt; 0 favours aligned pairs and orders the dimers in columns below T<sub>c</sub> ≈ 0.65 |v|; v &gt; 0
 * penalises them.
 *
 * <p>Geometry, the convention every dimer class in Coarse uses: x and y are the lattice coordinates 0 and 1
 * ({@link Lattice#coordinates}), so site (x, y) = x·L + y. An <em>x-bond</em> (axis 0, drawn horizontal) joins
 * (x, y) to (x+1, y), a <em>y-bond</em> (axis 1, vertical) joins (x, y) to (x, y+1); bond index
 * {@code site · 2 + axis}, as {@link DegreesOfFreedom#bondOccupations()} lays them out. The plaquette whose
 * lower-left corner is (x, y) has the x-bonds of (x, y) and (x, y+1) as bottom and top edges and the y-bonds of
 * (x, y) and (x+1, y) as left and right edges; it is aligned when both x-edges or both y-edges hold a dimer (a
 * plaquette cannot hold both pairs, since its corners would be covered twice). Each plaquette is counted once.
 *
 * <p>L must be even (an odd torus has an odd number of sites) and at least 4: on the 2×2 torus the forward and
 * the wrapping bond join the same two sites, so "which neighbour a site is paired with" no longer names a bond and
 * every plaquette shares its edges with the next one; nothing physical is lost by refusing it.
 *
 * @param lattice     the square lattice, L even and ≥ 4
 * @param v           the aligned-plaquette coupling, finite (0: free dimers)
 * @param temperature T &gt; 0, finite
 */
public record DimerModel(Lattice lattice, double v, double temperature) implements Model {

    /** The model's name in files and metadata. */
    public static final String NAME = "dimer2d";

    /** The name of the coupling v among an ensemble's parameters ({@code EnsembleMeta.parameters()}). */
    public static final String COUPLING_PARAMETER = "v";

    public DimerModel {
        Objects.requireNonNull(lattice, "lattice");
        if (lattice.kind() != Lattice.Kind.SQUARE) {
            throw new IllegalArgumentException("dimers need a square lattice, got " + lattice);
        }
        if (lattice.linearSize() % 2 != 0 || lattice.linearSize() < 4) {
            throw new IllegalArgumentException("close-packed dimers need an even L ≥ 4, got L = "
                    + lattice.linearSize());
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("dimer coupling v must be finite, got " + v);
        }
        Model.requireTemperature(temperature);
    }

    /** Free dimers: v = 0, where every covering has weight 1 whatever T; T = 1 by convention. */
    public static DimerModel free(Lattice lattice) {
        return new DimerModel(lattice, 0.0, 1.0);
    }

    /**
     * Four: which of its four bonds holds the site's dimer. The values of a configuration are bond occupations
     * with {@code degreesOfFreedom().states()} = 2 values each.
     */
    @Override
    public int statesPerSite() {
        return 4;
    }

    @Override
    public DegreesOfFreedom degreesOfFreedom() {
        return DegreesOfFreedom.bondOccupations();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The couplings beyond T, as an ensemble's metadata records them ({@code EnsembleMeta.parameters()}): v. */
    public Map<String, Double> parameters() {
        return Map.of(COUPLING_PARAMETER, v);
    }

    /** E = v · N<sub>∥</sub>. */
    @Override
    public double energy(byte[] occupations) {
        return v * parallelPlaquettes(lattice, occupations);
    }

    /**
     * N<sub>∥</sub>: plaquettes whose two x-edges or whose two y-edges both hold a dimer (see the class comment).
     * Reads occupations as 0/1 without checking that they form a covering.
     */
    public static int parallelPlaquettes(Lattice lattice, byte[] occupations) {
        int n = lattice.siteCount();
        int[] nb = lattice.neighbourTable();
        int count = 0;
        for (int s = 0; s < n; s++) {
            int up = nb[s * 4 + 2];    // (x, y+1)
            int right = nb[s * 4];     // (x+1, y)
            count += occupations[2 * s] & occupations[2 * up];
            count += occupations[2 * s + 1] & occupations[2 * right + 1];
        }
        return count;
    }

    /**
     * The columnar covering with every x-bond at even x occupied: a ground state for v &lt; 0 and a valid start
     * for any v.
     */
    public byte[] columnarCovering() {
        byte[] occupations = new byte[2 * lattice.siteCount()];
        int l = lattice.linearSize();
        for (int x = 0; x < l; x += 2) {
            for (int y = 0; y < l; y++) {
                occupations[2 * lattice.site(x, y)] = 1;
            }
        }
        return occupations;
    }

    /**
     * Checks that a configuration is a close-packed covering: 2N values, each 0 or 1, and every site covered by
     * exactly one dimer.
     *
     * @throws IllegalArgumentException naming the first bad value or the first badly covered site
     */
    @Override
    public void validate(byte[] occupations) {
        int n = lattice.siteCount();
        if (occupations.length != 2 * n) {
            throw new IllegalArgumentException("dimer configuration has " + occupations.length + " values, the "
                    + lattice + " torus has " + 2 * n + " bonds");
        }
        degreesOfFreedom().validate(occupations);
        int[] cover = coverCounts(lattice, occupations);
        for (int s = 0; s < n; s++) {
            if (cover[s] != 1) {
                int[] c = lattice.coordinates(s);
                throw new IllegalArgumentException("site " + s + " at (" + c[0] + ", " + c[1] + ") is covered by "
                        + (cover[s] == 0 ? "no dimer" : cover[s] + " dimers") + ", not exactly one");
            }
        }
    }

    /** How many occupied bonds touch each site. */
    private static int[] coverCounts(Lattice lattice, byte[] occupations) {
        int n = lattice.siteCount();
        int[] cover = new int[n];
        for (int s = 0; s < n; s++) {
            for (int axis = 0; axis < 2; axis++) {
                if (occupations[2 * s + axis] != 0) {
                    cover[s]++;
                    cover[lattice.forwardNeighbour(s, axis)]++;
                }
            }
        }
        return cover;
    }
}
