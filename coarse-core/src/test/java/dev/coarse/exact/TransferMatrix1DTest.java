package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import org.junit.jupiter.api.Test;

class TransferMatrix1DTest {

    /** Agreement with brute-force enumeration: relative for ln Z, absolute for e and C. */
    private static final double ENUMERATION_TOLERANCE = 1e-10;
    /** Closed forms evaluated independently in double precision. */
    private static final double CLOSED_FORM = 1e-13;

    private static final double[] TEMPERATURES = {0.2, 0.5, 1.0, 2.0, 5.0, 50.0};
    private static final double[] FIELDS = {0.0, 0.1, -0.7, 2.0};

    @Test
    void finiteChainMatchesEnumeration() {
        for (int n : new int[] {2, 3, 5, 8, 13, 16}) {
            for (double t : TEMPERATURES) {
                for (double h : FIELDS) {
                    ExactDistribution d = Enumeration.boltzmann(new IsingModel(Lattice.chain(n), t, h));
                    String at = "N=" + n + " T=" + t + " h=" + h;
                    assertThat(TransferMatrix1D.logPartitionFunction(n, t, h)).as(at).isCloseTo(
                            d.logPartitionFunction(), within(ENUMERATION_TOLERANCE * Math.abs(d.logPartitionFunction())));
                    assertThat(TransferMatrix1D.energyPerSite(n, t, h)).as(at)
                            .isCloseTo(d.energyPerSite(), within(ENUMERATION_TOLERANCE));
                    assertThat(TransferMatrix1D.specificHeatPerSite(n, t, h)).as(at)
                            .isCloseTo(d.specificHeatPerSite(), within(ENUMERATION_TOLERANCE));
                    assertThat(TransferMatrix1D.freeEnergyPerSite(n, t, h)).as(at)
                            .isCloseTo(-t * d.logPartitionFunction() / n, within(ENUMERATION_TOLERANCE * Math.max(1, t)));
                    assertThat(TransferMatrix1D.logPartitionFunctionPerSite(n, t, h)).as(at).isCloseTo(
                            d.logPartitionFunction() / n, within(ENUMERATION_TOLERANCE * Math.abs(d.logPartitionFunction())));
                }
            }
        }
    }

    @Test
    void zeroFieldRingMatchesClosedForm() {
        // Z = (2cosh K)^N + (2sinh K)^N (SCIENCE.md §1) for a long ring where the products stay in range.
        int n = 200;
        for (double t : TEMPERATURES) {
            double k = 1 / t;
            double lnZ = n * Math.log(2 * Math.cosh(k)) + Math.log1p(Math.pow(Math.tanh(k), n));
            assertThat(TransferMatrix1D.logPartitionFunction(n, t, 0)).as("T=%s", t)
                    .isCloseTo(lnZ, within(CLOSED_FORM * lnZ));
        }
    }

    @Test
    void infiniteChainZeroFieldClosedForms() {
        for (double t : TEMPERATURES) {
            double k = 1 / t;
            double sech = 1 / Math.cosh(k);
            assertThat(TransferMatrix1D.logPartitionFunctionPerSite(t, 0)).as("T=%s", t)
                    .isCloseTo(Math.log(2 * Math.cosh(k)), within(CLOSED_FORM));
            assertThat(TransferMatrix1D.energyPerSite(t, 0)).as("T=%s", t).isCloseTo(-Math.tanh(k), within(CLOSED_FORM));
            assertThat(TransferMatrix1D.specificHeatPerSite(t, 0)).as("T=%s", t)
                    .isCloseTo(k * k * sech * sech, within(CLOSED_FORM));
            // s = (u − f)/T = β(u − f) is the thermodynamic entropy, which must equal entropyPerSite.
            double s = (TransferMatrix1D.energyPerSite(t, 0) - TransferMatrix1D.freeEnergyPerSite(t, 0)) / t;
            assertThat(TransferMatrix1D.entropyPerSite(k)).as("T=%s", t).isCloseTo(s, within(CLOSED_FORM));
        }
    }

    @Test
    void infiniteChainInFieldIsTheLimitOfLongRings() {
        for (double t : TEMPERATURES) {
            for (double h : FIELDS) {
                // Correction (λ₋/λ₊)^N ≤ tanh^N K is below e^{−900} for N = 10⁷ at these T (the correlation
                // length at T = 0.2, h = 0 is ≈ 1.1·10⁴ sites).
                int n = 10_000_000;
                String at = "T=" + t + " h=" + h;
                assertThat(TransferMatrix1D.energyPerSite(n, t, h)).as(at)
                        .isCloseTo(TransferMatrix1D.energyPerSite(t, h), within(CLOSED_FORM));
                assertThat(TransferMatrix1D.specificHeatPerSite(n, t, h)).as(at)
                        .isCloseTo(TransferMatrix1D.specificHeatPerSite(t, h), within(1e-12));
                assertThat(TransferMatrix1D.freeEnergyPerSite(n, t, h)).as(at)
                        .isCloseTo(TransferMatrix1D.freeEnergyPerSite(t, h), within(CLOSED_FORM * Math.max(1, t)));
            }
        }
    }

    @Test
    void infiniteChainInFieldMatchesEigenvalueFormula() {
        // ln λ₊ straight from λ₊ = e^K cosh βh + √(e^{2K} sinh² βh + e^{−2K}), moderate arguments only.
        for (double t : new double[] {0.5, 1.0, 3.0}) {
            for (double h : FIELDS) {
                double k = 1 / t;
                double y = h / t;
                double lambda = Math.exp(k) * Math.cosh(y)
                        + Math.sqrt(Math.exp(2 * k) * Math.sinh(y) * Math.sinh(y) + Math.exp(-2 * k));
                assertThat(TransferMatrix1D.logPartitionFunctionPerSite(t, h)).as("T=%s h=%s", t, h)
                        .isCloseTo(Math.log(lambda), within(CLOSED_FORM));
            }
        }
    }

    @Test
    void correlationMatchesRingEnumeration() {
        // On a ring of N sites, ⟨s₀s_r⟩ = (t^r + t^{N−r})/(1 + t^N), t = tanh K; the infinite chain drops t^{N−r}.
        int n = 12;
        double k = 0.6;
        ExactDistribution d = Enumeration.boltzmann(IsingModel.atCoupling(Lattice.chain(n), k));
        double t = Math.tanh(k);
        for (int r = 0; r <= 4; r++) {
            double ring = 0;
            for (int code = 0; code < d.stateCount(); code++) {
                byte[] s = d.decode(code);
                ring += d.probabilities()[code] * s[0] * s[r];
            }
            double infinite = TransferMatrix1D.correlation(k, r);
            assertThat(infinite).isCloseTo(Math.pow(t, r), within(CLOSED_FORM));
            assertThat(ring).as("r=%d", r).isCloseTo((infinite + Math.pow(t, n - r)) / (1 + Math.pow(t, n)),
                    within(ENUMERATION_TOLERANCE));
        }
    }

    @Test
    void mutualInformationMatchesPairDistribution() {
        for (double k : new double[] {0.0, 0.1, 0.5, 1.0, 3.0, 40.0}) {
            for (int r = 0; r <= 5; r++) {
                double c = Math.pow(Math.tanh(k), r);
                // I = Σ P ln(P / (½·½)) over the four pairs with P(s, s') = (1 + c s s')/4.
                double direct = 0;
                for (int ss : new int[] {1, 1, -1, -1}) {
                    double p = (1 + c * ss) / 4;
                    if (p > 0) {
                        direct += p * Math.log(4 * p);
                    }
                }
                assertThat(TransferMatrix1D.mutualInformation(k, r)).as("K=%s r=%d", k, r)
                        .isCloseTo(direct, within(CLOSED_FORM));
            }
        }
        assertThat(TransferMatrix1D.mutualInformation(1.0, 0)).isCloseTo(Math.log(2), within(CLOSED_FORM));
    }

    @Test
    void mutualInformationMatchesRingEnumerationAtWeakCoupling() {
        // Ring of 20 at K = 0.2: the ring's correlation differs from tanh^r K by about tanh^{N−r} K ≤ 1e-12.
        int n = 20;
        double k = 0.2;
        ExactDistribution d = Enumeration.boltzmann(IsingModel.atCoupling(Lattice.chain(n), k));
        for (int r = 1; r <= 3; r++) {
            double[] joint = new double[4];
            for (int code = 0; code < d.stateCount(); code++) {
                byte[] s = d.decode(code);
                joint[(s[0] > 0 ? 2 : 0) + (s[r] > 0 ? 1 : 0)] += d.probabilities()[code];
            }
            double mi = 0;
            for (double p : joint) {
                mi += p * Math.log(4 * p);
            }
            assertThat(TransferMatrix1D.mutualInformation(k, r)).as("r=%d", r).isCloseTo(mi, within(1e-11));
        }
    }

    @Test
    void blockEntropyMatchesMarkovChainEnumeration() {
        for (double k : new double[] {0.0, 0.3, 1.0, 4.0}) {
            double stay = (1 + Math.tanh(k)) / 2;
            for (int n = 1; n <= 10; n++) {
                // Enumerate the 2^n sequences: P = ½ ∏ (stay or 1 − stay).
                double h = 0;
                for (int code = 0; code < (1 << n); code++) {
                    double p = 0.5;
                    for (int i = 1; i < n; i++) {
                        boolean same = ((code >> i) & 1) == ((code >> (i - 1)) & 1);
                        p *= same ? stay : 1 - stay;
                    }
                    if (p > 0) {
                        h -= p * Math.log(p);
                    }
                }
                assertThat(TransferMatrix1D.blockEntropy(k, n)).as("K=%s n=%d", k, n).isCloseTo(h, within(1e-12));
            }
        }
    }

    @Test
    void blockEntropyMatchesRingMarginalAtWeakCoupling() {
        // Marginal of 4 consecutive spins of a ring of 20 at K = 0.2 equals the infinite-chain block up to
        // corrections of order tanh^{16} K ≈ 5e-12.
        int n = 20;
        int block = 4;
        double k = 0.2;
        ExactDistribution d = Enumeration.boltzmann(IsingModel.atCoupling(Lattice.chain(n), k));
        double[] marginal = new double[1 << block];
        for (int code = 0; code < d.stateCount(); code++) {
            marginal[code & ((1 << block) - 1)] += d.probabilities()[code];
        }
        double h = 0;
        for (double p : marginal) {
            h -= p * Math.log(p);
        }
        assertThat(TransferMatrix1D.blockEntropy(k, block)).isCloseTo(h, within(1e-10));
        // Entropy rate: H_{n+1} − H_n = entropyPerSite.
        assertThat(TransferMatrix1D.blockEntropy(k, 7) - TransferMatrix1D.blockEntropy(k, 6))
                .isCloseTo(TransferMatrix1D.entropyPerSite(k), within(CLOSED_FORM));
    }

    @Test
    void finiteForExtremeArguments() {
        for (double t : new double[] {0.01, 0.05, 1.0, 1e6}) {
            for (double h : new double[] {0, 1e-9, 2.9, -2.9}) {
                for (int n : new int[] {2, 3, 1_000_000}) {
                    assertThat(Double.isFinite(TransferMatrix1D.logPartitionFunction(n, t, h))
                            && Double.isFinite(TransferMatrix1D.energyPerSite(n, t, h))
                            && Double.isFinite(TransferMatrix1D.specificHeatPerSite(n, t, h)))
                            .as("N=%d T=%s h=%s", n, t, h).isTrue();
                }
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> TransferMatrix1D.energyPerSite(1, 1.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferMatrix1D.energyPerSite(4, -1.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferMatrix1D.energyPerSite(4, 1.0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferMatrix1D.correlation(-0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferMatrix1D.correlation(0.1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferMatrix1D.blockEntropy(0.1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
