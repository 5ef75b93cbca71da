package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KaufmanTest {

    /** Agreement with brute-force enumeration: relative for ln Z, absolute for e and C. */
    private static final double ENUMERATION_TOLERANCE = 1e-10;
    /** L = 256 against Onsager away from T_c: finite-size corrections there are exponentially small. */
    private static final double THERMODYNAMIC_LIMIT_TOLERANCE = 1e-4;
    /** Relative agreement of ln Z with the independent row-transfer-matrix product (L − 1 rescaled products). */
    private static final double TRANSFER_MATRIX_TOLERANCE = 1e-12;

    private static final double TC = Onsager.CRITICAL_TEMPERATURE;
    private static final double[] TEMPERATURES = {0.5, 1.0, 1.5, 2.0, 2.2, TC, 2.3, 2.5, 3.0, 4.0, 10.0, 100.0};

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void matchesEnumeration(int L) {
        for (double t : TEMPERATURES) {
            ExactDistribution d = Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(L), t));
            double lnZ = Kaufman.logPartitionFunction(L, t);
            assertThat(lnZ).as("ln Z, L=%d T=%s", L, t)
                    .isCloseTo(d.logPartitionFunction(), within(ENUMERATION_TOLERANCE * Math.abs(d.logPartitionFunction())));
            assertThat(Kaufman.energyPerSite(L, t)).as("e, L=%d T=%s", L, t)
                    .isCloseTo(d.energyPerSite(), within(ENUMERATION_TOLERANCE));
            assertThat(Kaufman.specificHeatPerSite(L, t)).as("C, L=%d T=%s", L, t)
                    .isCloseTo(d.specificHeatPerSite(), within(ENUMERATION_TOLERANCE));
            assertThat(Kaufman.freeEnergyPerSite(L, t)).as("f, L=%d T=%s", L, t)
                    .isCloseTo(-t * d.logPartitionFunction() / (L * L), within(ENUMERATION_TOLERANCE * t));
            assertThat(Kaufman.logPartitionFunctionPerSite(L, t)).as("ln Z / N, L=%d T=%s", L, t)
                    .isCloseTo(d.logPartitionFunction() / (L * L), within(ENUMERATION_TOLERANCE * Math.abs(lnZ)));
        }
    }

    /**
     * Independent check beyond enumeration's reach, including odd L = 5, 7: ln Z = ln Tr T^L with the
     * 2^L × 2^L row-to-row transfer matrix, built directly from the bonds (rows periodic, as in Lattice).
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 6, 7})
    void matchesRowTransferMatrix(int L) {
        for (double t : new double[] {1.0, 2.0, TC, 3.0, 6.0}) {
            double expected = rowTransferMatrixLogZ(L, 1 / t);
            assertThat(Kaufman.logPartitionFunction(L, t)).as("ln Z, L=%d T=%s", L, t)
                    .isCloseTo(expected, within(TRANSFER_MATRIX_TOLERANCE * expected));
        }
        // Energy and specific heat as five-point β-derivatives of the transfer-matrix ln Z per site. Steps
        // balance truncation (h⁴ times the fifth derivative, large at T_c) against rounding (~1e-14/h^order).
        double n = (double) L * L;
        double t = TC;
        double beta = 1 / t;
        double[] fe = fivePoints(L, beta, 3e-4);
        double[] fc = fivePoints(L, beta, 1e-3);
        double first = (fe[0] - 8 * fe[1] + 8 * fe[3] - fe[4]) / (12 * 3e-4) / n;
        double second = (-fc[0] + 16 * fc[1] - 30 * fc[2] + 16 * fc[3] - fc[4]) / (12 * 1e-3 * 1e-3) / n;
        assertThat(Kaufman.energyPerSite(L, t)).as("e, L=%d", L).isCloseTo(-first, within(1e-9));
        assertThat(Kaufman.specificHeatPerSite(L, t)).as("C, L=%d", L).isCloseTo(beta * beta * second, within(1e-6));
    }

    private static double[] fivePoints(int L, double beta, double step) {
        double[] f = new double[5];
        for (int i = 0; i < 5; i++) {
            f[i] = rowTransferMatrixLogZ(L, beta + (i - 2) * step);
        }
        return f;
    }

    /** ln Tr T^L, T(σ, σ') = exp(K[Σ_j s_j s_{j+1} + Σ_j s_j s'_j]) over rows σ of L periodic spins. */
    private static double rowTransferMatrixLogZ(int L, double k) {
        int m = 1 << L;
        double[][] transfer = new double[m][m];
        for (int a = 0; a < m; a++) {
            int row = 0;
            for (int j = 0; j < L; j++) {
                row += spin(a, j) * spin(a, (j + 1) % L);
            }
            for (int b = 0; b < m; b++) {
                int inter = 0;
                for (int j = 0; j < L; j++) {
                    inter += spin(a, j) * spin(b, j);
                }
                transfer[a][b] = Math.exp(k * (row + inter - 2 * L)); // shifted by e^{−2LK} per row
            }
        }
        double logScale = 2.0 * L * L * k;
        double[][] power = transfer;
        for (int p = 1; p < L; p++) {
            double[][] next = new double[m][m];
            double max = 0;
            for (int a = 0; a < m; a++) {
                for (int c = 0; c < m; c++) {
                    double x = power[a][c];
                    for (int b = 0; b < m; b++) {
                        next[a][b] += x * transfer[c][b];
                    }
                }
                for (int b = 0; b < m; b++) {
                    max = Math.max(max, next[a][b]);
                }
            }
            for (double[] r : next) {
                for (int b = 0; b < m; b++) {
                    r[b] /= max;
                }
            }
            logScale += Math.log(max);
            power = next;
        }
        double trace = 0;
        for (int a = 0; a < m; a++) {
            trace += power[a][a];
        }
        return logScale + Math.log(trace);
    }

    private static int spin(int row, int j) {
        return ((row >> j) & 1) == 1 ? 1 : -1;
    }

    @Test
    void gammaZeroSignAboveTcRegression() {
        // Above T_c, γ₀ = 2K + ln tanh K < 0 and Y₄ < 0; using |γ₀| would give a different (wrong) Z.
        double t = 3.0;
        double k = 1 / t;
        assertThat(2 * k + Math.log(Math.tanh(k))).isNegative();
        ExactDistribution d = Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(4), t));
        assertThat(Kaufman.logPartitionFunction(4, t))
                .isCloseTo(d.logPartitionFunction(), within(ENUMERATION_TOLERANCE * d.logPartitionFunction()));
    }

    @Test
    void finiteEverywhereOnSizeTemperatureGrid() {
        double[] temps = {0.01, 0.1, 0.5, 1.0, 2.0, 2.25, TC, Math.nextDown(TC), Math.nextUp(TC), 2.3, 3.0, 4.0,
            10.0, 1e3, 1e6};
        for (int L = 2; L <= 256; L++) {
            for (double t : temps) {
                double lnZ = Kaufman.logPartitionFunction(L, t);
                double e = Kaufman.energyPerSite(L, t);
                double c = Kaufman.specificHeatPerSite(L, t);
                assertThat(Double.isFinite(lnZ) && Double.isFinite(e) && Double.isFinite(c))
                        .as("finite at L=%d T=%s: lnZ=%s e=%s C=%s", L, t, lnZ, e, c).isTrue();
                // Physical bounds: −2 ≤ e ≤ 0 (ferromagnet at T > 0; L = 2 doubles bonds, still 2N bonds),
                // C ≥ 0, and ln 2 ≤ ln Z/N ≤ ln 2 + 2K.
                assertThat(e).as("e at L=%d T=%s", L, t).isBetween(-2.0 - 1e-12, 1e-12);
                assertThat(c).as("C at L=%d T=%s", L, t).isGreaterThanOrEqualTo(-1e-9);
                double perSite = lnZ / ((double) L * L);
                assertThat(perSite).as("lnZ/N at L=%d T=%s", L, t)
                        .isBetween(Math.log(2) - 1e-12, Math.log(2) + 2 / t + 1e-9);
            }
        }
    }

    @Test
    void approachesOnsagerAwayFromTc() {
        for (double t : new double[] {1.0, 1.5, 2.0, 3.0, 4.0}) {
            assertThat(Kaufman.logPartitionFunction(256, t) / (256.0 * 256))
                    .as("lnZ/N T=%s", t).isCloseTo(Onsager.logPartitionFunctionPerSite(t),
                            within(THERMODYNAMIC_LIMIT_TOLERANCE));
            assertThat(Kaufman.energyPerSite(256, t)).as("e T=%s", t)
                    .isCloseTo(Onsager.energyPerSite(t), within(THERMODYNAMIC_LIMIT_TOLERANCE));
            assertThat(Kaufman.specificHeatPerSite(256, t)).as("C T=%s", t)
                    .isCloseTo(Onsager.specificHeatPerSite(t), within(THERMODYNAMIC_LIMIT_TOLERANCE));
        }
    }

    @Test
    void convergesMonotonicallyTowardsOnsagerEnergyAtTc() {
        // At T_c, e(L) − u(T_c) = O(1/L) (Ferdinand & Fisher, Phys. Rev. 185, 832 (1969)): errors shrink
        // roughly by 2 per doubling of L.
        double previous = Double.POSITIVE_INFINITY;
        for (int L = 16; L <= 256; L *= 2) {
            double err = Math.abs(Kaufman.energyPerSite(L, TC) - Onsager.energyPerSite(TC));
            assertThat(err).as("|e(L) − u| at L=%d", L).isLessThan(previous);
            assertThat(err * L).as("L·|e(L) − u| at L=%d", L).isBetween(0.1, 2.0);
            previous = err;
        }
        // ln Z/N at T_c: correction O(1/L²).
        double lnZ256 = Kaufman.logPartitionFunction(256, TC) / (256.0 * 256);
        assertThat(lnZ256).isCloseTo(0.9296953983416102, within(1e-5));
    }

    @Test
    void specificHeatAtTcGrowsLogarithmically() {
        // Ferdinand & Fisher (1969) Eq. 3.20: C(L, T_c) = (8 K_c²/π) ln L + const + O(ln L / L),
        // i.e. C(2L) − C(L) → (8 K_c²/π) ln 2 ≈ 0.3433.
        double slope = 8 * Onsager.CRITICAL_COUPLING * Onsager.CRITICAL_COUPLING / Math.PI * Math.log(2);
        double c128 = Kaufman.specificHeatPerSite(128, TC);
        double c256 = Kaufman.specificHeatPerSite(256, TC);
        assertThat(c256 - c128).isCloseTo(slope, within(1e-2 * slope));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Kaufman.logPartitionFunction(1, 2.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kaufman.energyPerSite(4, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kaufman.energyPerSite(4, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kaufman.specificHeatPerSite(4, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
