package dev.coarse.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The table that asks whether timescale separation alone decides what can be coarse-grained: for each number of
 * blocks k, the information loss and the spectral gap of the minimum-loss partition ({@link LumpingSearch#greedy})
 * and of the timescale-based one ({@link LumpingSearch#spectral}), with the chain's own timescale separation
 * t<sub>k−1</sub>/t<sub>k</sub> (relaxation times slowest first, so a large ratio means the k − 1 slowest modes are
 * well apart from the rest and k metastable sets are expected).
 *
 * @param rows one per k, increasing
 */
public record LumpingComparison(List<Row> rows) {

    public LumpingComparison {
        rows = List.copyOf(rows);
    }

    /**
     * One k.
     *
     * @param blocks              k
     * @param minimumLoss         the minimum-loss partition's figures
     * @param spectral            the spectral partition's figures (null when the chain has too few real eigenvalues)
     * @param timescaleSeparation t<sub>k−1</sub>/t<sub>k</sub> of the chain (NaN for k = 1 or k = n)
     */
    public record Row(int blocks, Lumping.Evaluation minimumLoss, Lumping.Evaluation spectral,
            double timescaleSeparation) {
        public Row {
            Objects.requireNonNull(minimumLoss, "minimumLoss");
        }
    }

    /** The table for k = 1 … {@code maxBlocks}. */
    public static LumpingComparison of(MarkovChain chain, double[] pi, int maxBlocks) {
        int n = chain.size();
        if (maxBlocks < 1 || maxBlocks > n) {
            throw new IllegalArgumentException("number of blocks must be in 1 … " + n + ", got " + maxBlocks);
        }
        Partition[] greedy = LumpingSearch.greedyRange(chain, pi, 1, maxBlocks);
        double[] times = ChainAnalysis.relaxationTimes(chain);
        List<Row> rows = new ArrayList<>();
        Partition[] timescaleBased = LumpingSearch.spectralRange(chain, pi, 1, maxBlocks);
        for (int k = 1; k <= maxBlocks; k++) {
            Lumping.Evaluation spectral = timescaleBased[k] == null ? null
                    : Lumping.evaluate(chain, pi, timescaleBased[k]);
            double separation = k >= 2 && k - 1 < times.length ? times[k - 2] / times[k - 1] : Double.NaN;
            rows.add(new Row(k, Lumping.evaluate(chain, pi, greedy[k]), spectral, separation));
        }
        return new LumpingComparison(rows);
    }
}
