package dev.coarse.learn.rsmi;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * What a learned filter is, in numbers: its alignment with the block spin, the share of its weight on a subset of
 * inputs, and how much of a reference subspace (the dimers' electric field) its rows span.
 */
public final class FilterMeasures {

    private FilterMeasures() {
    }

    /**
     * |cos| of the angle between a filter row and the block sum (1, …, 1): 1 for the block spin, up to sign.
     *
     * @throws IllegalArgumentException for an empty or all-zero row
     */
    public static double cosineWithBlockSum(double[] row) {
        double dot = 0;
        double norm = 0;
        for (double w : row) {
            dot += w;
            norm += w * w;
        }
        if (row.length == 0 || norm == 0) {
            throw new IllegalArgumentException("the filter row is empty or all zero");
        }
        return Math.abs(dot) / Math.sqrt(norm * row.length);
    }

    /** The largest {@link #cosineWithBlockSum} over the rows of Λ. */
    public static double cosineWithBlockSum(double[][] weights) {
        double best = 0;
        for (double[] row : weights) {
            best = Math.max(best, cosineWithBlockSum(row));
        }
        return best;
    }

    /**
     * The share of the filter's weight norm on the inputs at {@code offset} of every group of {@code period}: with
     * V read as sites × m values, {@code (m, k)} picks value k of every site (e.g. the decoys, k = 1 of m = 2).
     * ‖Λ restricted‖<sub>F</sub> / ‖Λ‖<sub>F</sub>, in [0, 1].
     */
    public static double weightShare(double[][] weights, int period, int offset) {
        if (period < 1 || offset < 0 || offset >= period) {
            throw new IllegalArgumentException("need 0 <= offset < period, got " + offset + ", " + period);
        }
        double part = 0;
        double all = 0;
        for (double[] row : weights) {
            for (int i = 0; i < row.length; i++) {
                all += row[i] * row[i];
                if (i % period == offset) {
                    part += row[i] * row[i];
                }
            }
        }
        return all == 0 ? 0 : Math.sqrt(part / all);
    }

    /**
     * The overlap of the span of {@code rows} with the span of {@code reference}: tr(P<sub>A</sub>P<sub>B</sub>)/r,
     * the mean of cos² of the principal angles, r the smaller of the two ranks (rows assumed independent). 1 when one
     * span contains the other, 0 when they are orthogonal.
     *
     * @throws IllegalArgumentException if the vectors have different lengths or a set is linearly dependent
     */
    public static double subspaceOverlap(double[][] rows, double[][] reference) {
        DMatrixRMaj a = projector(rows);
        DMatrixRMaj b = projector(reference);
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException("vectors of " + a.numRows + " and " + b.numRows + " components");
        }
        DMatrixRMaj product = new DMatrixRMaj(a.numRows, a.numRows);
        CommonOps_DDRM.mult(a, b, product);
        return CommonOps_DDRM.trace(product) / Math.min(rows.length, reference.length);
    }

    /** P = A(AᵀA)⁻¹Aᵀ, A with the vectors as columns. */
    private static DMatrixRMaj projector(double[][] vectors) {
        int n = vectors[0].length;
        DMatrixRMaj a = new DMatrixRMaj(n, vectors.length);
        for (int j = 0; j < vectors.length; j++) {
            if (vectors[j].length != n) {
                throw new IllegalArgumentException("vectors of " + n + " and " + vectors[j].length + " components");
            }
            for (int i = 0; i < n; i++) {
                a.set(i, j, vectors[j][i]);
            }
        }
        DMatrixRMaj gram = new DMatrixRMaj(vectors.length, vectors.length);
        CommonOps_DDRM.multTransA(a, a, gram);
        if (!CommonOps_DDRM.invert(gram)) {
            throw new IllegalArgumentException("the vectors are linearly dependent");
        }
        DMatrixRMaj ag = new DMatrixRMaj(n, vectors.length);
        CommonOps_DDRM.mult(a, gram, ag);
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(ag, a, p);
        return p;
    }

    /**
     * The electric field of close-packed dimers summed over a b×b block of a square lattice, as vectors over the
     * block's 2b² bond occupations in {@link RsmiGeometry}'s order (site (r, c) of the block row-major, then its
     * bond along axis 0, then along axis 1): component a is E<sub>a</sub> = Σ<sub>(r,c)∈V</sub>
     * (−1)<sup>r+c</sup> n<sub>(r,c),a</sub>, the staggered sum of the occupations of the bonds along axis a
     * leaving the block's sites. (The field of a bond is (−1)<sup>r+c</sup>(n − ¼) along its axis; the ¼ cancels in
     * a block of even side.)
     */
    public static double[][] electricField(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be at least 1, got " + blockSize);
        }
        double[][] field = new double[2][2 * blockSize * blockSize];
        for (int r = 0; r < blockSize; r++) {
            for (int c = 0; c < blockSize; c++) {
                int site = r * blockSize + c;
                double sign = ((r + c) & 1) == 0 ? 1 : -1;
                field[0][2 * site] = sign;
                field[1][2 * site + 1] = sign;
            }
        }
        return field;
    }
}
