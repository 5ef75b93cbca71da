package dev.coarse.info;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The information any coarse-graining rule keeps, measured on the rule itself: for H = R(V), the rule applied to
 * every block of a configuration, the block's values V, its coarse values H and the environment shell E beyond a
 * buffer give I(V:E), I(H:E), the kept fraction I(H:E)/I(V:E) and the loss H(V|H) (Apenko 2012; Koch-Janusz &amp;
 * Ringel 2018). Unlike {@link BlockInformation#keptInformation}, which needs the rule tabulated over the 2<sup>b<sup>d</sup></sup>
 * patterns of a spin block, this reads whatever the rule reads — spins, labels, bond occupations, several
 * components — and writes (discrete values on coarse sites, any number of components), and it runs the rule on the
 * data: a learned filter is measured exactly as it coarse-grains.
 *
 * <p><b>Geometry.</b> The rule must be a block rule: coarse site k is block k of {@code fine.blocks(b)}, b its
 * integer scale factor and the geometry's block size. A block's values are those of its elements: for values on
 * sites, the block's sites in row-major offset order ({@link BlockGeometry#visibleSites}); for values on bonds, the
 * bonds whose lower site lies in the block — bond {@code site·d + axis}, site-major then axis, each element's
 * components in order — which for close-packed dimers puts variable 2i + a at the a-bond leaving the block's i-th site
 * (the order of {@code DimerObservables.electricFieldFilters}). Buffer and environment are the same shells of sites
 * as in {@link BlockGeometry}, their elements chosen the same way. With {@link Positions#BLOCKS} the positions are the
 * rule's own (L/b)<sup>d</sup> blocks; with {@link Positions#ALL} the rule is also applied to the b<sup>d</sup>
 * translations of every configuration by an offset inside a block, which places a block at every site. The bootstrap
 * resamples whole configurations either way.
 *
 * <p><b>Randomness.</b> A rule that draws random numbers (majority ties broken by a coin) gets one stream per
 * configuration and translation, split in a fixed order from {@code seed}; H is then not a function of V, and the loss
 * reported is still H(V|H) = H(V,H) − H(H).
 *
 * <p><b>Estimators and their bias.</b> The discrete measures label every observed symbol (joint symbols of any width,
 * {@link PairLabels}) and hand the histograms to the {@link DiscreteInformation}'s estimator. How E enters is the
 * caller's choice ({@link Environment}): its full pattern, exact in principle but undersampled unless |E| is small
 * (plug-in MI is then biased up by about (K<sub>V</sub>−1)(K<sub>E</sub>−1)/(2N)), or a summary — its digit sum, or
 * its staggered sums per axis and component, for dimers the shell's electric field — which by the data-processing
 * inequality gives lower bounds on I(V:E) and I(H:E). V itself is a huge alphabet for large blocks (an 8×8 dimer
 * block has 128 bonds): then every discrete I(V:E) is dominated by bias, and only a sample-based estimator that never
 * counts patterns is meaningful — a neural bound of coarse-learn, which core does not know, plugged in through
 * {@link SampleMutualInformation} with the rows of {@link #features}. H(V|H) is always a discrete entropy difference;
 * for a large V it is reported but undersampled (Miller–Madow and NSB reduce, not remove, that bias).
 */
public final class RuleInformation {

    /** Where blocks are placed. */
    public enum Positions {
        /** The rule's own blocks: (L/b)<sup>d</sup> positions per configuration, one application of the rule. */
        BLOCKS,
        /** Every site: the rule applied to the b<sup>d</sup> translations of each configuration. */
        ALL
    }

    /** How the environment becomes one symbol for the discrete estimators. */
    public enum Environment {
        /** The full pattern of E's values: exact in principle, undersampled unless |E| is small. */
        PATTERN,
        /** The sum of E's digits (values v &lt; 0 counted as 0): a well-sampled lower bound. */
        SUM,
        /**
         * For each axis (values on bonds) and component, Σ (−1)<sup>x<sub>1</sub>+…+x<sub>d</sub></sup> digit over E's
         * elements, x the offset of the element's lower site from the block's corner (relative, so that positions of
         * either sublattice pool into one law): for dimers the shell's electric field; a lower bound.
         */
        STAGGERED
    }

    /**
     * An estimator of I(X;Y) from paired rows of real features, e.g. a neural bound (coarse-learn's MiTrainer), which
     * core does not know: the caller plugs it in.
     */
    @FunctionalInterface
    public interface SampleMutualInformation {

        /**
         * @param x rows of X, one per sample
         * @param y rows of Y, paired with those of x
         */
        Estimate mutualInformation(double[][] x, double[][] y);
    }

    /**
     * One row per block position: V's values, H's values and E's full pattern, as numbers (spins ±1, occupations 0/1,
     * labels 0 … q−1), for {@link SampleMutualInformation}.
     *
     * @param visible     V, {@code [row][value]}
     * @param coarse      H
     * @param environment E
     * @param rowsPerConfiguration positions per configuration: consecutive rows of one configuration are correlated
     */
    public record Features(double[][] visible, double[][] coarse, double[][] environment, int rowsPerConfiguration) {
    }

    /** Configurations coarse-grained together (per translation): fixes how the rule's streams are split. */
    static final int CHUNK = 64;

    /** I(V:E), I(H:E), the kept fraction and H(V|H) from the entropies of V, E, (V,E), H, (H,E), (V,H). */
    private static final List<ToDoubleFunction<double[]>> KEPT_MEASURES = List.of(
            x -> x[0] + x[1] - x[2],
            x -> x[3] + x[1] - x[4],
            x -> (x[3] + x[1] - x[4]) / (x[0] + x[1] - x[2]),
            x -> x[5] - x[3]);

    private final DiscreteInformation information;

    public RuleInformation(DiscreteInformation information) {
        this.information = Objects.requireNonNull(information, "information");
    }

    /**
     * The information the rule keeps, every measure by the discrete estimator (class comment).
     *
     * @param fine     configurations on {@code lattice} of any discrete values the rule reads
     * @param geometry block (of the rule's size), buffer and environment on {@code lattice}
     * @param seed     the rule's random streams (class comment)
     * @throws IllegalArgumentException if the rule is not a block rule of the geometry's block size on this lattice, or
     *                                  does not write discrete values on sites
     */
    public BlockInformation.KeptInformation kept(Lattice lattice, DiscreteConfigurations fine, CoarseGraining rule,
            BlockGeometry geometry, Positions positions, Environment environment, long seed) {
        Layout layout = new Layout(lattice, fine.degreesOfFreedom(), rule, geometry, positions);
        LabelledSets sets = new LabelledSets(layout, environment, 6);
        layout.visit(fine.values(), rule, seed, Integer.MAX_VALUE, (config, coarse, position) -> {
            int v = sets.visible(config, position);
            int e = sets.environment(config, position);
            int h = sets.coarse(coarse, position);
            sets.add(v, e, h);
        }, sets::endCluster);
        return sets.kept(information);
    }

    /**
     * The information the rule keeps with I(V:E) and I(H:E) from a sample-based estimator (e.g. a neural bound) on the
     * rows of {@link #features}, E as its full pattern; the kept fraction is their ratio with the two errors combined as
     * independent, and H(V|H) comes from the discrete estimator.
     *
     * @param maxRows stop adding configurations once this many rows (block positions) are collected
     */
    public BlockInformation.KeptInformation kept(Lattice lattice, DiscreteConfigurations fine, CoarseGraining rule,
            BlockGeometry geometry, Positions positions, long seed, int maxRows, SampleMutualInformation estimator) {
        Features f = features(lattice, fine, rule, geometry, positions, seed, maxRows);
        Estimate visible = estimator.mutualInformation(f.visible(), f.environment());
        Estimate coarse = estimator.mutualInformation(f.coarse(), f.environment());
        double ratio = coarse.mean() / visible.mean();
        double error = Math.abs(ratio) * Math.hypot(coarse.error() / coarse.mean(), visible.error() / visible.mean());
        Layout layout = new Layout(lattice, fine.degreesOfFreedom(), rule, geometry, positions);
        LabelledSets sets = new LabelledSets(layout, Environment.SUM, 3);
        layout.visit(fine.values(), rule, seed, maxRows, (config, coarseValues, position) ->
                sets.addLoss(sets.visible(config, position), sets.coarse(coarseValues, position)), sets::endCluster);
        return new BlockInformation.KeptInformation(visible, coarse, Estimate.of(ratio, error), sets.loss(information));
    }

    /**
     * The rows of V, H and E at every block position (class comment), configuration by configuration, for a
     * sample-based estimator.
     *
     * @param maxRows stop adding configurations once this many rows are collected (at least one configuration)
     */
    public static Features features(Lattice lattice, DiscreteConfigurations fine, CoarseGraining rule,
            BlockGeometry geometry, Positions positions, long seed, int maxRows) {
        Layout layout = new Layout(lattice, fine.degreesOfFreedom(), rule, geometry, positions);
        List<double[]> visible = new ArrayList<>();
        List<double[]> coarse = new ArrayList<>();
        List<double[]> environment = new ArrayList<>();
        layout.visit(fine.values(), rule, seed, maxRows, (config, coarseValues, position) -> {
            visible.add(values(config, layout.visible[position]));
            environment.add(values(config, layout.environment[position]));
            double[] h = new double[layout.coarseComponents];
            int base = layout.block[position] * layout.coarseComponents;
            for (int j = 0; j < h.length; j++) {
                h[j] = coarseValues[base + j];
            }
            coarse.add(h);
        }, () -> { });
        return new Features(visible.toArray(double[][]::new), coarse.toArray(double[][]::new),
                environment.toArray(double[][]::new), layout.positionCount());
    }

    private static double[] values(byte[] config, int[] indices) {
        double[] out = new double[indices.length];
        for (int j = 0; j < indices.length; j++) {
            out[j] = config[indices[j]];
        }
        return out;
    }

    /** What {@link Layout#visit} hands over for each block position. */
    private interface PositionVisitor {
        void position(byte[] fine, byte[] coarse, int position);
    }

    /**
     * The positions of one configuration and, for each, the value indices of V and E and the coarse block holding H;
     * and the translations that place blocks at the positions of {@link Positions#ALL}.
     */
    private static final class Layout {

        final Lattice lattice;
        final DegreesOfFreedom fineDof;
        final int fineStates;
        final int coarseComponents;
        final int coarseStates;
        /** Per translation, the permutation: translated[i] = original[permutation[t][i]]. */
        final int[][] permutation;
        /** Per position: the translation it comes from and its block (coarse site) in the translated configuration. */
        final int[] translation;
        final int[] block;
        final int[][] visible;
        final int[][] environment;
        /**
         * Per environment value, in the order of every position's {@link #environment} (the shell's offsets from the
         * corner are the same at every corner): its staggered group (axis · components + component) and its sign.
         */
        final int[] environmentGroup;
        final int[] environmentSign;
        final int groups;

        Layout(Lattice lattice, DegreesOfFreedom fine, CoarseGraining rule, BlockGeometry geometry,
               Positions positions) {
            if (!geometry.lattice().equals(lattice)) {
                throw new IllegalArgumentException("geometry is for " + geometry.lattice() + ", data for " + lattice);
            }
            if (!fine.isDiscrete()) {
                throw new IllegalArgumentException("the discrete information measures need discrete values, not "
                        + fine);
            }
            int b = geometry.blockSize();
            if (rule.scaleFactor() != b) {
                throw new IllegalArgumentException("rule " + rule.name() + " has scale factor " + rule.scaleFactor()
                        + ", not the block size " + b);
            }
            Lattice coarseLattice = rule.coarseLattice(lattice);
            if (!coarseLattice.equals(lattice.blocks(b).coarse())) {
                throw new IllegalArgumentException("rule " + rule.name() + " makes " + coarseLattice + " of " + lattice
                        + ", not the lattice of its b = " + b + " blocks");
            }
            DegreesOfFreedom coarse = rule.coarseDegreesOfFreedom(fine);
            if (!coarse.isDiscrete() || coarse.support() != DegreesOfFreedom.Support.SITES) {
                throw new IllegalArgumentException("rule " + rule.name() + " writes " + coarse
                        + ": the measures need discrete values on coarse sites");
            }
            this.lattice = lattice;
            this.fineDof = fine;
            this.fineStates = fine.states();
            this.coarseComponents = coarse.components();
            this.coarseStates = coarse.states();
            int d = lattice.dimension();
            int[][] offsets = positions == Positions.ALL ? allOffsets(d, b) : new int[][] {new int[d]};
            int blocks = coarseLattice.siteCount();
            int count = offsets.length * blocks;
            permutation = new int[offsets.length][];
            translation = new int[count];
            block = new int[count];
            visible = new int[count][];
            environment = new int[count][];
            int perElement = fine.support() == DegreesOfFreedom.Support.BONDS ? d : 1;
            groups = perElement * fine.components();
            int[] originShell = geometry.environmentSites(0);
            environmentGroup = new int[originShell.length * groups];
            environmentSign = new int[originShell.length * groups];
            for (int i = 0; i < originShell.length; i++) {
                for (int g = 0; g < groups; g++) {
                    environmentGroup[i * groups + g] = g;
                    environmentSign[i * groups + g] = parity(lattice, originShell[i]) == 0 ? 1 : -1;
                }
            }
            for (int t = 0; t < offsets.length; t++) {
                permutation[t] = translationPermutation(lattice, fine, offsets[t]);
                for (int k = 0; k < blocks; k++) {
                    int p = t * blocks + k;
                    int[] corner = coarseLattice.coordinates(k);
                    for (int a = 0; a < d; a++) {
                        corner[a] = corner[a] * b + offsets[t][a];
                    }
                    int cornerSite = lattice.site(corner);
                    translation[p] = t;
                    block[p] = k;
                    visible[p] = valueIndices(lattice, fine, geometry.visibleSites(cornerSite));
                    environment[p] = valueIndices(lattice, fine, geometry.environmentSites(cornerSite));
                }
            }
        }

        /**
         * The parity of a site's offset from the origin, each coordinate taken in (−L/2, L/2] (the shell around the
         * origin's block does not wrap onto itself, so this colours it consistently for odd L too).
         */
        private static int parity(Lattice lattice, int site) {
            int l = lattice.linearSize();
            int sum = 0;
            for (int c : lattice.coordinates(site)) {
                sum += c > l / 2 ? c - l : c;
            }
            return Math.floorMod(sum, 2);
        }

        int positionCount() {
            return translation.length;
        }

        int translations() {
            return permutation.length;
        }

        /**
         * Applies the rule to every translation of every configuration, chunk by chunk, and visits each
         * configuration's positions in order, calling {@code endConfiguration} after each configuration.
         */
        void visit(byte[][] configurations, CoarseGraining rule, long seed, int maxRows, PositionVisitor visitor,
                   Runnable endConfiguration) {
            if (configurations.length == 0) {
                throw new IllegalArgumentException("no configurations to measure");
            }
            int length = fineDof.length(lattice);
            for (byte[] c : configurations) {
                if (c.length != length) {
                    throw new IllegalArgumentException("configuration of " + c.length + " values, " + fineDof + " on "
                            + lattice + " have " + length);
                }
            }
            SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom")
                    .create(seed);
            int positions = positionCount();
            int blocks = positions / translations();
            long rows = 0;
            for (int from = 0; from < configurations.length && rows < maxRows; from += CHUNK) {
                int to = Math.min(configurations.length, from + CHUNK);
                byte[][][] coarse = new byte[translations()][][];
                for (int t = 0; t < translations(); t++) {
                    byte[][] translated = new byte[to - from][];
                    for (int i = from; i < to; i++) {
                        translated[i - from] = translate(configurations[i], permutation[t]);
                    }
                    coarse[t] = ((DiscreteConfigurations) rule.apply(lattice,
                            new DiscreteConfigurations(fineDof, translated), root.split())).values();
                }
                for (int i = from; i < to && rows < maxRows; i++) {
                    for (int p = 0; p < positions; p++) {
                        visitor.position(configurations[i], coarse[p / blocks][i - from], p);
                    }
                    endConfiguration.run();
                    rows += positions;
                }
            }
        }

        private static byte[] translate(byte[] config, int[] permutation) {
            if (permutation == null) {
                return config;
            }
            byte[] out = new byte[config.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = config[permutation[i]];
            }
            return out;
        }

        /** Every offset inside a b<sup>d</sup> block, the zero offset first. */
        private static int[][] allOffsets(int d, int b) {
            int count = (int) Math.pow(b, d);
            int[][] out = new int[count][d];
            for (int i = 0; i < count; i++) {
                int rest = i;
                for (int a = d - 1; a >= 0; a--) {
                    out[i][a] = rest % b;
                    rest /= b;
                }
            }
            return out;
        }

        /** translated[i] = original[permutation[i]] for the configuration seen from {@code offset}; null for 0. */
        private static int[] translationPermutation(Lattice lattice, DegreesOfFreedom dof, int[] offset) {
            boolean zero = true;
            for (int o : offset) {
                zero &= o == 0;
            }
            if (zero) {
                return null;
            }
            int d = lattice.dimension();
            int perSite = dof.support() == DegreesOfFreedom.Support.BONDS ? d * dof.components() : dof.components();
            int[] out = new int[lattice.siteCount() * perSite];
            for (int s = 0; s < lattice.siteCount(); s++) {
                int[] c = lattice.coordinates(s);
                for (int a = 0; a < d; a++) {
                    c[a] += offset[a];
                }
                int from = lattice.site(c);
                for (int j = 0; j < perSite; j++) {
                    out[s * perSite + j] = from * perSite + j;
                }
            }
            return out;
        }

        /** The value indices of the elements of {@code sites} (class comment), site-major. */
        private static int[] valueIndices(Lattice lattice, DegreesOfFreedom dof, int[] sites) {
            int perSite = dof.support() == DegreesOfFreedom.Support.BONDS ? lattice.dimension() * dof.components()
                    : dof.components();
            int[] out = new int[sites.length * perSite];
            for (int i = 0; i < sites.length; i++) {
                for (int j = 0; j < perSite; j++) {
                    out[i * perSite + j] = sites[i] * perSite + j;
                }
            }
            return out;
        }
    }

    /**
     * Labels of V, E and H per position and the per-configuration histograms of the six sets V, E, (V,E), H, (H,E),
     * (V,H) — or, for the loss alone, of V, H, (V,H).
     */
    private static final class LabelledSets {

        private final Layout layout;
        private final Environment code;
        private final Packer visiblePacker;
        private final Packer environmentPacker;
        private final Packer coarsePacker;
        private final PairLabels[] joints = {new PairLabels(), new PairLabels(), new PairLabels()};
        private final ClusterHistograms.LabelBuilder[] builders;
        private final long[] groupSums;
        private final PairLabels[] groupChain;

        LabelledSets(Layout layout, Environment code, int sets) {
            this.layout = layout;
            this.code = code;
            this.visiblePacker = new Packer(layout.fineStates, layout.visible[0].length);
            this.environmentPacker = new Packer(layout.fineStates, layout.environment[0].length);
            this.coarsePacker = new Packer(layout.coarseStates, layout.coarseComponents);
            this.builders = new ClusterHistograms.LabelBuilder[sets];
            for (int j = 0; j < sets; j++) {
                builders[j] = new ClusterHistograms.LabelBuilder();
            }
            this.groupSums = new long[layout.groups];
            this.groupChain = new PairLabels[layout.groups];
            for (int g = 0; g < layout.groups; g++) {
                groupChain[g] = new PairLabels();
            }
        }

        int visible(byte[] config, int position) {
            return visiblePacker.label(config, layout.visible[position]);
        }

        int coarse(byte[] coarse, int position) {
            int base = layout.block[position] * layout.coarseComponents;
            return coarsePacker.label(coarse, base, layout.coarseComponents);
        }

        int environment(byte[] config, int position) {
            int[] indices = layout.environment[position];
            switch (code) {
                case PATTERN -> {
                    return environmentPacker.label(config, indices);
                }
                case SUM -> {
                    long sum = 0;
                    for (int i : indices) {
                        sum += digit(config[i]);
                    }
                    return groupChain[0].of(-1, sum);
                }
                default -> {
                    java.util.Arrays.fill(groupSums, 0);
                    int[] group = layout.environmentGroup;
                    int[] sign = layout.environmentSign;
                    for (int j = 0; j < indices.length; j++) {
                        groupSums[group[j]] += sign[j] * digit(config[indices[j]]);
                    }
                    int label = -1;
                    for (int g = 0; g < groupSums.length; g++) {
                        label = groupChain[g].of(label, groupSums[g]);
                    }
                    return label;
                }
            }
        }

        void add(int v, int e, int h) {
            builders[0].add(v);
            builders[1].add(e);
            builders[2].add(joints[0].of(v, e));
            builders[3].add(h);
            builders[4].add(joints[1].of(h, e));
            builders[5].add(joints[2].of(v, h));
        }

        void addLoss(int v, int h) {
            builders[0].add(v);
            builders[1].add(h);
            builders[2].add(joints[2].of(v, h));
        }

        void endCluster() {
            for (ClusterHistograms.LabelBuilder b : builders) {
                b.endCluster();
            }
        }

        BlockInformation.KeptInformation kept(DiscreteInformation information) {
            double av = Math.max(visiblePacker.alphabet(), builders[0].symbols());
            double ae = Math.max(environmentAlphabet(), builders[1].symbols());
            double ah = Math.max(coarsePacker.alphabet(), builders[3].symbols());
            Estimate[] m = information.ofEntropies(histograms(),
                    new double[] {av, ae, av * ae, ah, ah * ae, av * ah}, KEPT_MEASURES);
            return new BlockInformation.KeptInformation(m[0], m[1], m[2], m[3]);
        }

        Estimate loss(DiscreteInformation information) {
            double av = Math.max(visiblePacker.alphabet(), builders[0].symbols());
            double ah = Math.max(coarsePacker.alphabet(), builders[1].symbols());
            return information.ofEntropies(histograms(), new double[] {av, ah, av * ah},
                    List.of(x -> x[2] - x[1]))[0];
        }

        private ClusterHistograms[] histograms() {
            ClusterHistograms[] out = new ClusterHistograms[builders.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = builders[j].build();
            }
            return out;
        }

        /** The number of values the environment's symbol may take. */
        private double environmentAlphabet() {
            int n = layout.environment[0].length;
            int q = layout.fineStates;
            return switch (code) {
                case PATTERN -> Math.pow(q, n);
                case SUM -> (double) n * (q - 1) + 1;
                default -> Math.pow(2.0 * n / layout.groups * (q - 1) + 1, layout.groups);
            };
        }
    }

    /** A digit 0 … q−1 of a value: spins −1/+1 become 0/1, labels and occupations stay. */
    private static int digit(byte value) {
        return value < 0 ? 0 : value;
    }

    /** Labels the pattern of a fixed number of q-state values: base-q words of up to 62 bits, chained. */
    private static final class Packer {

        private final int states;
        private final int count;
        private final int digitsPerWord;
        private final PairLabels[] chain;

        Packer(int states, int count) {
            this.states = states;
            this.count = count;
            int digits = (int) Math.floor(62 / (Math.log(states) / Math.log(2)));
            this.digitsPerWord = Math.max(1, digits);
            int words = Math.max(1, (count + digitsPerWord - 1) / digitsPerWord);
            this.chain = new PairLabels[words];
            for (int w = 0; w < words; w++) {
                chain[w] = new PairLabels();
            }
        }

        /** q<sup>count</sup>: every pattern possible. */
        double alphabet() {
            return Math.pow(states, count);
        }

        int label(byte[] values, int[] indices) {
            int label = -1;
            int w = 0;
            for (int from = 0; from < Math.max(1, count); from += digitsPerWord, w++) {
                long word = 0;
                for (int j = Math.min(count, from + digitsPerWord) - 1; j >= from; j--) {
                    word = word * states + digit(values[indices[j]]);
                }
                label = chain[w].of(label, word);
            }
            return label;
        }

        int label(byte[] values, int base, int length) {
            int label = -1;
            int w = 0;
            for (int from = 0; from < Math.max(1, length); from += digitsPerWord, w++) {
                long word = 0;
                for (int j = Math.min(length, from + digitsPerWord) - 1; j >= from; j--) {
                    word = word * states + digit(values[base + j]);
                }
                label = chain[w].of(label, word);
            }
            return label;
        }
    }
}
