package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.rg.MatchedMcrg.Form;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's matched-lattice check at the size: 2D Ising at T<sub>c</sub>, L = 64 against L = 32, 20,000
 * Wolff samples per run, majority b = 2 (coin ties), 4 even and 2 odd operators, matched levels 1–3 (64 → 32 / 32,
 * 64 → 16 / 32 → 16, 64 → 8 / 32 → 8), four independent seed pairs (L run seed s, L/b run seed s + 1000, s = 1 … 4),
 * beside {@link Mcrg} on the same L runs. Prints the table of docs/rg.md.
 *
 * <p>Asserted: for levels 2 and 3 the mean y<sub>h</sub> over the four seeds lies within 3σ of 15/8 (σ the error of
 * the mean from the four jackknife errors; 0.3% false failures each if the errors are right), every seed within the
 * issue's 0.5%; level-2 y<sub>t</sub> mean within 3σ of 1. Level-3 y<sub>t</sub> is not asserted: with 4 even
 * operators the L/b run's ∂K<sup>(2)</sup>/∂K<sup>(0)</sup> is nearly singular on an 8×8 final lattice and a noise
 * eigenvalue can lead (docs/rg.md).
 */
@Tag("long")
class MatchedMcrgIsingLongTest {

    private static final int SEEDS = 4;
    private static final int LEVELS = 3;

    @Test
    void levelsTwoAndThreeAtL64() {
        MajorityRule rule = new MajorityRule(2, TieBreak.COIN);
        OperatorSet even = OperatorSet.standardEven(2).truncate(4);
        OperatorSet odd = OperatorSet.standardOdd(2).truncate(2);
        double[] sum = new double[LEVELS + 1];
        double[] var = new double[LEVELS + 1];
        double ytSum = 0;
        double ytVar = 0;
        for (int s = 1; s <= SEEDS; s++) {
            byte[][] large = MatchedMcrgTest.wolff(64, 20_000, s);
            byte[][] small = MatchedMcrgTest.wolff(32, 20_000, s + 1000);
            List<Mcrg.Level> matched = MatchedMcrg.run(large, Lattice.square(64), small, Lattice.square(32), rule,
                    LEVELS, even, odd, 20, Form.COUPLINGS, 5);
            List<Mcrg.Level> standard = Mcrg.run(large, Lattice.square(64), rule, LEVELS, even, odd, 20, 5);
            for (int n = 1; n <= LEVELS; n++) {
                Mcrg.Level m = matched.get(n - 1);
                Mcrg.Level st = standard.get(n - 1);
                System.out.printf("| %d | %d | %.4f ± %.4f | %.5f ± %.5f | %.4f ± %.4f | %.5f ± %.5f |%n", s, n,
                        m.yT().mean(), m.yT().error(), m.yH().mean(), m.yH().error(), st.yT().mean(), st.yT().error(),
                        st.yH().mean(), st.yH().error());
                assertThat(Math.abs(m.yH().mean() - 1.875)).as("seed %d level %d y_h %s", s, n, m.yH())
                        .isLessThan(0.005 * 1.875);
                sum[n] += m.yH().mean();
                var[n] += m.yH().error() * m.yH().error();
            }
            ytSum += matched.get(1).yT().mean();
            ytVar += matched.get(1).yT().error() * matched.get(1).yT().error();
        }
        for (int n = 2; n <= LEVELS; n++) {
            double mean = sum[n] / SEEDS;
            double sigma = Math.sqrt(var[n]) / SEEDS;
            System.out.printf("level %d mean y_h %.5f ± %.5f (%.1f sigma from 15/8)%n", n, mean, sigma,
                    (mean - 1.875) / sigma);
            assertThat(Math.abs(mean - 1.875)).as("level %d mean y_h %s ± %s", n, mean, sigma)
                    .isLessThanOrEqualTo(3 * sigma);
        }
        double ytMean = ytSum / SEEDS;
        double ytSigma = Math.sqrt(ytVar) / SEEDS;
        System.out.printf("level 2 mean y_t %.4f ± %.4f%n", ytMean, ytSigma);
        assertThat(Math.abs(ytMean - 1)).isLessThanOrEqualTo(3 * ytSigma);
    }
}
