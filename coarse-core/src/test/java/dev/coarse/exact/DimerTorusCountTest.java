package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DimerTorusCountTest {

    /** Agreement of ln Z computed two ways (sums of up to L²/4 logarithms). */
    private static final double LOG_AGREEMENT = 1e-11;

    /**
     * OEIS A335586, "Number of domino tilings of a 2n X 2n toroidal grid" (https://oeis.org/A335586), n = 1 … 9,
     * i.e. the L×L torus for L = 2, 4, …, 18 (the value for L = 2 counts the doubled bonds of the 2×2 torus).
     */
    private static final String[] OEIS_A335586 = {"8", "272", "90176", "311853312", "11203604497408",
        "4161957566985310208", "15954943354032349049274368", "630665326543010382995142219988992",
        "256955886436135671144699761794930161483776"};

    @Test
    void matchesThePublishedCountsOfSmallTori() {
        for (int i = 0; i < OEIS_A335586.length; i++) {
            int l = 2 * (i + 1);
            double published = Math.log(new BigInteger(OEIS_A335586[i]).doubleValue());
            assertThat(DimerTorusCount.logCoverings(l)).as("L = %d", l).isCloseTo(published, within(LOG_AGREEMENT));
        }
    }

    @Test
    void matchesARowTransferMatrixCountedInIntegers() {
        // a method that shares nothing with Kasteleyn's: Z = Tr T^L over the states of one row
        for (int l : new int[] {4, 6, 8}) {
            long count = RowTransferMatrix.coverings(l);
            assertThat(Math.round(Math.exp(DimerTorusCount.logCoverings(l)))).as("L = %d", l).isEqualTo(count);
        }
        assertThat(RowTransferMatrix.coverings(8)).isEqualTo(311853312L);
    }

    @Test
    void entropyPerSiteApproachesCatalanOverPiFromAboveAsOneOverLSquared() {
        assertThat(DimerTorusCount.ENTROPY_PER_SITE).isCloseTo(0.2915609, within(5e-8)); // SCIENCE.md §1
        double previous = Double.POSITIVE_INFINITY;
        for (int l = 4; l <= 256; l *= 2) {
            double s = DimerTorusCount.entropyPerSite(l);
            assertThat(s).as("L = %d", l).isGreaterThan(DimerTorusCount.ENTROPY_PER_SITE).isLessThan(previous);
            previous = s;
        }
        // ln Z = (G/π) L² + ln(1 + √2) + c/L² with c ≈ 0.80 (measured here: 0.806 at L = 64 … 256), so the
        // entropy per site is G/π + ln(1 + √2)/L² + O(1/L⁴)
        for (int l = 16; l <= 256; l *= 2) {
            double remainder = DimerTorusCount.logCoverings(l) - DimerTorusCount.ENTROPY_PER_SITE * l * l
                    - DimerTorusCount.LOG_TORUS_CONSTANT;
            assertThat(remainder * l * l).as("L = %d", l).isBetween(0.75, 1.25);
        }
        assertThat(DimerTorusCount.LOG_TORUS_CONSTANT).isCloseTo(Math.log(1 + Math.sqrt(2)), within(1e-15));
    }

    @Test
    void refusesOddOrTinyTori() {
        assertThatThrownBy(() -> DimerTorusCount.logCoverings(5)).hasMessageContaining("even L ≥ 2, got L = 5");
        assertThatThrownBy(() -> DimerTorusCount.logCoverings(0)).hasMessageContaining("got L = 0");
    }

    /**
     * The number of coverings of the L×L torus by a transfer matrix along x: a row is the L sites of one x, its
     * state the set of them already covered by x-dimers from the row before; T[s][s'] counts the ways to cover the
     * rest of the row by y-dimers (around the ring of L sites) when the sites in s' send x-dimers on.
     */
    static final class RowTransferMatrix {

        static long coverings(int l) {
            int states = 1 << l;
            long[][] t = new long[states][states];
            for (int s = 0; s < states; s++) {
                for (int next = 0; next < states; next++) {
                    if ((s & next) == 0) {
                        t[s][next] = ringMatchings(~(s | next) & (states - 1), l);
                    }
                }
            }
            long[][] power = identity(states);
            for (int i = 0; i < l; i++) {
                power = multiply(power, t);
            }
            long trace = 0;
            for (int s = 0; s < states; s++) {
                trace += power[s][s];
            }
            return trace;
        }

        /** Perfect matchings of the sites in {@code set} by bonds of the ring of {@code l} sites. */
        private static long ringMatchings(int set, int l) {
            if (set == (1 << l) - 1) {
                return 2; // the whole ring, l even: two ways
            }
            int start = 0;
            while ((set >> start & 1) == 1) {
                start++;
            }
            int run = 0;
            for (int i = 1; i <= l; i++) { // walk once around the ring from a site outside the set
                if ((set >> ((start + i) % l) & 1) == 1) {
                    run++;
                } else {
                    if (run % 2 != 0) {
                        return 0;
                    }
                    run = 0;
                }
            }
            return 1;
        }

        private static long[][] identity(int n) {
            long[][] m = new long[n][n];
            for (int i = 0; i < n; i++) {
                m[i][i] = 1;
            }
            return m;
        }

        private static long[][] multiply(long[][] a, long[][] b) {
            int n = a.length;
            long[][] c = new long[n][n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    if (a[i][k] != 0) {
                        for (int j = 0; j < n; j++) {
                            c[i][j] += a[i][k] * b[k][j];
                        }
                    }
                }
            }
            return c;
        }
    }
}
