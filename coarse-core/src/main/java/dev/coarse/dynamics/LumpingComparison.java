package dev.coarse.dynamics;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import org.ejml.data.Complex_F64;

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

    /**
     * The table for k = 1 … {@code maxBlocks}, its parallel parts on the fork-join pool this is called from (the
     * common pool outside one).
     */
    public static LumpingComparison of(MarkovChain chain, double[] pi, int maxBlocks) {
        int n = chain.size();
        if (maxBlocks < 1 || maxBlocks > n) {
            throw new IllegalArgumentException("number of blocks must be in 1 … " + n + ", got " + maxBlocks);
        }
        // P's eigenvalues (one decomposition, the costliest step on large chains) alongside the greedy search; with a
        // native LAPACK, one decomposition with vectors gives the spectral partitions too
        boolean lapack = maxBlocks > 1 && NativeLapack.used(n);
        ForkJoinTask<NativeLapack.Decomposition> decomposition = lapack
                ? ForkJoinTask.adapt(() -> NativeLapack.decompose(chain, true)).fork() : null;
        ForkJoinTask<Complex_F64[]> spectrum = maxBlocks > 1 && !lapack
                ? ForkJoinTask.adapt(() -> ChainAnalysis.eigenvalues(chain)).fork() : null;
        Partition[] greedy;
        try {
            greedy = LumpingSearch.greedyRange(chain, pi, 1, maxBlocks);
        } catch (RuntimeException | Error e) {
            if (spectrum != null) {
                spectrum.cancel(false);
            }
            if (decomposition != null) {
                decomposition.cancel(false);
            }
            throw e;
        }
        NativeLapack.Decomposition full = decomposition == null ? null : result(decomposition);
        Complex_F64[] values = full != null ? full.eigenvalues() : spectrum == null ? null : result(spectrum);
        double[] times = values == null ? new double[0] : ChainAnalysis.relaxationTimes(chain, values);
        Partition[] timescaleBased = full != null ? LumpingSearch.spectralRange(full, pi, 1, maxBlocks)
                : LumpingSearch.spectralRange(chain, pi, 1, maxBlocks, values);
        double fine = ChainAnalysis.predictiveInformation(chain, pi, 1);
        Row[] rows = new Row[maxBlocks];
        IntStream.rangeClosed(1, maxBlocks).parallel().forEach(k -> {
            Lumping.Evaluation spectral = timescaleBased[k] == null ? null
                    : Lumping.evaluate(chain, pi, timescaleBased[k], fine);
            double separation = k >= 2 && k - 1 < times.length ? times[k - 2] / times[k - 1] : Double.NaN;
            rows[k - 1] = new Row(k, Lumping.evaluate(chain, pi, greedy[k], fine), spectral, separation);
        });
        return new LumpingComparison(List.of(rows));
    }

    /**
     * {@link #of(MarkovChain, double[], int)} on a fork-join pool of {@code threads} workers (its own, shut down
     * after); the table does not depend on {@code threads}.
     */
    public static LumpingComparison of(MarkovChain chain, double[] pi, int maxBlocks, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return result(pool.submit(() -> of(chain, pi, maxBlocks)));
        } finally {
            pool.shutdown();
        }
    }

    /** A task's result, or the very exception it threw (join() may rethrow a copy whose message is the original's). */
    private static <T> T result(ForkJoinTask<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The elbow of this table's minimum-loss curve ({@link #elbow(double[])}). */
    public int elbow() {
        return elbow(rows.stream().mapToDouble(r -> r.minimumLoss().informationLoss()).toArray());
    }

    /**
     * The elbow of a loss-versus-k curve, {@code losses[k − 1]} for k = 1 … K, by the Kneedle rule (Satopää et al.
     * 2011): rescale k and the loss to [0, 1] and take the k farthest below the chord from (1, L₁) to (K, L<sub>K</sub>).
     * For a falling curve that is the last k whose extra block still bought a large drop; for a rising one (the loss
     * I(X<sub>t</sub>; Y<sub>t+1</sub> | Y<sub>t</sub>) is 0 at k = 1 and grows with k) the largest k before the
     * loss takes off. 1 when no point lies below the chord by more than 1e−9 (flat or straight curves) or K &lt; 3.
     */
    public static int elbow(double[] losses) {
        int count = losses.length;
        if (count < 3) {
            return 1;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : losses) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            return 1;
        }
        double first = (losses[0] - min) / (max - min);
        double last = (losses[count - 1] - min) / (max - min);
        int best = 1;
        double bestDistance = 1e-9;
        for (int k = 1; k <= count; k++) {
            double x = (k - 1.0) / (count - 1);
            double y = (losses[k - 1] - min) / (max - min);
            double distance = first + (last - first) * x - y;
            if (distance > bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        return best;
    }
}
