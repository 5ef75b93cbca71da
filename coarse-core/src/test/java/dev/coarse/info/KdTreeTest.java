package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KdTreeTest {

    @Test
    void sortedCountUsesTheExactCriterionWhereRoundedBoundsWouldMiscount() {
        // 0.1 + 0.2 rounds to 0.30000000000000004 > 0.3, so a bound test x < c + r would wrongly include 0.3
        double[] sorted = {-1, 0.1, 0.3, 0.30000000000000004, 2};
        int brute = 0;
        for (double v : sorted) {
            if (Math.abs(v - 0.1) < 0.2) {
                brute++;
            }
        }
        assertThat(KsgEstimator.countWithinSorted(sorted, 0.1, 0.2)).isEqualTo(brute);
    }

    @Test
    void neighbourDistancesAndCountsMatchBruteForceIncludingTies() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 700;
        for (int d = 1; d <= 4; d++) {
            double[] pts = new double[n * d];
            for (int i = 0; i < pts.length; i++) {
                // rounding creates many exact ties and duplicates
                pts[i] = Math.rint(rng.nextGaussian() * 4) / 4;
            }
            KdTree tree = new KdTree(pts, n, d);
            double[] scratch = new double[8];
            double[] q = new double[d];
            for (int i = 0; i < n; i += 7) {
                System.arraycopy(pts, i * d, q, 0, d);
                double[] dist = new double[n];
                for (int j = 0; j < n; j++) {
                    double m = 0;
                    for (int a = 0; a < d; a++) {
                        m = Math.max(m, Math.abs(pts[j * d + a] - q[a]));
                    }
                    dist[j] = m;
                }
                double[] sorted = dist.clone();
                Arrays.sort(sorted);
                for (int k = 1; k <= 8; k++) {
                    assertThat(tree.kthNearestDistance(q, k, scratch)).isEqualTo(sorted[k - 1]);
                }
                double radius = sorted[5];
                int expected = 0;
                for (double x : dist) {
                    if (x < radius) {
                        expected++;
                    }
                }
                assertThat(tree.countWithin(q, radius)).isEqualTo(expected);
                if (d == 1) {
                    double[] sortedPoints = pts.clone();
                    Arrays.sort(sortedPoints);
                    assertThat(KsgEstimator.countWithinSorted(sortedPoints, q[0], radius)).isEqualTo(expected);
                }
            }
        }
    }
}
