package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.Jackknife;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Swendsen's Monte Carlo renormalization group (Swendsen 1979; SCIENCE.md §4).
 *
 * <p>With −βH = Σ<sub>α</sub> K<sub>α</sub> S<sub>α</sub> at every level and blocked operators S<sup>(n)</sup>
 * measured on the n-times coarse-grained configurations,
 * C<sub>γα</sub> = ⟨S<sub>γ</sub><sup>(n)</sup>S<sub>α</sub><sup>(n)</sup>⟩ − ⟨S<sub>γ</sub><sup>(n)</sup>⟩⟨S<sub>α</sub><sup>(n)</sup>⟩ and
 * D<sub>γβ</sub> = ⟨S<sub>γ</sub><sup>(n)</sup>S<sub>β</sub><sup>(n−1)</sup>⟩ − ⟨S<sub>γ</sub><sup>(n)</sup>⟩⟨S<sub>β</sub><sup>(n−1)</sup>⟩
 * give the linearised RG matrix T = C⁻¹D, T<sub>αβ</sub> = ∂K<sub>α</sub><sup>(n)</sup>/∂K<sub>β</sub><sup>(n−1)</sup>
 * (from ∂⟨S<sub>γ</sub><sup>(n)</sup>⟩/∂K<sub>β</sub><sup>(n−1)</sup> = D<sub>γβ</sub> = Σ<sub>α</sub> C<sub>γα</sub>T<sub>αβ</sub>).
 * T is not symmetric; its eigenvalues are sorted by magnitude and the real part of the leading one is
 * λ = b<sup>y</sup>: y<sub>t</sub> from the even operators, y<sub>h</sub> from the odd ones (the two sectors
 * decouple by flip symmetry). Errors: jackknife over contiguous bins of samples.
 */
public final class Mcrg {

    /**
     * Result at one level n ≥ 1.
     *
     * @param level            n
     * @param b                scale factor between levels n−1 and n (L<sub>n−1</sub>/L<sub>n</sub>)
     * @param evenOperators    names of the even operators used
     * @param oddOperators     names of the odd operators used
     * @param yT               ln λ<sub>even</sub> / ln b with jackknife error
     * @param yH               ln λ<sub>odd</sub> / ln b with jackknife error
     * @param eigenvaluesEven  real parts of the eigenvalues of T<sub>even</sub>, by decreasing magnitude
     * @param eigenvaluesOdd   the same for T<sub>odd</sub>
     * @param leadingEven      leading even eigenvalue with jackknife error
     * @param leadingOdd       leading odd eigenvalue with jackknife error
     */
    public record Level(int level, double b, List<String> evenOperators, List<String> oddOperators, Estimate yT,
                        Estimate yH, double[] eigenvaluesEven, double[] eigenvaluesOdd, Estimate leadingEven,
                        Estimate leadingOdd) {
    }

    private Mcrg() {
    }

    /**
     * MCRG at every level n ≥ 1 of an iterated coarse-graining (e.g. from
     * {@link Coarsener#iterate(byte[][], Lattice, CoarseGraining, int, long)}). To study accuracy versus operators
     * kept, pass {@link OperatorSet#truncate(int)} sets.
     *
     * @param levels   configurations per level, index i of every level from the same original sample
     * @param lattices the lattice of each level (same length as {@code levels})
     * @param bins     jackknife bins, 2 ≤ bins ≤ samples
     */
    public static List<Level> analyse(List<byte[][]> levels, List<Lattice> lattices, OperatorSet even,
                                      OperatorSet odd, int bins) {
        if (levels.size() != lattices.size()) {
            throw new IllegalArgumentException(levels.size() + " levels of data but " + lattices.size() + " lattices");
        }
        if (levels.size() < 2) {
            throw new IllegalArgumentException("MCRG needs at least two levels (the data and one coarse-graining)");
        }
        int samples = levels.get(0).length;
        if (samples == 0) {
            throw new IllegalArgumentException("cannot run MCRG on an empty ensemble");
        }
        for (byte[][] l : levels) {
            if (l.length != samples) {
                throw new IllegalArgumentException("every level needs the same " + samples + " samples, got " + l.length);
            }
        }
        if (bins < 2 || bins > samples) {
            throw new IllegalArgumentException("jackknife needs 2 ≤ bins ≤ samples = " + samples + ", got " + bins);
        }
        double[][][] evenValues = new double[levels.size()][][];
        double[][][] oddValues = new double[levels.size()][][];
        for (int n = 0; n < levels.size(); n++) {
            evenValues[n] = values(levels.get(n), lattices.get(n), even);
            oddValues[n] = values(levels.get(n), lattices.get(n), odd);
        }
        List<Level> out = new ArrayList<>();
        for (int n = 1; n < levels.size(); n++) {
            double b = (double) lattices.get(n - 1).linearSize() / lattices.get(n).linearSize();
            Sector e = sector(evenValues[n], evenValues[n - 1], bins, b);
            Sector o = sector(oddValues[n], oddValues[n - 1], bins, b);
            out.add(new Level(n, b, even.names(), odd.names(), e.y, o.y, e.eigenvalues, o.eigenvalues, e.leading,
                    o.leading));
        }
        return out;
    }

    /**
     * A lower bound on the heap an MCRG study holds, for refusing one that cannot fit before its ensemble is read:
     * the configurations of every level held (one byte a site, an array per sample) and, for each analysed level,
     * the even and odd operator values of every sample ({@link #values}, an array per sample). The jackknife sums and
     * the matrices are small beside them.
     *
     * @param samples        N, the samples of every level
     * @param sitesPerLevel  the sites of each level held in memory (level 0 first)
     * @param analysedLevels the levels whose operator values are computed (at most {@code sitesPerLevel.length})
     * @return bytes, saturating at {@link Long#MAX_VALUE}
     */
    public static long estimatedBytes(long samples, long[] sitesPerLevel, int analysedLevels, OperatorSet even,
                                      OperatorSet odd) {
        double perArray = 16 + 8; // an array's header and the reference to it
        double bytes = 0;
        for (long sites : sitesPerLevel) {
            bytes += samples * (sites + perArray);
        }
        bytes += (double) analysedLevels * samples * ((even.size() + odd.size()) * (double) Double.BYTES + 2 * perArray);
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /**
     * Coarse-grains {@code configurations} {@code levels} times with {@code rule} (via
     * {@link Coarsener#iterate(byte[][], Lattice, CoarseGraining, int, long)}) and runs {@link #analyse} on the
     * result: the whole MCRG study of one ensemble in one call.
     */
    public static List<Level> run(byte[][] configurations, Lattice lattice, CoarseGraining rule, int levels,
                                  OperatorSet even, OperatorSet odd, int bins, long seed) {
        return analyse(Coarsener.iterate(configurations, lattice, rule, levels, seed),
                Coarsener.lattices(lattice, rule, levels), even, odd, bins);
    }

    /** S<sub>α</sub> of every sample, {@code [sample][α]}. */
    public static double[][] values(byte[][] configurations, Lattice lattice, OperatorSet operators) {
        double[][] v = new double[configurations.length][];
        for (int i = 0; i < configurations.length; i++) {
            v[i] = operators.values(lattice, configurations[i]);
        }
        return v;
    }

    /**
     * T = C⁻¹D from per-sample operator values at level n ({@code coarse[sample][α]}) and n−1
     * ({@code fine[sample][β]}).
     *
     * @throws IllegalArgumentException if C is singular (operators dependent on these data)
     */
    public static double[][] rgMatrix(double[][] coarse, double[][] fine) {
        Moments m = new Moments(coarse[0].length, fine[0].length);
        for (int i = 0; i < coarse.length; i++) {
            m.add(coarse[i], fine[i]);
        }
        return m.rgMatrix();
    }

    /** Eigenvalues of a square (non-symmetric) matrix, sorted by decreasing magnitude, as {re, im} pairs. */
    public static double[][] eigenvaluesByMagnitude(double[][] t) {
        int m = t.length;
        DMatrixRMaj a = new DMatrixRMaj(t);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("eigenvalue decomposition failed");
        }
        double[][] ev = new double[m][];
        for (int i = 0; i < m; i++) {
            Complex_F64 c = eig.getEigenvalue(i);
            ev[i] = new double[] {c.real, c.imaginary};
        }
        Arrays.sort(ev, (x, y) -> Double.compare(Math.hypot(y[0], y[1]), Math.hypot(x[0], x[1])));
        return ev;
    }

    record Sector(Estimate y, Estimate leading, double[] eigenvalues) {
    }

    private static Sector sector(double[][] coarse, double[][] fine, int bins, double b) {
        int samples = coarse.length;
        int mc = coarse[0].length;
        int mf = fine[0].length;
        Moments[] perBin = new Moments[bins];
        for (int k = 0; k < bins; k++) {
            perBin[k] = new Moments(mc, mf);
        }
        for (int i = 0; i < samples; i++) {
            perBin[(int) ((long) i * bins / samples)].add(coarse[i], fine[i]);
        }
        Moments all = new Moments(mc, mf);
        for (Moments p : perBin) {
            all.plus(p, 1);
        }
        double[][] ev = eigenvaluesByMagnitude(all.rgMatrix());
        double[] real = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            real[i] = ev[i][0];
        }
        double lambda = real[0];
        double[] jackLambda = new double[bins];
        double[] jackY = new double[bins];
        for (int k = 0; k < bins; k++) {
            Moments without = new Moments(mc, mf);
            without.plus(all, 1);
            without.plus(perBin[k], -1);
            jackLambda[k] = eigenvaluesByMagnitude(without.rgMatrix())[0][0];
            jackY[k] = Math.log(jackLambda[k]) / Math.log(b);
        }
        return new Sector(Estimate.of(Math.log(lambda) / Math.log(b), jackknifeError(jackY)),
                Estimate.of(lambda, jackknifeError(jackLambda)), real);
    }

    /** √((B−1)/B Σ (θ<sub>k</sub> − θ̄)²); NaN replicas (e.g. a negative λ) give a NaN-free infinite error. */
    static double jackknifeError(double[] replicas) {
        double err = Jackknife.error(replicas);
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    /** Sums for ⟨A⟩, ⟨B⟩, ⟨AAᵀ⟩, ⟨ABᵀ⟩. */
    static final class Moments {
        final int mc;
        final int mf;
        double count;
        final double[] sumA;
        final double[] sumB;
        final double[] sumAA;
        final double[] sumAB;

        Moments(int mc, int mf) {
            this.mc = mc;
            this.mf = mf;
            sumA = new double[mc];
            sumB = new double[mf];
            sumAA = new double[mc * mc];
            sumAB = new double[mc * mf];
        }

        void add(double[] a, double[] b) {
            count++;
            for (int i = 0; i < mc; i++) {
                sumA[i] += a[i];
                for (int j = 0; j < mc; j++) {
                    sumAA[i * mc + j] += a[i] * a[j];
                }
                for (int j = 0; j < mf; j++) {
                    sumAB[i * mf + j] += a[i] * b[j];
                }
            }
            for (int j = 0; j < mf; j++) {
                sumB[j] += b[j];
            }
        }

        void plus(Moments o, double sign) {
            count += sign * o.count;
            for (int i = 0; i < sumA.length; i++) {
                sumA[i] += sign * o.sumA[i];
            }
            for (int i = 0; i < sumB.length; i++) {
                sumB[i] += sign * o.sumB[i];
            }
            for (int i = 0; i < sumAA.length; i++) {
                sumAA[i] += sign * o.sumAA[i];
            }
            for (int i = 0; i < sumAB.length; i++) {
                sumAB[i] += sign * o.sumAB[i];
            }
        }

        /** C<sub>γα</sub> = ⟨A<sub>γ</sub>A<sub>α</sub>⟩ − ⟨A<sub>γ</sub>⟩⟨A<sub>α</sub>⟩. */
        DMatrixRMaj autoCorrelation() {
            DMatrixRMaj c = new DMatrixRMaj(mc, mc);
            for (int i = 0; i < mc; i++) {
                double ai = sumA[i] / count;
                for (int j = 0; j < mc; j++) {
                    c.set(i, j, sumAA[i * mc + j] / count - ai * sumA[j] / count);
                }
            }
            return c;
        }

        /** D<sub>γβ</sub> = ⟨A<sub>γ</sub>B<sub>β</sub>⟩ − ⟨A<sub>γ</sub>⟩⟨B<sub>β</sub>⟩. */
        DMatrixRMaj crossCorrelation() {
            DMatrixRMaj d = new DMatrixRMaj(mc, mf);
            for (int i = 0; i < mc; i++) {
                double ai = sumA[i] / count;
                for (int j = 0; j < mf; j++) {
                    d.set(i, j, sumAB[i * mf + j] / count - ai * sumB[j] / count);
                }
            }
            return d;
        }

        double[][] rgMatrix() {
            return solve(autoCorrelation(), crossCorrelation(), "MCRG correlation matrix C");
        }
    }

    /** X = P⁻¹Q by LU; P must be square and well conditioned. */
    static double[][] solve(DMatrixRMaj p, DMatrixRMaj q, String what) {
        int m = p.numRows;
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(m);
        if (!solver.setA(p) || solver.quality() < 1e-14) {
            throw new IllegalArgumentException(what + " is singular: the " + m
                    + " operators are linearly dependent on these data");
        }
        DMatrixRMaj t = new DMatrixRMaj(m, q.numCols);
        solver.solve(q, t);
        double[][] out = new double[m][q.numCols];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < q.numCols; j++) {
                out[i][j] = t.get(i, j);
            }
        }
        return out;
    }
}
