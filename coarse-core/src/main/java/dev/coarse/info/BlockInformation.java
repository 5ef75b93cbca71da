package dev.coarse.info;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Information measures on an ensemble of lattice configurations ({@code byte[][]}, one row per
 * configuration, sites in the lattice's row-major order): the RSMI block–environment MI I(V:E) as a function
 * of the buffer width, the MI between two blocks versus their distance, and the information kept by a
 * coarse-graining rule H = R(V).
 *
 * <p>Site values are turned into digits by {@code v < 0 ? 0 : v}, so Ising spins −1/+1 become 0/1 and Potts
 * states 0 … q−1 stay as they are; a block pattern is the base-q number whose digit j is the j-th site of the
 * block in row-major order (site 0 least significant).
 *
 * <p>With {@code allPositions} the block is placed at every site of the lattice and the samples pooled (this
 * uses translation invariance and multiplies the sample by N); the bootstrap then resamples whole
 * configurations, so the error accounts for the correlation between positions in one configuration.
 *
 * <p>How E enters: {@link EnvironmentCode#PATTERN} uses the full environment pattern as one symbol: exact in
 * principle, but its alphabet q<sup>|E|</sup> is huge and the joint (V,E) histogram is undersampled unless
 * |E| is small, which biases plug-in MI upwards by about (K<sub>V</sub>−1)(K<sub>E</sub>−1)/(2N) (Miller–Madow
 * and NSB reduce but do not remove this). {@link EnvironmentCode#SUM} replaces E by the sum of its digits
 * (the shell magnetisation for Ising): an alphabet of |E|(q−1)+1 symbols that is always well sampled, but by
 * the data-processing inequality I(V : ΣE) ≤ I(V : E) it is a lower bound. See docs/info.md.
 */
public final class BlockInformation {

    /** How the environment shell is turned into one symbol. */
    public enum EnvironmentCode {
        /** The full pattern of E (needs q<sup>|E|</sup> &lt; 2<sup>62</sup>). */
        PATTERN,
        /** The sum of E's digits: a well-sampled lower bound. */
        SUM
    }

    /** The measures for one rule: I(V:E), I(H:E), their ratio and H(V|H). */
    public record KeptInformation(Estimate visibleEnvironment, Estimate coarseEnvironment, Estimate keptFraction,
            Estimate lossGivenCoarse) {
    }

    /**
     * I(V:E) from the entropies of V, E and (V,E) (columns 0, 1 and {0, 1}), with the arithmetic of
     * {@link DiscreteInformation#mutualInformation}.
     */
    private static final ToDoubleFunction<double[]> VISIBLE_MI = DiscreteInformation.linear(new double[] {1, 1, -1},
            new int[] {0, 1, 2});

    /**
     * I(V:E), I(H:E), the kept fraction and H(V|H) from the entropies of V, E, (V,E), H, (H,E), (V,H) (columns
     * 0 = V, 1 = E, 2 = H): each is what DiscreteInformation's mutualInformation / ofEntropies /
     * conditionalEntropy gives alone (same sets, same arithmetic, same resamples), but the six entropies are
     * resampled once instead of thirteen times.
     */
    private static final List<ToDoubleFunction<double[]>> KEPT_MEASURES = List.of(
            VISIBLE_MI,
            DiscreteInformation.linear(new double[] {1, 1, -1}, new int[] {3, 1, 4}),
            x -> (x[3] + x[1] - x[4]) / (x[0] + x[1] - x[2]),
            DiscreteInformation.linear(new double[] {1, -1}, new int[] {5, 3}));

    /** Largest key range of one (joint) symbol for which {@link #streamed} counts in arrays. */
    private static final long STREAMED_KEY_RANGE = 1 << 24;

    private final Lattice lattice;
    private final int statesPerSite;
    private final DiscreteInformation information;

    /**
     * Measures on configurations of {@code degreesOfFreedom}: one discrete value per site (±1 spins, q-state labels,
     * occupations of sites).
     *
     * @throws IllegalArgumentException for continuous values, values on bonds, or several components per site
     */
    public BlockInformation(Lattice lattice, DegreesOfFreedom degreesOfFreedom, DiscreteInformation information) {
        this(lattice, siteStates(degreesOfFreedom), information);
    }

    private static int siteStates(DegreesOfFreedom dof) {
        if (!dof.isDiscrete() || dof.support() != DegreesOfFreedom.Support.SITES || dof.components() != 1) {
            throw new IllegalArgumentException("block information needs one discrete value per site, not " + dof);
        }
        return dof.states();
    }

    public BlockInformation(Lattice lattice, int statesPerSite, DiscreteInformation information) {
        if (statesPerSite < 2) {
            throw new IllegalArgumentException("need at least 2 states per site, got " + statesPerSite);
        }
        this.lattice = lattice;
        this.statesPerSite = statesPerSite;
        this.information = information;
    }

    /** I(V:E) for one geometry. */
    public Estimate visibleEnvironment(byte[][] configurations, BlockGeometry geometry, boolean allPositions,
            EnvironmentCode code) {
        if (code == EnvironmentCode.SUM) {
            Estimate[] streamed = streamed(configurations, geometry, allPositions, null, List.of(VISIBLE_MI));
            if (streamed != null) {
                return streamed[0];
            }
        }
        SymbolTable t = table(configurations, geometry, allPositions, code, null);
        return information.mutualInformation(t, new int[] {0}, new int[] {1});
    }

    /** I(V:E) for each buffer width in {@code buffers}, block size b and environment width L<sub>E</sub>. */
    public Estimate[] visibleEnvironmentProfile(byte[][] configurations, int blockSize, int[] buffers,
            int environment, boolean allPositions, EnvironmentCode code) {
        Estimate[] out = new Estimate[buffers.length];
        for (int i = 0; i < buffers.length; i++) {
            out[i] = visibleEnvironment(configurations, new BlockGeometry(lattice, blockSize, buffers[i], environment),
                    allPositions, code);
        }
        return out;
    }

    /**
     * I(V<sub>1</sub>:V<sub>2</sub>) between two b-blocks whose corners are {@code distance} sites apart along
     * axis 0 (distance ≥ b, so they do not overlap; distance ≤ L − b, so they do not overlap around the torus).
     */
    public Estimate blockBlock(byte[][] configurations, int blockSize, int distance, boolean allPositions) {
        if (distance < blockSize || distance > lattice.linearSize() - blockSize) {
            throw new IllegalArgumentException("block distance must lie in [" + blockSize + ", "
                    + (lattice.linearSize() - blockSize) + "], got " + distance);
        }
        int[] corners = corners(allPositions);
        int rows = configurations.length * corners.length;
        long[] first = new long[rows];
        long[] second = new long[rows];
        int[][] firstSites = new int[corners.length][];
        int[][] secondSites = new int[corners.length][];
        for (int c = 0; c < corners.length; c++) {
            int[] coordinates = lattice.coordinates(corners[c]);
            coordinates[0] += distance;
            firstSites[c] = BlockGeometry.blockSites(lattice, blockSize, corners[c]);
            secondSites[c] = BlockGeometry.blockSites(lattice, blockSize, lattice.site(coordinates));
        }
        int r = 0;
        for (byte[] config : configurations) {
            checkConfiguration(config);
            for (int c = 0; c < corners.length; c++) {
                first[r] = pattern(config, firstSites[c]);
                second[r] = pattern(config, secondSites[c]);
                r++;
            }
        }
        double k = Math.pow(statesPerSite, Math.pow(blockSize, lattice.dimension()));
        SymbolTable t = SymbolTable.ofColumns(new long[][] {first, second}, new double[] {k, k}, corners.length);
        return information.mutualInformation(t, new int[] {0}, new int[] {1});
    }

    /**
     * The information a rule keeps: I(V:E), I(H:E) with H = rule(V pattern), the kept fraction
     * I(H:E)/I(V:E) and the loss H(V|H) = H(V) − H(H) (H is a function of V; Apenko 2012).
     *
     * @param rule maps a block pattern code (see the class comment) to a coarse symbol
     */
    public KeptInformation keptInformation(byte[][] configurations, BlockGeometry geometry, IntUnaryOperator rule,
            boolean allPositions, EnvironmentCode code) {
        Estimate[] measures = code == EnvironmentCode.SUM
                ? streamed(configurations, geometry, allPositions, rule, KEPT_MEASURES) : null;
        if (measures == null) {
            SymbolTable t = table(configurations, geometry, allPositions, code, rule);
            int[] v = {0};
            int[] e = {1};
            int[] h = {2};
            int[][] sets = {v, e, DiscreteInformation.union(v, e), h, DiscreteInformation.union(h, e),
                DiscreteInformation.union(v, h)};
            measures = information.ofEntropies(t, sets, KEPT_MEASURES);
        }
        Estimate ive = measures[0];
        Estimate ihe = measures[1];
        Estimate fraction = measures[2];
        Estimate loss = measures[3];
        return new KeptInformation(ive, ihe, fraction, loss);
    }

    /** What {@link #visitPositions} reports: each block position's V pattern and E code, then each configuration's end. */
    private interface PositionVisitor {

        void position(long visiblePattern, long environmentCode);

        void endConfiguration();
    }

    /**
     * Visits every block position of every configuration (the corners of {@link #corners}): the V pattern and
     * the E code (pattern or digit sum). Returns the number of E sites.
     */
    private int visitPositions(byte[][] configurations, BlockGeometry geometry, boolean allPositions,
            EnvironmentCode code, PositionVisitor visitor) {
        if (!geometry.lattice().equals(lattice)) {
            throw new IllegalArgumentException("geometry is for " + geometry.lattice() + ", data for " + lattice);
        }
        int[] corners = corners(allPositions);
        int[][] visible = new int[corners.length][];
        int[][] environment = new int[corners.length][];
        for (int c = 0; c < corners.length; c++) {
            visible[c] = geometry.visibleSites(corners[c]);
            environment[c] = geometry.environmentSites(corners[c]);
        }
        int envSize = environment[0].length;
        if (code == EnvironmentCode.PATTERN && envSize * Math.log(statesPerSite) > 62 * Math.log(2)) {
            throw new IllegalArgumentException("environment of " + envSize + " sites is too large to encode as one"
                    + " pattern; use the SUM environment code");
        }
        // with the block at every site, the shell sums come from box sums: E = outer box − inner box
        boolean boxes = code == EnvironmentCode.SUM && allPositions;
        int innerSide = geometry.blockSize() + 2 * geometry.buffer();
        int outerSide = innerSide + 2 * geometry.environment();
        int[] innerCorner = boxes ? shiftedCorners(corners, geometry.buffer()) : null;
        int[] outerCorner = boxes ? shiftedCorners(corners, geometry.buffer() + geometry.environment()) : null;
        int[] inner = boxes ? new int[lattice.siteCount()] : null;
        int[] outer = boxes ? new int[lattice.siteCount()] : null;
        int[] scratch = boxes ? new int[lattice.siteCount()] : null;
        for (byte[] config : configurations) {
            checkConfiguration(config);
            if (boxes) {
                boxSums(config, innerSide, inner, scratch);
                boxSums(config, outerSide, outer, scratch);
            }
            for (int c = 0; c < corners.length; c++) {
                long e;
                if (boxes) {
                    e = outer[outerCorner[c]] - inner[innerCorner[c]];
                } else {
                    e = code == EnvironmentCode.PATTERN ? pattern(config, environment[c]) : digitSum(config, environment[c]);
                }
                visitor.position(pattern(config, visible[c]), e);
            }
            visitor.endConfiguration();
        }
        return envSize;
    }

    private SymbolTable table(byte[][] configurations, BlockGeometry geometry, boolean allPositions,
            EnvironmentCode code, IntUnaryOperator rule) {
        int positions = corners(allPositions).length;
        int rows = configurations.length * positions;
        long[] v = new long[rows];
        long[] e = new long[rows];
        long[] h = rule == null ? null : new long[rows];
        int envSize = visitPositions(configurations, geometry, allPositions, code, new PositionVisitor() {
            private int r;

            @Override
            public void position(long visiblePattern, long environmentCode) {
                v[r] = visiblePattern;
                e[r] = environmentCode;
                if (h != null) {
                    h[r] = rule.applyAsInt((int) visiblePattern);
                }
                r++;
            }

            @Override
            public void endConfiguration() {
            }
        });
        double kv = Math.pow(statesPerSite, geometry.visibleSites(0).length);
        double ke = code == EnvironmentCode.PATTERN ? Math.pow(statesPerSite, envSize)
                : (double) envSize * (statesPerSite - 1) + 1;
        long[][] columns = h == null ? new long[][] {v, e} : new long[][] {v, e, h};
        // the rule's alphabet is unknown: the number of observed coarse symbols is used for it
        double[] alphabets = h == null ? new double[] {kv, ke} : new double[] {kv, ke, 0};
        return SymbolTable.ofColumns(columns, alphabets, positions);
    }

    /**
     * The measures {@code fs} of the SUM-coded table, computed without it: per configuration histograms of V,
     * E, (V,E) and, with a rule, H, (H,E), (V,H) are counted position by position ({@link ClusterHistograms.Builder})
     * from keys that order each joint symbol lexicographically, so the labels, alphabet sizes and therefore the
     * estimates are exactly those of {@link #table}; memory is per configuration and symbol, not per row.
     * Returns null when a joint key range exceeds {@link #STREAMED_KEY_RANGE} (then the table is used).
     */
    private Estimate[] streamed(byte[][] configurations, BlockGeometry geometry, boolean allPositions,
            IntUnaryOperator rule, List<ToDoubleFunction<double[]>> fs) {
        int visibleSites = geometry.visibleSites(0).length;
        long envSize = geometry.environmentSites(0).length;
        double patterns = Math.pow(statesPerSite, visibleSites);
        long sums = envSize * (statesPerSite - 1) + 1;
        if (patterns * sums > STREAMED_KEY_RANGE || !digitsBelowStates(configurations)) {
            return null;
        }
        int rv = (int) patterns;
        int re = (int) sums;
        // the rule tabulated over all patterns, shifted to start at 0
        int[] coarse = null;
        int rh = 0;
        if (rule != null) {
            coarse = new int[rv];
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int p = 0; p < rv; p++) {
                coarse[p] = rule.applyAsInt(p);
                min = Math.min(min, coarse[p]);
                max = Math.max(max, coarse[p]);
            }
            if ((max - min + 1) * Math.max(rv, re) > STREAMED_KEY_RANGE) {
                return null;
            }
            rh = (int) (max - min + 1);
            for (int p = 0; p < rv; p++) {
                coarse[p] -= (int) min;
            }
        }
        ClusterHistograms.Builder[] builders = rule == null
                ? new ClusterHistograms.Builder[] {new ClusterHistograms.Builder(rv), new ClusterHistograms.Builder(re),
                    new ClusterHistograms.Builder(rv * re)}
                : new ClusterHistograms.Builder[] {new ClusterHistograms.Builder(rv), new ClusterHistograms.Builder(re),
                    new ClusterHistograms.Builder(rv * re), new ClusterHistograms.Builder(rh),
                    new ClusterHistograms.Builder(rh * re), new ClusterHistograms.Builder(rv * rh)};
        int[] coarseOf = coarse;
        int coarseRange = rh;
        visitPositions(configurations, geometry, allPositions, EnvironmentCode.SUM, new PositionVisitor() {
            @Override
            public void position(long visiblePattern, long environmentCode) {
                int v = (int) visiblePattern;
                int e = (int) environmentCode;
                builders[0].add(v);
                builders[1].add(e);
                builders[2].add(v * re + e);
                if (coarseOf != null) {
                    int h = coarseOf[v];
                    builders[3].add(h);
                    builders[4].add(h * re + e);
                    builders[5].add(v * coarseRange + h);
                }
            }

            @Override
            public void endConfiguration() {
                for (ClusterHistograms.Builder b : builders) {
                    b.endCluster();
                }
            }
        });
        // alphabet sizes as SymbolTable gives them: per column max(declared, observed), products in set order
        double av = Math.max(patterns, builders[0].distinctKeys());
        double ae = Math.max((double) envSize * (statesPerSite - 1) + 1, builders[1].distinctKeys());
        double[] alphabets;
        if (rule == null) {
            alphabets = new double[] {1 * av, 1 * ae, 1 * av * ae};
        } else {
            double ah = Math.max(0, builders[3].distinctKeys());
            alphabets = new double[] {1 * av, 1 * ae, 1 * av * ae, 1 * ah, 1 * ah * ae, 1 * av * ah};
        }
        ClusterHistograms[] histograms = new ClusterHistograms[builders.length];
        for (int j = 0; j < builders.length; j++) {
            histograms[j] = builders[j].build();
        }
        return information.ofEntropies(histograms, alphabets, fs);
    }

    private int[] corners(boolean allPositions) {
        if (!allPositions) {
            return new int[] {0};
        }
        int[] all = new int[lattice.siteCount()];
        for (int s = 0; s < all.length; s++) {
            all[s] = s;
        }
        return all;
    }

    /** True when every site's digit is below the number of states, so patterns and sums stay in range. */
    private boolean digitsBelowStates(byte[][] configurations) {
        for (byte[] config : configurations) {
            for (byte value : config) {
                if (value >= statesPerSite) {
                    return false;
                }
            }
        }
        return true;
    }

    private void checkConfiguration(byte[] config) {
        if (config.length != lattice.siteCount()) {
            throw new IllegalArgumentException("configuration of " + config.length + " sites on " + lattice);
        }
    }

    private long pattern(byte[] config, int[] sites) {
        long code = 0;
        for (int j = sites.length - 1; j >= 0; j--) {
            byte value = config[sites[j]];
            code = code * statesPerSite + (value < 0 ? 0 : value);
        }
        return code;
    }

    /** Each corner moved by −shift along every axis (periodic): the lowest corner of the box around it. */
    private int[] shiftedCorners(int[] corners, int shift) {
        int[] out = new int[corners.length];
        for (int c = 0; c < corners.length; c++) {
            int[] x = lattice.coordinates(corners[c]);
            for (int a = 0; a < x.length; a++) {
                x[a] -= shift;
            }
            out[c] = lattice.site(x);
        }
        return out;
    }

    /**
     * Writes into {@code out} the digit sum of the periodic box of side {@code side} (≤ L) whose lowest corner
     * is each site: a sliding-window sum along each axis in turn, O(d · sites) instead of O(side<sup>d</sup> ·
     * sites). {@code out} and {@code scratch} (both of the lattice's site count) are modified; {@code config}
     * is not.
     */
    private void boxSums(byte[] config, int side, int[] out, int[] scratch) {
        for (int s = 0; s < out.length; s++) {
            byte value = config[s];
            out[s] = value < 0 ? 0 : value;
        }
        int size = lattice.linearSize();
        int[] from = out;
        int[] to = scratch;
        for (int axis = 0; axis < lattice.dimension(); axis++) {
            int stride = lattice.stride(axis);
            int lineLength = size * stride;
            // the lines base, base + stride, …, base + (L−1)·stride along this axis, base at coordinate 0
            for (int high = 0; high < from.length; high += lineLength) {
                for (int base = high; base < high + stride; base++) {
                    int sum = 0;
                    for (int t = 0; t < side; t++) {
                        sum += from[base + t * stride];
                    }
                    int enter = base + side * stride;
                    for (int x = base; x < base + lineLength; x += stride) {
                        if (enter == base + lineLength) {
                            enter = base;
                        }
                        to[x] = sum;
                        sum += from[enter] - from[x];
                        enter += stride;
                    }
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != out) {
            System.arraycopy(from, 0, out, 0, out.length);
        }
    }

    private static long digitSum(byte[] config, int[] sites) {
        long sum = 0;
        for (int s : sites) {
            byte value = config[s];
            sum += value < 0 ? 0 : value;
        }
        return sum;
    }
}
