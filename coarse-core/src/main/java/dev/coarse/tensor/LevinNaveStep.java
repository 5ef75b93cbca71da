package dev.coarse.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One step of TRG (Levin &amp; Nave, PRL 99, 120601 (2007)) or of bond-weighted TRG (Adachi, Okubo &amp; Todo, PRB
 * 105, L060402 (2022)) on a uniform network: N tensors become N/2 on a lattice turned by 45°.
 *
 * <p>Every tensor is split twice by a truncated SVD: as T(l,u,r,d) = Σ<sub>m</sub> F1(l,u,m) F3(m,r,d) (the
 * "A" split, M<sub>A</sub> = [(l,u),(r,d)]) and as Σ<sub>m</sub> P(l,d,m) Q(m,u,r) (the "B" split,
 * M<sub>B</sub> = [(l,d),(u,r)]); a checkerboard uses A on one sublattice and B on the other. With M = U S V<sup>T</sup>
 * the halves are U S<sup>(1−k)/2</sup> and S<sup>(1−k)/2</sup> V<sup>T</sup> and the new bond carries the weight
 * S<sup>k</sup>: k = 0 is TRG, k = −1/2 the bond-weighted scheme's optimum. The four halves around a plaquette — Q
 * of its lower-left site, F1 of the lower-right, F3 of the upper-left, P of the upper-right — contract, with the old
 * weights on the four inner bonds, into the new tensor T'(m<sub>Q</sub>, m<sub>F3</sub>, m<sub>P</sub>,
 * m<sub>F1</sub>) (left, up, right, down of the turned lattice). New horizontal bonds carry S<sub>B</sub><sup>k</sup>,
 * new vertical ones S<sub>A</sub><sup>k</sup>. Cost O(χ⁶) (the SVDs of χ²×χ² matrices and the last product).
 */
final class LevinNaveStep {

    /** The tensor and bond weights after one step, and what the step cut. */
    record Result(Tensor4 tensor, double[] horizontal, double[] vertical, double error, double[] spectrum) {
    }

    private LevinNaveStep() {
    }

    /**
     * @param t          the tensor (left = right and up = down dimensions)
     * @param horizontal weights on horizontal bonds (null: 1)
     * @param vertical   weights on vertical bonds (null: 1)
     * @param k          the bond-weight exponent (0: TRG)
     */
    static Result apply(Tensor4 t, double[] horizontal, double[] vertical, int chi, double k) {
        int dh = t.left();
        int dv = t.up();
        double half = (1 - k) / 2;
        double[] data = t.data();

        TruncatedSvd a = TruncatedSvd.of(new DMatrixRMaj(dh * dv, dh * dv, true, data), chi);
        double[] mb = Axes.permute(data, t.shape(), 0, 3, 1, 2);
        TruncatedSvd b = TruncatedSvd.of(new DMatrixRMaj(dh * dv, dv * dh, true, mb), chi);
        int ka = a.s().length;
        int kb = b.s().length;

        // F1(l, u, m) = U_A S_A^half as an l × (u, m) matrix
        DMatrixRMaj f1 = scaledColumns(a.u(), a.s(), half);
        f1.reshape(dh, dv * ka);
        // F3(m, r, d) = S_A^half V_A^T, permuted to rows (m, d), columns r, times the horizontal weight on r
        double[] f3 = scaledRows(a.vt(), a.s(), half).data;
        double[] f3p = Axes.permute(f3, new int[] {ka, dh, dv}, 0, 2, 1);
        DMatrixRMaj f3m = new DMatrixRMaj(ka * dv, dh, true, f3p);
        weighColumns(f3m, horizontal);
        // P(l, d, m) = U_B S_B^half as an l × (d, m) matrix
        DMatrixRMaj p = scaledColumns(b.u(), b.s(), half);
        p.reshape(dh, dv * kb);
        // Q(m, u, r) = S_B^half V_B^T as a (m, u) × r matrix, times the horizontal weight on r
        DMatrixRMaj q = scaledRows(b.vt(), b.s(), half);
        q.reshape(kb * dv, dh);
        weighColumns(q, horizontal);

        // X(m1, β, γ, m2) = Σ_α Q(m1, β, α) w_α F1(α, γ, m2); Y(m3, β, γ, m4) = Σ_δ F3(m3, δ, β) w_δ P(δ, γ, m4)
        DMatrixRMaj x = new DMatrixRMaj(kb * dv, dv * ka);
        CommonOps_DDRM.mult(q, f1, x);
        DMatrixRMaj y = new DMatrixRMaj(ka * dv, dv * kb);
        CommonOps_DDRM.mult(f3m, p, y);
        // T'(m1, m2, m3, m4) = Σ_{β,γ} X(m1, β, γ, m2) v_β v_γ Y(m3, β, γ, m4)
        double[] x2 = Axes.permute(x.data, new int[] {kb, dv, dv, ka}, 0, 3, 1, 2);
        if (vertical != null) {
            for (int row = 0; row < kb * ka; row++) {
                for (int beta = 0; beta < dv; beta++) {
                    for (int gamma = 0; gamma < dv; gamma++) {
                        x2[(row * dv + beta) * dv + gamma] *= vertical[beta] * vertical[gamma];
                    }
                }
            }
        }
        double[] y2 = Axes.permute(y.data, new int[] {ka, dv, dv, kb}, 1, 2, 0, 3);
        DMatrixRMaj r = new DMatrixRMaj(kb * ka, ka * kb);
        CommonOps_DDRM.mult(new DMatrixRMaj(kb * ka, dv * dv, true, x2), new DMatrixRMaj(dv * dv, ka * kb, true, y2),
                r);
        // R[(m1, m2), (m3, m4)] → T'(l = m1, u = m3, r = m4, d = m2)
        double[] next = Axes.permute(r.data, new int[] {kb, ka, ka, kb}, 0, 2, 3, 1);
        Tensor4 tensor = new Tensor4(kb, ka, kb, ka, next);
        double[] newHorizontal = k == 0 ? null : powers(b.s(), k);
        double[] newVertical = k == 0 ? null : powers(a.s(), k);
        return new Result(tensor, newHorizontal, newVertical, Math.max(a.error(), b.error()), a.spectrum());
    }

    private static DMatrixRMaj scaledColumns(DMatrixRMaj u, double[] s, double power) {
        DMatrixRMaj out = u.copy();
        int k = s.length;
        for (int row = 0; row < out.numRows; row++) {
            for (int c = 0; c < k; c++) {
                out.data[row * k + c] *= Math.pow(s[c], power);
            }
        }
        return out;
    }

    private static DMatrixRMaj scaledRows(DMatrixRMaj vt, double[] s, double power) {
        DMatrixRMaj out = vt.copy();
        int cols = out.numCols;
        for (int row = 0; row < s.length; row++) {
            double f = Math.pow(s[row], power);
            for (int c = 0; c < cols; c++) {
                out.data[row * cols + c] *= f;
            }
        }
        return out;
    }

    private static void weighColumns(DMatrixRMaj m, double[] weights) {
        if (weights == null) {
            return;
        }
        for (int row = 0; row < m.numRows; row++) {
            for (int c = 0; c < m.numCols; c++) {
                m.data[row * m.numCols + c] *= weights[c];
            }
        }
    }

    private static double[] powers(double[] s, double k) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Math.pow(s[i], k);
        }
        return out;
    }
}
