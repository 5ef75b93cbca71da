package dev.coarse.learn.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RbmRecipeTest {

    /** The agreement between the recipe and an independent computation of J*. */
    private static final double INDEPENDENT = 1e-4;
    /** The lecture quotes J* ≈ 0.486 (three decimals) ... */
    private static final double LECTURE_J_STAR = 0.486;
    private static final double LECTURE_J_PRECISION = 0.0005;
    /** ... and ν ≈ 1.1 (one decimal). */
    private static final double LECTURE_NU = 1.1;
    private static final double LECTURE_NU_PRECISION = 0.05;
    private static final double STAT_SIGMAS = 3;

    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** KL(P_loc ‖ P_RBM) for a 2×2 plaquette and a scalar weight w, written out state by state. */
    private static double plaquetteKl(double couplingJ, double w) {
        double zLoc = 0;
        double zRbm = 0;
        double[] loc = new double[16];
        double[] rbm = new double[16];
        for (int code = 0; code < 16; code++) {
            int s0 = (code & 1) != 0 ? 1 : -1;
            int s1 = (code & 2) != 0 ? 1 : -1;
            int s2 = (code & 4) != 0 ? 1 : -1;
            int s3 = (code & 8) != 0 ? 1 : -1;
            loc[code] = Math.exp(couplingJ * (s0 * s1 + s2 * s3 + s0 * s2 + s1 * s3));
            rbm[code] = Math.exp(w * (s0 + s1 + s2 + s3)) + Math.exp(-w * (s0 + s1 + s2 + s3));
            zLoc += loc[code];
            zRbm += rbm[code];
        }
        double kl = 0;
        for (int code = 0; code < 16; code++) {
            double p = loc[code] / zLoc;
            kl += p * Math.log(p / (rbm[code] / zRbm));
        }
        return kl;
    }

    /** Golden-section search for the KL-minimising w in [0, 5]. */
    private static double independentWeight(double couplingJ) {
        double a = 0;
        double b = 5;
        while (b - a > 1e-11) {
            double c = b - GOLDEN * (b - a);
            double d = a + GOLDEN * (b - a);
            if (plaquetteKl(couplingJ, c) < plaquetteKl(couplingJ, d)) {
                b = d;
            } else {
                a = c;
            }
        }
        return 0.5 * (a + b);
    }

    private static double independentMap(double couplingJ) {
        return 0.5 * Math.log(Math.cosh(2 * independentWeight(couplingJ)));
    }

    /** Secant iteration on R(J) − J from 0.4, 0.6. */
    private static double independentFixedPoint() {
        double x0 = 0.4;
        double x1 = 0.6;
        double f0 = independentMap(x0) - x0;
        for (int k = 0; k < 60 && Math.abs(x1 - x0) > 1e-12; k++) {
            double f1 = independentMap(x1) - x1;
            double x2 = x1 - f1 * (x1 - x0) / (f1 - f0);
            x0 = x1;
            f0 = f1;
            x1 = x2;
        }
        return x1;
    }

    @Test
    void exactRecipeReproducesTheLectureAndAnIndependentMinimisation() {
        RbmRecipe.Result result = RbmRecipe.exact(2);
        double star = result.fixedPoint().couplingStar().mean();
        double independent = independentFixedPoint();
        assertThat(star).isCloseTo(independent, within(INDEPENDENT));
        assertThat(star).isCloseTo(LECTURE_J_STAR, within(LECTURE_J_PRECISION));
        assertThat(result.fixedPoint().nu().mean()).isCloseTo(LECTURE_NU, within(LECTURE_NU_PRECISION));
        double h = 1e-4;
        double independentSlope = (independentMap(independent + h) - independentMap(independent - h)) / (2 * h);
        assertThat(result.fixedPoint().slope().mean()).isCloseTo(independentSlope, within(1e-4));
        assertThat(result.fixedPoint().weightStar()).isCloseTo(independentWeight(independent), within(1e-6));
    }

    @Test
    void learnedWeightsAreEqualAndTheFlowHasTheThreeFixedPoints() {
        Rbm rbm = RbmRecipe.fitExact(2, 0.7);
        for (double w : rbm.weights()) {
            assertThat(w).isCloseTo(rbm.weights()[0], within(1e-9)).isPositive();
        }
        // J = 0 is stable (R(J) < J below J*), J = ∞ is stable (R(J) > J above J*).
        assertThat(RbmRecipe.exactMap(2, 0.3)).isLessThan(0.3);
        assertThat(RbmRecipe.exactMap(2, 0.7)).isGreaterThan(0.7);
        double[] down = RbmRecipe.iterate(j -> RbmRecipe.exactMap(2, j), 0.48, 40);
        assertThat(down[40]).isLessThan(0.01);
    }

    @Test
    void cornerExpansionReproducesLnCoshOfTheSum() {
        double w = 0.37;
        double[] abc = RbmRecipe.cornerExpansion(w);
        for (int code = 0; code < 16; code++) {
            int[] t = new int[4];
            int m = 0;
            for (int a = 0; a < 4; a++) {
                t[a] = (code >> a & 1) != 0 ? 1 : -1;
                m += t[a];
            }
            int pairs = 0;
            for (int a = 0; a < 4; a++) {
                for (int b = a + 1; b < 4; b++) {
                    pairs += t[a] * t[b];
                }
            }
            double expansion = abc[0] + abc[1] * pairs + abc[2] * t[0] * t[1] * t[2] * t[3];
            assertThat(expansion).isCloseTo(Math.log(Math.cosh(w * m)), within(1e-12));
        }
    }

    @Test
    void fitExactAgreesWithGenericExactKlDescent() {
        Rbm newton = RbmRecipe.fitExact(3, 0.5);
        Rbm generic = new Rbm(UnitType.SPIN, 9, 1);
        java.util.Arrays.fill(generic.weights(), 0.5);
        ExactFit.Result r = ExactFit.weightsOnly().fit(generic, RbmRecipe.blockDistribution(3, 0.5));
        assertThat(r.converged()).isTrue();
        assertThat(generic.weights()).containsExactly(newton.weights(), within(1e-9));
    }

    @Test
    void twoHiddenSpinsDoNotLearnTheSameFeature() {
        // docs/rbm.md "More hidden units": the exact-KL optimum with two hidden spins breaks the symmetry and
        // represents P_loc far better than one hidden spin (or two identical ones, which are no better than one).
        double star = 0.4863;
        double[] target = RbmRecipe.blockDistribution(2, star);
        double single = RbmExact.klDivergence(target, RbmRecipe.fitExact(2, star));
        Rbm two = Rbm.randomWeights(UnitType.SPIN, 4, 2, 0.5, new java.util.SplittableRandom(2));
        new ExactFit(0.5, 0.5, 20_000, 1e-10, false, false).fit(two, target);
        assertThat(RbmExact.klDivergence(target, two)).isLessThan(single / 100);
        double columnDifference = 0;
        for (int i = 0; i < 4; i++) {
            columnDifference += Math.abs(Math.abs(two.weight(i, 0)) - Math.abs(two.weight(i, 1)));
        }
        assertThat(columnDifference).isGreaterThan(1.0);
    }

    @Test
    @Tag("slow")
    void cdTrainedRecipeAgreesWithExactWithinItsErrorBar() {
        RbmRecipe.Result cd = RbmRecipe.contrastiveDivergence(2, RbmRecipe.CdSettings.defaults(2026));
        RbmRecipe.FixedPoint exact = RbmRecipe.exact(2).fixedPoint();
        double exactStar = exact.couplingStar().mean();
        assertThat(cd.fixedPoint().couplingStar().error()).isPositive().isLessThan(0.05);
        assertThat(cd.fixedPoint().couplingStar().sigmasFrom(exactStar))
                .as("CD J* %s vs exact %s (fails ~0.3%% of seeds if unbiased)", cd.fixedPoint().couplingStar(),
                        exactStar)
                .isLessThan(STAT_SIGMAS);
        assertThat(cd.fixedPoint().nu().sigmasFrom(exact.nu().mean()))
                .as("CD nu %s vs exact %s", cd.fixedPoint().nu(), exact.nu().mean()).isLessThan(STAT_SIGMAS);
    }
}
