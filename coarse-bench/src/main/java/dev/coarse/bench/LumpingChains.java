package dev.coarse.bench;

import dev.coarse.dynamics.MarkovChain;
import dev.coarse.dynamics.SparseMarkovChain;
import java.util.SplittableRandom;

/** The chains the lumping benchmarks time (seeded, built in memory so that file reading is not timed). */
final class LumpingChains {

    private LumpingChains() {
    }

    /**
     * A dense n-state chain: 0.7 × a planted {@code blocks}-block chain (sticky diagonal, spread evenly over each
     * block's states) + 0.3 × random rows (Exp(1) weights); every entry is nonzero.
     */
    static MarkovChain dense(int n, int blocks, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double noise = 0.3;
        double[][] q = new double[blocks][blocks];
        for (int b = 0; b < blocks; b++) {
            double s = 0;
            for (int c = 0; c < blocks; c++) {
                q[b][c] = -Math.log(1 - rng.nextDouble()) * (b == c ? 20 : 1);
                s += q[b][c];
            }
            for (int c = 0; c < blocks; c++) {
                q[b][c] /= s;
            }
        }
        int[] label = new int[n];
        int[] count = new int[blocks];
        for (int i = 0; i < n; i++) {
            label[i] = i < blocks ? i : rng.nextInt(blocks);
            count[label[i]]++;
        }
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                p[i][j] = (1 - noise) * q[label[i]][label[j]] / count[label[j]]
                        + noise * -Math.log(1 - rng.nextDouble()) / n;
                s += p[i][j];
            }
            double t = 0;
            for (int j = 0; j < n - 1; j++) {
                p[i][j] /= s;
                t += p[i][j];
            }
            p[i][n - 1] = 1 - t;
        }
        return MarkovChain.ofTransitions(p);
    }

    /**
     * A sparse chain with a planted strongly lumpable partition into {@code blocks} blocks (state i in block i mod
     * blocks): every state of block a sends Q<sub>ab</sub> to two random states of each of a's 4 target blocks b,
     * split at random (at most 8 nonzeros per row). {@code labels} receives an initial observable with 2 values
     * (block mod 2), which the refinement splits down to the planted blocks.
     */
    static SparseMarkovChain sparse(int n, int blocks, long seed, int[] labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] q = new double[blocks][4];
        int[][] target = new int[blocks][4];
        for (int a = 0; a < blocks; a++) {
            double sum = 0;
            for (int t = 0; t < 4; t++) {
                target[a][t] = rng.nextInt(blocks);
                q[a][t] = 0.1 + rng.nextDouble();
                sum += q[a][t];
            }
            for (int t = 0; t < 4; t++) {
                q[a][t] /= sum;
            }
        }
        int perBlock = n / blocks;
        int[] rows = new int[8 * n];
        int[] cols = new int[8 * n];
        double[] vals = new double[8 * n];
        int e = 0;
        for (int i = 0; i < n; i++) {
            int a = i % blocks;
            labels[i] = a % 2;
            for (int t = 0; t < 4; t++) {
                int b = target[a][t];
                double split = rng.nextDouble();
                for (int half = 0; half < 2; half++) {
                    rows[e] = i;
                    cols[e] = b + blocks * rng.nextInt(perBlock);
                    vals[e] = q[a][t] * (half == 0 ? split : 1 - split);
                    e++;
                }
            }
        }
        return SparseMarkovChain.ofTriplets(n, rows, cols, vals);
    }
}
