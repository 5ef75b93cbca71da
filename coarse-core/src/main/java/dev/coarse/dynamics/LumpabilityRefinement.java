package dev.coarse.dynamics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The coarsest strongly lumpable partition refining a given one, for sparse chains (Kemeny &amp; Snell 1960 for
 * strong lumpability; the refinement is the splitting loop of Derisavi, Hermanns &amp; Sanders 2003 without their
 * splay-tree bookkeeping). Each round gives every state the signature (its block, and for every block B its
 * probability Σ<sub>j∈B</sub> P<sub>ij</sub>) and splits blocks whose states' signatures differ; it stops when a
 * round splits nothing. A round costs O(nnz log d) for rows of at most d nonzeros. Probabilities are compared after
 * rounding to multiples of {@link #RESOLUTION}, so sums equal up to floating-point error (≈ 1e−16) agree, and
 * genuinely different ones closer than about 1e−10 may be taken as equal.
 */
public final class LumpabilityRefinement {

    /** Grid the block probabilities are rounded to before they are compared. */
    public static final double RESOLUTION = 1e-10;

    private LumpabilityRefinement() {
    }

    /** The refinement result: the partition and the number of rounds it took. */
    public record Result(Partition partition, int rounds) {
    }

    /** Refines {@code initial} (one block per state's label) to the coarsest strongly lumpable partition. */
    public static Result coarsest(SparseMarkovChain chain, Partition initial) {
        int n = chain.size();
        if (initial.size() != n) {
            throw new IllegalArgumentException("the partition covers " + initial.size() + " states, the chain has "
                    + n);
        }
        int[] block = initial.blocks();
        int blocks = initial.blockCount();
        int rounds = 0;
        long[] scratchKey = new long[16];
        double[] scratchSum = new double[16];
        while (true) {
            rounds++;
            Map<Signature, Integer> labels = new HashMap<>(2 * blocks);
            int[] next = new int[n];
            for (int i = 0; i < n; i++) {
                int from = chain.rowStart(i);
                int to = chain.rowStart(i + 1);
                int d = to - from;
                if (scratchKey.length < d) {
                    scratchKey = new long[d];
                    scratchSum = new double[d];
                }
                // sort this row's entries by target block, then add up runs of one block
                for (int k = 0; k < d; k++) {
                    scratchKey[k] = ((long) block[chain.column(from + k)] << 32) | k;
                }
                Arrays.sort(scratchKey, 0, d);
                int distinct = 0;
                long[] signature = new long[1 + 2 * d];
                signature[0] = block[i];
                int last = -1;
                for (int k = 0; k < d; k++) {
                    int b = (int) (scratchKey[k] >>> 32);
                    double p = chain.value(from + (int) scratchKey[k]);
                    if (b != last) {
                        scratchSum[distinct++] = p;
                        signature[2 * distinct - 1] = b;
                        last = b;
                    } else {
                        scratchSum[distinct - 1] += p;
                    }
                }
                int used = 1;
                for (int k = 0; k < distinct; k++) {
                    long rounded = Math.round(scratchSum[k] / RESOLUTION);
                    if (rounded != 0) {
                        signature[used++] = signature[2 * k + 1];
                        signature[used++] = rounded;
                    }
                }
                Signature key = new Signature(Arrays.copyOf(signature, used));
                Integer label = labels.get(key);
                if (label == null) {
                    label = labels.size();
                    labels.put(key, label);
                }
                next[i] = label;
            }
            if (labels.size() == blocks) {
                return new Result(new Partition(next), rounds);
            }
            block = next;
            blocks = labels.size();
        }
    }

    /** A state's block and its rounded probabilities into each block, as a hashable key. */
    private record Signature(long[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && Arrays.equals(values, s.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
