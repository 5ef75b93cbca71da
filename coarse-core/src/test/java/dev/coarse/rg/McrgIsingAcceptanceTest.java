package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.Autocorrelation;
import dev.coarse.stats.Estimate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's acceptance test: Swendsen's MCRG on the 2D Ising model at T<sub>c</sub> = 2/ln(1 + √2), majority rule
 * b = 2 (coin ties), L = 64, 20,000 Wolff samples, 6 even and 2 odd operators, levels 2 and 3. Exact: y<sub>t</sub> =
 * 1/ν = 1, y<sub>h</sub> = 15/8.
 *
 * <p>Two conditions per exponent and level: the deviation is within the tolerance (2% for y<sub>t</sub>, 0.5%
 * for y<sub>h</sub>), and the error bar covers it, |y − exact| ≤ {@link #COVERAGE_SIGMAS}·σ. For y<sub>t</sub> σ is
 * the jackknife error. For y<sub>h</sub> the jackknife error (2–7·10⁻⁴) is smaller than the systematic shift from the
 * truncated operator set and the small coarse lattices (level 2 sits 0.0005–0.0010 above 15/8 for every seed tried,
 * 1.3–5 statistical σ), so σ there is the jackknife error combined in quadrature with the level-to-level drift
 * |y<sub>h</sub>(3) − y<sub>h</sub>(2)| (zero for a converged MCRG): the usual way to quote an MCRG exponent. One
 * fixed seed, chosen before the first run and not changed; the four seeds tried are reported in docs/rg.md.
 */
@Tag("slow")
class McrgIsingAcceptanceTest {

    private static final double TC = 2.0 / Math.log(1.0 + Math.sqrt(2.0));
    private static final int L = 64;
    private static final int CHAINS = 4;
    private static final int SAMPLES_PER_CHAIN = 5_000;
    /** Wolff cluster flips between stored samples: gives τ_int ≈ 0.6–0.7 samples for |m| and E (½ = independent). */
    private static final int CLUSTER_FLIPS_BETWEEN_SAMPLES = 10;
    private static final int THERMALIZATION_FLIPS = 2_000;
    private static final long SEED = 20261123L;
    private static final int BINS = 20;
    /** Largest integrated autocorrelation time, in stored samples, that counts as "decorrelated". */
    private static final double MAX_TAU_INT = 1.0;
    /** Issue 5: y_t within 2% of 1, y_h within 0.5% of 15/8. */
    private static final double YT_RELATIVE_TOLERANCE = 0.02;
    private static final double YH_RELATIVE_TOLERANCE = 0.005;
    /** Error bars must cover the deviation: 3σ (a purely statistical deviation exceeds it with probability 0.3%). */
    private static final double COVERAGE_SIGMAS = 3.0;

    @Test
    void majorityRuleB2GivesTheExactExponentsAtLevelsTwoAndThree() {
        Lattice lattice = Lattice.square(L);
        ChainResult data = ChainRunner.run(new RunSpec(IsingModel.atTemperature(lattice, TC), SamplerKind.WOLFF,
                (long) SAMPLES_PER_CHAIN * CLUSTER_FLIPS_BETWEEN_SAMPLES, THERMALIZATION_FLIPS,
                CLUSTER_FLIPS_BETWEEN_SAMPLES, CHAINS, SEED, 1), null);
        assertThat(data.configurations().length).isEqualTo(CHAINS * SAMPLES_PER_CHAIN);

        double[][] absM = new double[CHAINS][];
        for (int c = 0; c < CHAINS; c++) {
            absM[c] = data.magnetizationPerSite()[c].clone();
            for (int i = 0; i < absM[c].length; i++) {
                absM[c][i] = Math.abs(absM[c][i]);
            }
        }
        assertThat(Autocorrelation.integratedTime(absM)).as("tau_int of |m| in samples").isLessThanOrEqualTo(MAX_TAU_INT);
        assertThat(Autocorrelation.integratedTime(data.energyPerSite())).as("tau_int of E in samples")
                .isLessThanOrEqualTo(MAX_TAU_INT);

        List<Mcrg.Level> levels = Mcrg.run(data.configurations(), lattice, new MajorityRule(2, TieBreak.COIN), 3,
                OperatorSet.standardEven(2), OperatorSet.standardOdd(2).truncate(2), BINS, SEED);
        double yhDrift = Math.abs(levels.get(2).yH().mean() - levels.get(1).yH().mean());
        for (Mcrg.Level level : levels.subList(1, 3)) {
            check("y_t level " + level.level(), level.yT(), level.yT().error(), 1.0, YT_RELATIVE_TOLERANCE);
            check("y_h level " + level.level(), level.yH(), Math.hypot(level.yH().error(), yhDrift), 15.0 / 8.0,
                    YH_RELATIVE_TOLERANCE);
        }
    }

    private static void check(String what, Estimate y, double sigma, double exact, double relativeTolerance) {
        double deviation = Math.abs(y.mean() - exact);
        assertThat(deviation).as("%s = %s: deviation from %s within %s%%", what, y, exact, 100 * relativeTolerance)
                .isLessThanOrEqualTo(relativeTolerance * exact);
        assertThat(deviation).as("%s = %s: deviation from %s within %s sigma = %s (false-failure rate 0.3%% if the "
                + "error were purely statistical)", what, y, exact, COVERAGE_SIGMAS, sigma)
                .isLessThanOrEqualTo(COVERAGE_SIGMAS * sigma);
    }
}
