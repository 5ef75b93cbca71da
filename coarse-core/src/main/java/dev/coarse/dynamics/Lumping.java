package dev.coarse.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.Complex_F64;

/**
 * Lumping the states of a stationary chain X by a partition φ into the process Y<sub>t</sub> = φ(X<sub>t</sub>).
 *
 * <p>Y is in general not Markov. Its <em>Markov approximation</em> is the chain on the blocks with the stationary
 * one-step statistics of Y: Q<sub>cl</sub> = P(Y<sub>t+1</sub> = l | Y<sub>t</sub> = c) =
 * Σ<sub>i∈c</sub> π<sub>i</sub>R<sub>il</sub> / π̃<sub>c</sub>, with R<sub>il</sub> = Σ<sub>j∈l</sub>P<sub>ij</sub>
 * the lumped rows and π̃<sub>c</sub> = Σ<sub>i∈c</sub>π<sub>i</sub>.
 *
 * <p><b>The information lost</b> ({@link #informationLoss}) is
 * L(φ) = I(X<sub>t</sub>; Y<sub>t+1</sub> | Y<sub>t</sub>) = H(Y<sub>t+1</sub>|Y<sub>t</sub>) − H(Y<sub>t+1</sub>|X<sub>t</sub>)
 * = Σ<sub>i</sub> π<sub>i</sub> D(R<sub>i·</sub> ‖ Q<sub>φ(i)·</sub>): what the fine state says about the next
 * block beyond what the present block says. It bounds from above the Kullback–Leibler divergence rate between Y and
 * its Markov approximation, H(Y<sub>2</sub>|Y<sub>1</sub>) − h(Y), because h(Y) ≥ H(Y<sub>2</sub>|Y<sub>1</sub>, X<sub>1</sub>)
 * (Cover &amp; Thomas, Thm 4.5.1), and it is zero exactly when φ is strongly lumpable (every state of a block has the
 * same lumped row) — the upper bound of Geiger, Petrov, Kubin &amp; Koeppl, "Optimal Kullback–Leibler aggregation via
 * information bottleneck", IEEE Trans. Autom. Control 60, 1010 (2015), which is tight for lumpable partitions.
 * The exact KL rate needs h(Y), the entropy rate of a hidden Markov process, which has no closed form.
 *
 * <p>The second measure ({@link #predictiveInformationLoss}) is the loss of one-step predictive information
 * I(X<sub>t</sub>;X<sub>t+1</sub>) − I(Y<sub>t</sub>;Y<sub>t+1</sub>); it equals the KL divergence rate between P and
 * the π-lifting of Q, P̃<sub>ij</sub> = Q<sub>φ(i)φ(j)</sub>π<sub>j</sub>/π̃<sub>φ(j)</sub> (the cost of
 * Deng, Mehta &amp; Meyn, IEEE TAC 56, 2793 (2011), in the form of Geiger et al. 2015). It is not zero for a lumpable
 * partition unless the chain is also lumpable in the lifted sense, which is why the first measure is the one searched.
 */
public final class Lumping {

    /** How far two lumped rows of one block may differ, entry by entry, for the partition to count as lumpable. */
    public static final double LUMPABILITY_TOLERANCE = 1e-12;

    private Lumping() {
    }

    /** R<sub>il</sub> = Σ<sub>j∈l</sub> P<sub>ij</sub>: the probability that state i steps into block l. */
    public static double[][] lumpedRows(MarkovChain chain, Partition partition) {
        requireSameSize(chain, partition);
        int n = chain.size();
        double[][] r = new double[n][partition.blockCount()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][partition.blockOf(j)] += chain.transition(i, j);
            }
        }
        return r;
    }

    /** π̃<sub>c</sub> = Σ<sub>i∈c</sub> π<sub>i</sub>. */
    public static double[] blockWeights(double[] pi, Partition partition) {
        double[] w = new double[partition.blockCount()];
        for (int i = 0; i < pi.length; i++) {
            w[partition.blockOf(i)] += pi[i];
        }
        return w;
    }

    /** The Markov approximation Q of the lumped process, a chain on the blocks (stationary-weighted rows). */
    public static MarkovChain markovApproximation(MarkovChain chain, double[] pi, Partition partition) {
        return MarkovChain.ofTransitions(normalisedRows(approximationRows(lumpedRows(chain, partition), pi, partition)));
    }

    /** Q's rows, summed in a way that keeps them stochastic to rounding. */
    private static double[][] approximationRows(double[][] r, double[] pi, Partition partition) {
        int k = partition.blockCount();
        double[][] flow = new double[k][k];
        for (int i = 0; i < r.length; i++) {
            int c = partition.blockOf(i);
            for (int l = 0; l < k; l++) {
                flow[c][l] += pi[i] * r[i][l];
            }
        }
        double[] w = blockWeights(pi, partition);
        int[] members = new int[k];
        for (int i = 0; i < r.length; i++) {
            members[partition.blockOf(i)]++;
        }
        for (int c = 0; c < k; c++) {
            if (w[c] > 0) {
                for (int l = 0; l < k; l++) {
                    flow[c][l] /= w[c];
                }
            }
        }
        for (int i = 0; i < r.length; i++) {
            int c = partition.blockOf(i);
            if (w[c] == 0) {
                // A block whose stationary weight underflowed to 0 has no stationary statistics: its row is the
                // plain mean of its lumped rows (it carries no weight in any loss).
                for (int l = 0; l < k; l++) {
                    flow[c][l] += r[i][l] / members[c];
                }
            }
        }
        return flow;
    }

    private static double[][] normalisedRows(double[][] q) {
        for (double[] row : q) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            for (int l = 0; l < row.length; l++) {
                row[l] /= sum;
            }
        }
        return q;
    }

    /** L(φ) = I(X<sub>t</sub>; Y<sub>t+1</sub> | Y<sub>t</sub>) in nats (class javadoc). */
    public static double informationLoss(MarkovChain chain, double[] pi, Partition partition) {
        double[][] r = lumpedRows(chain, partition);
        double[][] q = approximationRows(r, pi, partition);
        double loss = 0;
        for (int i = 0; i < r.length; i++) {
            double[] qi = q[partition.blockOf(i)];
            for (int l = 0; l < qi.length; l++) {
                if (r[i][l] > 0) {
                    loss += pi[i] * r[i][l] * Math.log(r[i][l] / qi[l]);
                }
            }
        }
        // A sum of non-negative KL terms; rounding can leave −1e-17.
        return Math.max(0, loss);
    }

    /** I(X<sub>t</sub>;X<sub>t+1</sub>) − I(Y<sub>t</sub>;Y<sub>t+1</sub>) in nats (class javadoc). */
    public static double predictiveInformationLoss(MarkovChain chain, double[] pi, Partition partition) {
        return predictiveInformationLoss(chain, pi, partition, ChainAnalysis.predictiveInformation(chain, pi, 1));
    }

    /** {@link #predictiveInformationLoss(MarkovChain, double[], Partition)} given I(X<sub>t</sub>;X<sub>t+1</sub>). */
    private static double predictiveInformationLoss(MarkovChain chain, double[] pi, Partition partition, double fine) {
        MarkovChain q = markovApproximation(chain, pi, partition);
        double[] w = blockWeights(pi, partition);
        double[] later = new double[q.size()];
        for (int c = 0; c < q.size(); c++) {
            for (int l = 0; l < q.size(); l++) {
                later[l] += w[c] * q.transition(c, l);
            }
        }
        double coarse = 0;
        for (int c = 0; c < q.size(); c++) {
            for (int l = 0; l < q.size(); l++) {
                double v = q.transition(c, l);
                if (v > 0 && w[c] > 0) {
                    coarse += w[c] * v * Math.log(v / later[l]);
                }
            }
        }
        return fine - coarse;
    }

    /** The largest difference between two lumped rows of one block: 0 for a strongly lumpable partition. */
    public static double lumpabilityDeviation(MarkovChain chain, Partition partition) {
        double[][] r = lumpedRows(chain, partition);
        int[] first = new int[partition.blockCount()];
        Arrays.fill(first, -1);
        double deviation = 0;
        for (int i = 0; i < r.length; i++) {
            int c = partition.blockOf(i);
            if (first[c] < 0) {
                first[c] = i;
                continue;
            }
            for (int l = 0; l < r[i].length; l++) {
                deviation = Math.max(deviation, Math.abs(r[i][l] - r[first[c]][l]));
            }
        }
        return deviation;
    }

    /** Strong lumpability (Kemeny &amp; Snell, Thm 6.3.2) within {@link #LUMPABILITY_TOLERANCE}. */
    public static boolean isStronglyLumpable(MarkovChain chain, Partition partition) {
        return lumpabilityDeviation(chain, partition) <= LUMPABILITY_TOLERANCE;
    }

    /**
     * The coarsest strongly lumpable partition that refines {@code initial}, by partition refinement: split every
     * block by its states' lumped rows (equal within {@link #LUMPABILITY_TOLERANCE}, states taken in order) until no
     * block splits. Each round costs O(n²); there are at most n rounds.
     */
    public static Partition coarsestLumpableRefinement(MarkovChain chain, Partition initial) {
        Partition current = initial;
        while (true) {
            double[][] r = lumpedRows(chain, current);
            int[] next = new int[r.length];
            List<Integer> representatives = new ArrayList<>();
            for (int i = 0; i < r.length; i++) {
                int found = -1;
                for (int b = 0; b < representatives.size(); b++) {
                    int rep = representatives.get(b);
                    if (current.blockOf(rep) == current.blockOf(i) && rowsAgree(r[rep], r[i])) {
                        found = b;
                        break;
                    }
                }
                if (found < 0) {
                    found = representatives.size();
                    representatives.add(i);
                }
                next[i] = found;
            }
            Partition refined = new Partition(next);
            if (refined.blockCount() == current.blockCount()) {
                return refined;
            }
            current = refined;
        }
    }

    private static boolean rowsAgree(double[] a, double[] b) {
        for (int l = 0; l < a.length; l++) {
            if (Math.abs(a[l] - b[l]) > LUMPABILITY_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /** Everything reported about one partition. */
    public static Evaluation evaluate(MarkovChain chain, double[] pi, Partition partition) {
        return evaluate(chain, pi, partition, ChainAnalysis.predictiveInformation(chain, pi, 1));
    }

    /**
     * {@link #evaluate(MarkovChain, double[], Partition)} given the chain's one-step predictive information
     * I(X<sub>t</sub>;X<sub>t+1</sub>) ({@link ChainAnalysis#predictiveInformation}), which costs n² logarithms.
     */
    static Evaluation evaluate(MarkovChain chain, double[] pi, Partition partition, double fineInformation) {
        MarkovChain q = markovApproximation(chain, pi, partition);
        double gap = 1;
        if (q.size() > 1) {
            Complex_F64[] values = ChainAnalysis.eigenvalues(q);
            gap = 1 - values[1].getMagnitude();
        }
        return new Evaluation(partition, informationLoss(chain, pi, partition),
                predictiveInformationLoss(chain, pi, partition, fineInformation), isStronglyLumpable(chain, partition),
                gap);
    }

    /**
     * One partition's figures.
     *
     * @param partition                 the blocks
     * @param informationLoss           L(φ) = I(X<sub>t</sub>; Y<sub>t+1</sub> | Y<sub>t</sub>), nats per step
     * @param predictiveInformationLoss I(X<sub>t</sub>;X<sub>t+1</sub>) − I(Y<sub>t</sub>;Y<sub>t+1</sub>), nats
     * @param exactlyLumpable           strongly lumpable within {@link #LUMPABILITY_TOLERANCE}
     * @param spectralGap               1 − |λ<sub>2</sub>| of the Markov approximation Q (1 for one block)
     */
    public record Evaluation(Partition partition, double informationLoss, double predictiveInformationLoss,
            boolean exactlyLumpable, double spectralGap) {
        public Evaluation {
            java.util.Objects.requireNonNull(partition, "partition");
        }
    }

    private static void requireSameSize(MarkovChain chain, Partition partition) {
        if (chain.size() != partition.size()) {
            throw new IllegalArgumentException("the partition covers " + partition.size() + " states, the chain has "
                    + chain.size());
        }
    }
}
