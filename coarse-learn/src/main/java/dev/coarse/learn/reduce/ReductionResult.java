package dev.coarse.learn.reduce;

import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.Objects;

/**
 * The levels of a reduction.
 *
 * @param method       the method
 * @param samples      samples reduced
 * @param variables    variables of the data (level 0)
 * @param levels       level 1, 2, … in order
 */
public record ReductionResult(Reduction.Method method, int samples, int variables, List<Level> levels) {

    public ReductionResult {
        Objects.requireNonNull(method, "method");
        levels = List.copyOf(levels);
    }

    /**
     * The coarse variable of level {@code level} that each input column of the data (level 0) ends up in: the
     * levels' labels composed, so that level n's variables can be drawn on the data's own pixels; −1 for a column in
     * none (a constant pixel of images, which CorEx leaves out).
     *
     * @throws IllegalArgumentException for a level that is not 1 … levels, or labels that do not compose (a level
     *                                  whose inputs are not the outputs of the one below)
     */
    public int[] composedLabels(int level) {
        if (level < 1 || level > levels.size()) {
            throw new IllegalArgumentException("level " + level + " of 1 … " + levels.size());
        }
        int[] composed = levels.get(0).labels().clone();
        for (int n = 1; n < level; n++) {
            int[] labels = levels.get(n).labels();
            for (int col = 0; col < composed.length; col++) {
                if (composed[col] < 0) {
                    continue;
                }
                if (composed[col] >= labels.length) {
                    throw new IllegalArgumentException("level " + (n + 1) + " has " + labels.length
                            + " inputs, level " + n + " writes variable " + composed[col]);
                }
                composed[col] = labels[composed[col]];
            }
        }
        return composed;
    }

    /**
     * One level.
     *
     * @param level          1, 2, …
     * @param inputs         variables of the level below
     * @param labels         CorEx: the factor (0-based, by decreasing TC) each input of the level below belongs to
     *                       (−1 at level 1 for a constant pixel of images, left out);
     *                       lattice methods: the coarse site of each fine site's block; never null
     * @param kept           CorEx: the TC the level's factors explain; lattice methods: I(H : E) of a coarse spin and
     *                       its environment — nats, with its error
     * @param keptFraction   lattice methods: I(H:E)/I(V:E); CorEx: NaN
     * @param lost           CorEx: Σ H(X<sub>i</sub>|Y<sub>c(i)</sub>) (an upper bound on H(X|Y)); lattice methods:
     *                       H(V|H) of a block — nats, with its error
     * @param factorTc       CorEx: TC explained by each factor; lattice methods: empty
     * @param stability      CorEx: agreement of the restarts (mean ARI; NaN for one restart); lattice methods: NaN
     * @param coarse         the coarse variables, one row per sample (empty when they are real numbers)
     * @param coarseValues   real-valued coarse variables (linear CorEx's factors), one row per sample; empty when
     *                       they are discrete
     */
    public record Level(int level, int inputs, int[] labels, Estimate kept, Estimate keptFraction, Estimate lost,
                        double[] factorTc, double stability, byte[][] coarse, double[][] coarseValues) {

        /** A level with discrete coarse variables. */
        public Level(int level, int inputs, int[] labels, Estimate kept, Estimate keptFraction, Estimate lost,
                     double[] factorTc, double stability, byte[][] coarse) {
            this(level, inputs, labels, kept, keptFraction, lost, factorTc, stability, coarse, new double[0][]);
        }

        public Level {
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(kept, "kept");
            Objects.requireNonNull(keptFraction, "keptFraction");
            Objects.requireNonNull(lost, "lost");
            Objects.requireNonNull(factorTc, "factorTc");
            Objects.requireNonNull(coarse, "coarse");
            Objects.requireNonNull(coarseValues, "coarseValues");
            if (level < 1 || labels.length != inputs) {
                throw new IllegalArgumentException("level " + level + " with " + labels.length + " labels for "
                        + inputs + " inputs");
            }
        }

        /** Coarse variables of the level. */
        public int outputs() {
            return coarse.length > 0 ? coarse[0].length : coarseValues.length > 0 ? coarseValues[0].length : 0;
        }

        /** Coarse variable j of sample r as a number. */
        public double value(int r, int j) {
            return continuous() ? coarseValues[r][j] : coarse[r][j];
        }

        /** Whether the coarse variables are real numbers ({@link #coarseValues}) rather than symbols. */
        public boolean continuous() {
            return coarse.length == 0 && coarseValues.length > 0;
        }
    }
}
