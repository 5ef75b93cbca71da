package dev.coarse.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Searches for a partition of a chain's states into k blocks: by minimum information loss (greedy merging then local
 * moves), by timescales (spectral clustering of the slow eigenvectors), or exactly lumpable (invariant subspaces).
 */
public final class LumpingSearch {

    /** The search methods. */
    public enum Method {
        /** Minimum loss: local moves from the greedy agglomerative descent and from spectral starts ({@link #greedy}). */
        GREEDY,
        /** k-means on the k − 1 slowest nontrivial right eigenvectors (a crisp, PCCA-style timescale clustering). */
        SPECTRAL,
        /** A strongly lumpable partition into exactly k blocks, or none ({@link #exact}). */
        EXACT
    }

    /** Largest number of invariant subspaces {@link #exact} tries before it gives up. */
    public static final long MAX_EXACT_CANDIDATES = 200_000;

    private LumpingSearch() {
    }

    /**
     * The minimum-loss search for k blocks: local moves ({@link #localMoves}) from several starts, keeping the
     * partition of least L(φ) (the first on ties). The starts are the greedy agglomerative descent
     * ({@link GreedyLumping}) and, for chains of at most {@link #MAX_EMBEDDING_STATES} states, the spectral partition
     * ({@link #spectral}, so the result never loses more than it) and k-means clusterings of
     * the states embedded by each choice of k − 1 dimensions of P's invariant subspaces among the
     * {@link #MAX_EMBEDDING_UNITS} slowest (at most {@link #MAX_EMBEDDING_STARTS} choices, slowest first, fewer on large
     * chains: {@link #embeddingStarts}). The
     * embedding starts are there because agglomeration from singletons is myopic: on a random chain with a planted
     * lumpable partition it often merges across the planted blocks before it can see them, while the planted
     * partition's indicator span is (nearly, under noise) a sum of invariant subspaces, so one embedding shows it.
     */
    public static Partition greedy(MarkovChain chain, double[] pi, int blocks) {
        return greedyRange(chain, pi, blocks, blocks)[blocks];
    }

    /**
     * {@link #greedy} for every block count from {@code from} to {@code to}, sharing one agglomerative descent and
     * one set of invariant subspaces: element k of the result is the partition into k blocks (others null). The
     * block counts are searched in parallel on the fork-join pool this is called from (the common pool outside one;
     * {@link LumpingComparison#of(MarkovChain, double[], int, int)} runs it on a pool of its own size); the result
     * does not depend on it.
     */
    public static Partition[] greedyRange(MarkovChain chain, double[] pi, int from, int to) {
        int n = chain.size();
        requireBlocks(from, n);
        requireBlocks(to, n);
        Partition[] descent = new Partition[n + 1];
        GreedyLumping.descend(chain, pi, from, to, descent);
        boolean embed = n <= MAX_EMBEDDING_STATES && to > 1;
        List<double[][]> units = embed ? invariantUnits(chain, MAX_EMBEDDING_UNITS) : List.of();
        // the slow real eigenvectors of the spectral starts, needed if some block count is in 2 … n − 1
        List<double[]> real = embed && Math.max(from, 2) <= Math.min(to, n - 1) ? slowRealModes(chain, pi)
                : List.of();
        double[][] columns = LocalMoves.columns(chain);
        Partition[] result = new Partition[n + 1];
        IntStream.rangeClosed(from, to).parallel().forEach(blocks -> {
            List<Partition> starts = new ArrayList<>();
            starts.add(descent[blocks]);
            if (blocks > 1 && blocks < n && n <= MAX_EMBEDDING_STATES) {
                if (real.size() >= blocks - 1) {
                    Partition timescales = spectral(real, pi, blocks);
                    if (timescales.blockCount() == blocks) {
                        starts.add(timescales);
                    }
                }
                List<List<double[]>> choices = new ArrayList<>();
                collectChoices(units, 0, new ArrayList<>(), blocks - 1, choices, embeddingStarts(n, blocks));
                for (List<double[]> choice : choices) {
                    Partition start = kMeans(embedding(choice, n), pi, blocks);
                    if (start.blockCount() == blocks) {
                        starts.add(start);
                    }
                }
            }
            Partition best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (Partition start : starts) {
                Partition moved = LocalMoves.run(chain, columns, pi, start);
                double loss = Lumping.informationLoss(chain, pi, moved);
                if (loss < bestLoss - LocalMoves.MOVE_GAIN) {
                    best = moved;
                    bestLoss = loss;
                }
            }
            result[blocks] = best;
        });
        return result;
    }

    private static double[][] embedding(List<double[]> vectors, int n) {
        double[][] x = new double[n][vectors.size()];
        for (int t = 0; t < vectors.size(); t++) {
            double[] v = vectors.get(t);
            double norm = 0;
            for (double c : v) {
                norm += c * c;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                x[i][t] = v[i] / norm;
            }
        }
        return x;
    }

    /** Largest chain for which {@link #greedy} adds embedding starts (each needs P's invariant subspaces, O(n³)). */
    public static final int MAX_EMBEDDING_STATES = 400;
    /** How many of the slowest invariant subspaces the embedding starts choose from. */
    public static final int MAX_EMBEDDING_UNITS = 10;
    /** Most embedding starts {@link #greedy} tries. */
    public static final int MAX_EMBEDDING_STARTS = 120;

    /**
     * How many embedding starts k blocks of n states get: at most {@link #MAX_EMBEDDING_STARTS}, and at most
     * {@link #EMBEDDING_BUDGET}/(n²k²) — a round of local moves costs about n²k² logarithms — so that the search
     * stays within seconds on large chains.
     */
    private static int embeddingStarts(int n, int blocks) {
        double perStart = (double) n * n * blocks * blocks;
        return (int) Math.min(MAX_EMBEDDING_STARTS, Math.floor(EMBEDDING_BUDGET / perStart));
    }

    /** Work budget (logarithms, about) of the embedding starts for one k; see {@link #embeddingStarts}. */
    private static final double EMBEDDING_BUDGET = 5e7;

    private static void collectChoices(List<double[][]> units, int from, List<double[]> chosen, int dimension,
            List<List<double[]>> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (dimension == 0) {
            out.add(new ArrayList<>(chosen));
            return;
        }
        for (int u = from; u < units.size(); u++) {
            double[][] unit = units.get(u);
            if (unit.length > dimension) {
                continue;
            }
            for (double[] v : unit) {
                chosen.add(v);
            }
            collectChoices(units, u + 1, chosen, dimension - unit.length, out, limit);
            for (int t = 0; t < unit.length; t++) {
                chosen.remove(chosen.size() - 1);
            }
        }
    }

    /**
     * Moves single states between blocks while a move lowers L(φ): each round visits the states in order and moves
     * each to the block (if any) where the exactly recomputed loss is lowest, never emptying a block; at most
     * {@value LocalMoves#MAX_ROUNDS} rounds. Trials are screened by a bound that costs O(n) multiply-adds each, and
     * only those that could win are recomputed exactly (O(n·k)), with the same moves as recomputing all
     * ({@link LocalMoves}).
     */
    public static Partition localMoves(MarkovChain chain, double[] pi, Partition start) {
        return LocalMoves.run(chain, LocalMoves.columns(chain), pi, start);
    }

    /**
     * Spectral clustering: the k − 1 real nontrivial right eigenvectors of P with the largest eigenvalues (the
     * slowest modes; complex pairs are skipped), each scaled to unit π-norm, embed the states; Lloyd's k-means with
     * farthest-point seeding (first seed: the state of largest π) groups them. For a reversible metastable chain
     * these eigenvectors are nearly constant on the metastable sets (Deuflhard &amp; Weber 2005, PCCA+), so this is
     * the timescale-based partition.
     */
    public static Partition spectral(MarkovChain chain, double[] pi, int blocks) {
        requireBlocks(blocks, chain.size());
        return blocks == 1 ? new Partition(new int[chain.size()]) : spectral(slowRealModes(chain, pi), pi, blocks);
    }

    /**
     * {@link #spectral} for every block count from {@code from} to {@code to}, sharing one eigen-decomposition:
     * element k is the partition into k blocks, or null when the chain has fewer than k real eigenvalues.
     */
    public static Partition[] spectralRange(MarkovChain chain, double[] pi, int from, int to) {
        return spectralRange(chain, pi, from, to, null);
    }

    /**
     * {@link #spectralRange(MarkovChain, double[], int, int)} given P's eigenvalues as
     * {@link ChainAnalysis#eigenvalues} returns them (or null): on chains of more than
     * {@link #INVERSE_ITERATION_STATES} states only the eigenvectors used are computed ({@link #slowRealVectors}).
     */
    static Partition[] spectralRange(MarkovChain chain, double[] pi, int from, int to, Complex_F64[] eigenvalues) {
        int n = chain.size();
        requireBlocks(from, n);
        requireBlocks(to, n);
        List<double[]> real = to <= 1 ? List.of()
                : eigenvalues != null && n > INVERSE_ITERATION_STATES && !NativeLapack.used(n)
                        ? slowRealVectors(chain, eigenvalues, to - 1)
                : slowRealModes(chain, pi);
        return spectralRange(real, pi, from, to);
    }

    /** {@link #spectralRange(MarkovChain, double[], int, int)} from a LAPACK decomposition of P with its vectors. */
    static Partition[] spectralRange(NativeLapack.Decomposition decomposition, double[] pi, int from, int to) {
        requireBlocks(from, decomposition.n());
        requireBlocks(to, decomposition.n());
        return spectralRange(to <= 1 ? List.of() : slowRealModes(modes(decomposition)), pi, from, to);
    }

    private static Partition[] spectralRange(List<double[]> real, double[] pi, int from, int to) {
        int n = pi.length;
        Partition[] result = new Partition[n + 1];
        for (int blocks = from; blocks <= to; blocks++) {
            if (blocks == 1) {
                result[blocks] = new Partition(new int[n]);
            } else if (real.size() >= blocks - 1) {
                result[blocks] = spectral(real, pi, blocks);
            }
        }
        return result;
    }

    /**
     * Chains above this many states get their spectral eigenvectors by inverse iteration ({@link #slowRealVectors})
     * when the eigenvalues are at hand and no native LAPACK is ({@link NativeLapack}): EJML's general
     * eigen-decomposition with eigenvectors costs about twice the one without (some 2 CPU-minutes against 1 at 2,000
     * states), and the table needs only k − 1 vectors.
     */
    public static final int INVERSE_ITERATION_STATES = 500;

    /**
     * The right eigenvectors of the at most {@code count} largest real eigenvalues of P other than the stationary 1,
     * largest first — the vectors {@link #slowRealModes} would use, chosen the same way from {@code eigenvalues}
     * ({@link ChainAnalysis#eigenvalues}: sorted by modulus) — each by two steps of inverse iteration,
     * x ← (P − μI)<sup>−1</sup>x from a fixed pseudo-random start with μ = λ + 10<sup>−10</sup>(1 + |λ|) (one EJML LU
     * of P − μI per vector, in parallel on the caller's fork-join pool). For a repeated eigenvalue the vector is one
     * of its eigenspace, as the full decomposition's was.
     */
    static List<double[]> slowRealVectors(MarkovChain chain, Complex_F64[] eigenvalues, int count) {
        List<Complex_F64> real = new ArrayList<>();
        boolean stationarySkipped = false;
        for (Complex_F64 lambda : eigenvalues) {
            if (!lambda.isReal()) {
                continue;
            }
            if (!stationarySkipped && Math.abs(lambda.getReal() - 1) < 1e-9) {
                stationarySkipped = true;
                continue;
            }
            real.add(lambda);
        }
        real.sort((u, v) -> Double.compare(v.getReal(), u.getReal()));
        List<Complex_F64> wanted = real.subList(0, Math.min(count, real.size()));
        DMatrixRMaj p = ChainAnalysis.matrix(chain.transitions());
        return wanted.parallelStream().map(lambda -> inverseIteration(p, lambda.getReal())).toList();
    }

    private static double[] inverseIteration(DMatrixRMaj p, double lambda) {
        int n = p.numRows;
        DMatrixRMaj a = p.copy();
        double shift = lambda + 1e-10 * (1 + Math.abs(lambda));
        for (int i = 0; i < n; i++) {
            a.add(i, i, -shift);
        }
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(a)) {
            throw new IllegalStateException("LU of P - " + shift + " I failed");
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(INVERSE_ITERATION_SEED);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, random.nextDouble() - 0.5);
        }
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int step = 0; step < 2; step++) {
            lu.solve(x, y);
            double norm = NormOps_DDRM.normF(y);
            if (!(norm > 0) || !Double.isFinite(norm)) {
                throw new IllegalStateException("inverse iteration for eigenvalue " + lambda + " failed");
            }
            CommonOps_DDRM.scale(1 / norm, y, x);
        }
        return x.getData().clone();
    }

    /** Seed of the inverse iteration's start vector. */
    private static final long INVERSE_ITERATION_SEED = 20_260_122L;

    /** The right eigenvectors of P's real nontrivial eigenvalues, largest eigenvalue first. */
    static List<double[]> slowRealModes(MarkovChain chain, double[] pi) {
        return slowRealModes(modes(chain, pi, 0));
    }

    private static List<double[]> slowRealModes(List<Mode> modes) {
        List<Mode> real = new ArrayList<>();
        for (Mode mode : modes) {
            if (mode.basis().length == 1) {
                real.add(mode);
            }
        }
        real.sort((u, v) -> Double.compare(v.eigenvalue().getReal(), u.eigenvalue().getReal()));
        List<double[]> vectors = new ArrayList<>();
        for (Mode mode : real) {
            vectors.add(mode.basis()[0]);
        }
        return vectors;
    }

    private static Partition spectral(List<double[]> real, double[] pi, int blocks) {
        int n = pi.length;
        if (real.size() < blocks - 1) {
            throw new IllegalArgumentException("spectral clustering needs " + blocks + " real eigenvalues, the chain has "
                    + (real.size() + 1));
        }
        double[][] x = new double[n][blocks - 1];
        for (int k = 1; k < blocks; k++) {
            double[] v = real.get(k - 1);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += pi[i] * v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                x[i][k - 1] = v[i] / norm;
            }
        }
        return kMeans(x, pi, blocks);
    }

    private static Partition kMeans(double[][] x, double[] pi, int k) {
        int n = x.length;
        int dim = x[0].length;
        double[][] centres = new double[k][];
        int first = 0;
        for (int i = 1; i < n; i++) {
            if (pi[i] > pi[first]) {
                first = i;
            }
        }
        centres[0] = x[first].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            int far = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(x[i], centres[c - 1]));
                if (nearest[i] > nearest[far]) {
                    far = i;
                }
            }
            centres[c] = x[far].clone();
        }
        int[] assignment = new int[n];
        for (int iteration = 0; iteration < 100; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (distance(x[i], centres[c]) < distance(x[i], centres[best])) {
                        best = c;
                    }
                }
                if (best != assignment[i] || iteration == 0) {
                    changed |= best != assignment[i];
                    assignment[i] = best;
                }
            }
            double[][] sums = new double[k][dim];
            double[] mass = new double[k];
            for (int i = 0; i < n; i++) {
                mass[assignment[i]] += pi[i];
                for (int t = 0; t < dim; t++) {
                    sums[assignment[i]][t] += pi[i] * x[i][t];
                }
            }
            for (int c = 0; c < k; c++) {
                if (mass[c] > 0) {
                    for (int t = 0; t < dim; t++) {
                        centres[c][t] = sums[c][t] / mass[c];
                    }
                }
            }
            if (!changed && iteration > 0) {
                break;
            }
        }
        return Partition.ofLabels(assignment);
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int t = 0; t < a.length; t++) {
            d += (a[t] - b[t]) * (a[t] - b[t]);
        }
        return d;
    }

    /**
     * A strongly lumpable partition into exactly k blocks, or null when there is none. A partition φ is strongly
     * lumpable iff the span of its block indicators is invariant under P (Kemeny &amp; Snell, Thm 6.3.2); when P's
     * eigenvalues are distinct, that span is the constant vector plus k − 1 dimensions of P's real invariant
     * subspaces (an eigenvector for a real eigenvalue, the null space of P² − 2Re λ P + |λ|² for a complex pair). Every
     * choice of them is tried, in order of decreasing eigenvalue: states whose coordinates agree form a candidate
     * partition, which partition refinement ({@link Lumping#coarsestLumpableRefinement}) then certifies. Complete when
     * the eigenvalues are distinct; throws when more than {@link #MAX_EXACT_CANDIDATES} choices would be needed.
     */
    public static Partition exact(MarkovChain chain, int blocks) {
        int n = chain.size();
        requireBlocks(blocks, n);
        if (blocks == 1) {
            return new Partition(new int[n]);
        }
        if (blocks == n) {
            return Partition.singletons(n);
        }
        // count the choices from the subspaces' dimensions before computing any complex pair's basis
        List<double[][]> shapes = new ArrayList<>();
        for (Mode mode : modes(chain, null, 0)) {
            shapes.add(mode.basis());
        }
        long count = countChoices(shapes, blocks - 1);
        if (count > MAX_EXACT_CANDIDATES) {
            throw new IllegalArgumentException("the exact lumpability search would try " + count
                    + " invariant subspaces (limit " + MAX_EXACT_CANDIDATES + "); use fewer states or blocks");
        }
        List<double[][]> units = invariantUnits(chain, Integer.MAX_VALUE);
        Partition found = search(chain, units, 0, new ArrayList<>(), blocks - 1, blocks);
        if (found == null && hasRepeatedEigenvalues(chain)) {
            throw new IllegalArgumentException("no strongly lumpable partition into " + blocks + " blocks was found,"
                    + " but the transition matrix has repeated eigenvalues, so the exact search is not complete");
        }
        return found;
    }

    /** Whether two eigenvalues of P agree within 1e-9 (then an invariant subspace need not be a sum of the units). */
    private static boolean hasRepeatedEigenvalues(MarkovChain chain) {
        Complex_F64[] values = ChainAnalysis.eigenvalues(chain);
        for (int a = 0; a < values.length; a++) {
            for (int b = a + 1; b < values.length; b++) {
                double dr = values[a].getReal() - values[b].getReal();
                double di = values[a].getImaginary() - values[b].getImaginary();
                if (Math.hypot(dr, di) < 1e-9) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Partition search(MarkovChain chain, List<double[][]> units, int from, List<double[]> chosen,
            int dimension, int blocks) {
        if (dimension == 0) {
            Partition candidate = groupByCoordinates(chosen, chain.size());
            if (candidate.blockCount() != blocks) {
                return null;
            }
            Partition refined = Lumping.coarsestLumpableRefinement(chain, candidate);
            return refined.blockCount() == blocks ? refined.canonical() : null;
        }
        for (int u = from; u < units.size(); u++) {
            double[][] unit = units.get(u);
            if (unit.length > dimension) {
                continue;
            }
            for (double[] v : unit) {
                chosen.add(v);
            }
            Partition found = search(chain, units, u + 1, chosen, dimension - unit.length, blocks);
            for (int t = 0; t < unit.length; t++) {
                chosen.remove(chosen.size() - 1);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static long countChoices(List<double[][]> units, int dimension) {
        long[] ways = new long[dimension + 1];
        ways[0] = 1;
        for (double[][] unit : units) {
            for (int d = dimension; d >= unit.length; d--) {
                ways[d] = Math.min(Long.MAX_VALUE / 2, ways[d] + ways[d - unit.length]);
            }
        }
        return ways[dimension];
    }

    /** States whose coordinates agree (relative 1e-7 of the largest coordinate) share a block. */
    private static Partition groupByCoordinates(List<double[]> vectors, int n) {
        double scale = 0;
        for (double[] v : vectors) {
            for (double x : v) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        double tolerance = 1e-7 * scale;
        int[] label = new int[n];
        List<Integer> representatives = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int found = -1;
            for (int b = 0; b < representatives.size() && found < 0; b++) {
                int rep = representatives.get(b);
                boolean agree = true;
                for (double[] v : vectors) {
                    if (Math.abs(v[i] - v[rep]) > tolerance) {
                        agree = false;
                        break;
                    }
                }
                if (agree) {
                    found = b;
                }
            }
            if (found < 0) {
                found = representatives.size();
                representatives.add(i);
            }
            label[i] = found;
        }
        return new Partition(label);
    }

    /** P's real invariant subspaces other than the constants, slowest (largest |λ|) first: the first {@code count}. */
    private static List<double[][]> invariantUnits(MarkovChain chain, int count) {
        List<double[][]> units = new ArrayList<>();
        for (Mode mode : modes(chain, null, count)) {
            if (units.size() == count) {
                break;
            }
            units.add(mode.basis());
        }
        return units;
    }

    /**
     * An eigenvalue of P other than the stationary 1, with a basis of its real invariant subspace: one right
     * eigenvector for a real eigenvalue, two vectors for a complex pair (λ with Im λ &gt; 0 stands for both).
     */
    private record Mode(Complex_F64 eigenvalue, double[][] basis) {
    }

    /**
     * The modes of P sorted by decreasing |λ|, by EJML's general eigen-decomposition. When that fails to converge
     * (it can on chains with many repeated eigenvalues, such as Glauber dynamics with its lattice symmetries) and the
     * chain is reversible, by the symmetric decomposition of D<sup>1/2</sup>PD<sup>−1/2</sup>, D = diag(π), whose
     * eigenvectors u give P's as D<sup>−1/2</sup>u.
     *
     * @param pi            the stationary law, or null to compute it if needed
     * @param complexBases  how many of the slowest modes need their basis when they are complex pairs (an SVD of an
     *                      n × n matrix each: seconds for a few hundred states, minutes for a few thousand); later
     *                      pairs get a basis of two null vectors
     */
    private static List<Mode> modes(MarkovChain chain, double[] pi, int complexBases) {
        int n = chain.size();
        if (NativeLapack.used(n)) {
            return modes(NativeLapack.decompose(chain, true));
        }
        DMatrixRMaj p = ChainAnalysis.matrix(chain.transitions());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true);
        List<Mode> modes = new ArrayList<>();
        if (eig.decompose(p.copy())) {
            for (int idx = 0; idx < n; idx++) {
                Complex_F64 lambda = eig.getEigenvalue(idx);
                if (lambda.isReal()) {
                    DMatrixRMaj v = eig.getEigenVector(idx);
                    if (v != null) {
                        modes.add(new Mode(lambda, new double[][] {v.getData().clone()}));
                    }
                } else if (lambda.getImaginary() > 0) {
                    modes.add(new Mode(lambda, new double[2][]));
                }
            }
        } else {
            double[] law = pi != null ? pi : ChainAnalysis.stationary(chain);
            if (!reversible(chain, law)) {
                throw new IllegalStateException("eigen-decomposition of the (non-reversible) transition matrix failed");
            }
            DMatrixRMaj sym = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double a = Math.sqrt(law[i] / law[j]) * chain.transition(i, j);
                    double b = Math.sqrt(law[j] / law[i]) * chain.transition(j, i);
                    sym.set(i, j, 0.5 * (a + b));
                }
            }
            EigenDecomposition_F64<DMatrixRMaj> symmetric = DecompositionFactory_DDRM.eig(n, true, true);
            if (!symmetric.decompose(sym)) {
                throw new IllegalStateException("symmetric eigen-decomposition of the transition matrix failed");
            }
            for (int idx = 0; idx < n; idx++) {
                DMatrixRMaj u = symmetric.getEigenVector(idx);
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = u.get(i) / Math.sqrt(law[i]);
                }
                modes.add(new Mode(symmetric.getEigenvalue(idx), new double[][] {v}));
            }
        }
        sortAndDropStationary(modes);
        for (int k = 0; k < Math.min(complexBases, modes.size()); k++) {
            Mode mode = modes.get(k);
            if (mode.basis().length == 2) {
                modes.set(k, new Mode(mode.eigenvalue(), complexPairSubspace(p, mode.eigenvalue())));
            }
        }
        return modes;
    }

    /**
     * The modes of a LAPACK decomposition ({@link NativeLapack}), as {@link #modes(MarkovChain, double[], int)} gives
     * them: every complex pair with its basis (the real and imaginary parts of its eigenvector, LAPACK's two columns).
     */
    private static List<Mode> modes(NativeLapack.Decomposition decomposition) {
        List<Mode> modes = new ArrayList<>();
        for (int j = 0; j < decomposition.n(); j++) {
            double im = decomposition.imaginary()[j];
            Complex_F64 lambda = new Complex_F64(decomposition.real()[j], im);
            if (im == 0) {
                modes.add(new Mode(lambda, new double[][] {decomposition.column(j)}));
            } else if (im > 0) {
                modes.add(new Mode(lambda, new double[][] {decomposition.column(j), decomposition.column(j + 1)}));
            }
        }
        sortAndDropStationary(modes);
        return modes;
    }

    /** Sorts modes by decreasing |λ| and drops the stationary eigenvalue 1 (an irreducible chain has it once). */
    private static void sortAndDropStationary(List<Mode> modes) {
        modes.sort((u, v) -> Double.compare(v.eigenvalue().getMagnitude(), u.eigenvalue().getMagnitude()));
        for (int k = 0; k < modes.size(); k++) {
            Complex_F64 lambda = modes.get(k).eigenvalue();
            if (lambda.isReal() && Math.abs(lambda.getReal() - 1) < 1e-9) {
                modes.remove(k);
                break;
            }
        }
    }

    /** Detailed balance π<sub>i</sub>P<sub>ij</sub> = π<sub>j</sub>P<sub>ji</sub> within 1e-12. */
    private static boolean reversible(MarkovChain chain, double[] pi) {
        for (int i = 0; i < chain.size(); i++) {
            for (int j = i + 1; j < chain.size(); j++) {
                if (Math.abs(pi[i] * chain.transition(i, j) - pi[j] * chain.transition(j, i)) > 1e-12) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The two-dimensional null space of P² − 2Re(λ)P + |λ|²I (EJML SVD): the real span of a complex pair's vectors. */
    private static double[][] complexPairSubspace(DMatrixRMaj p, Complex_F64 lambda) {
        int n = p.numRows;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(p, p, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, m.get(i, j) - 2 * lambda.getReal() * p.get(i, j)
                        + (i == j ? lambda.getMagnitude2() : 0));
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, false, true, false);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("SVD for a complex eigenvalue pair failed");
        }
        DMatrixRMaj v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        Integer[] idx = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(s[a], s[b]));
        double[][] basis = new double[2][n];
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < n; i++) {
                basis[t][i] = v.get(i, idx[t]);
            }
        }
        return basis;
    }

    private static void requireBlocks(int blocks, int n) {
        if (blocks < 1 || blocks > n) {
            throw new IllegalArgumentException("number of blocks must be in 1 … " + n + ", got " + blocks);
        }
    }
}
