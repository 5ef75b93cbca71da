package dev.coarse.learn.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RbmExactTest {

    private static final double EXACT = 1e-10;

    private static Rbm randomRbm(UnitType type, int nv, int nh, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Rbm rbm = Rbm.randomWeights(type, nv, nh, 0.7, rng);
        for (int i = 0; i < nv; i++) {
            rbm.visibleBias()[i] = rng.nextGaussian() * 0.5;
        }
        for (int j = 0; j < nh; j++) {
            rbm.hiddenBias()[j] = rng.nextGaussian() * 0.5;
        }
        return rbm;
    }

    /** Σ over every (v, h) of e^{−E(v,h)}, the definition, without any analytic sum. */
    private static double bruteLogZ(Rbm rbm) {
        int nv = rbm.visibleCount();
        int nh = rbm.hiddenCount();
        double[] v = new double[nv];
        double[] h = new double[nh];
        double z = 0;
        for (int cv = 0; cv < 1 << nv; cv++) {
            for (int ch = 0; ch < 1 << nh; ch++) {
                for (int i = 0; i < nv; i++) {
                    v[i] = rbm.unitType().value(((cv >> i) & 1) == 1);
                }
                for (int j = 0; j < nh; j++) {
                    h[j] = rbm.unitType().value(((ch >> j) & 1) == 1);
                }
                z += Math.exp(-rbm.energy(v, h));
            }
        }
        return Math.log(z);
    }

    @ParameterizedTest
    @EnumSource(UnitType.class)
    void logPartitionFunctionMatchesBruteForceWhicheverLayerIsSmaller(UnitType type) {
        Rbm wide = randomRbm(type, 4, 6, 1);
        Rbm tall = randomRbm(type, 6, 3, 2);
        assertThat(RbmExact.logPartitionFunction(wide)).isCloseTo(bruteLogZ(wide), within(EXACT));
        assertThat(RbmExact.logPartitionFunction(tall)).isCloseTo(bruteLogZ(tall), within(EXACT));
    }

    @ParameterizedTest
    @EnumSource(UnitType.class)
    void visibleMarginalAndLikelihoodMatchBruteForce(UnitType type) {
        Rbm rbm = randomRbm(type, 5, 3, 3);
        double lnZ = bruteLogZ(rbm);
        double[] p = RbmExact.visibleProbabilities(rbm);
        double[] v = new double[5];
        double[] h = new double[3];
        double total = 0;
        for (int cv = 0; cv < 32; cv++) {
            double z = 0;
            for (int ch = 0; ch < 8; ch++) {
                RbmExact.decode(type, cv, 5, v);
                RbmExact.decode(type, ch, 3, h);
                z += Math.exp(-rbm.energy(v, h));
            }
            assertThat(p[cv]).isCloseTo(z / Math.exp(lnZ), within(EXACT));
            total += p[cv];
        }
        assertThat(total).isCloseTo(1.0, within(EXACT));
        byte[][] data = {{1, 0, 1, 1, 0}, {0, 0, 0, 1, 1}};
        if (type == UnitType.SPIN) {
            data = new byte[][] {{1, -1, 1, 1, -1}, {-1, -1, -1, 1, 1}};
        }
        double expected = 0.5 * (Math.log(p[RbmExact.encode(data[0])]) + Math.log(p[RbmExact.encode(data[1])]));
        assertThat(RbmExact.logLikelihood(rbm, data)).isCloseTo(expected, within(EXACT));
    }

    @Test
    void klDivergenceIsZeroToItselfAndPositiveOtherwise() {
        Rbm rbm = randomRbm(UnitType.SPIN, 4, 2, 4);
        double[] own = RbmExact.visibleProbabilities(rbm);
        assertThat(RbmExact.klDivergence(own, rbm)).isCloseTo(0.0, within(EXACT));
        double[] uniform = new double[16];
        java.util.Arrays.fill(uniform, 1.0 / 16);
        double direct = 0;
        for (double q : own) {
            direct += (1.0 / 16) * Math.log((1.0 / 16) / q);
        }
        assertThat(RbmExact.klDivergence(uniform, rbm)).isCloseTo(direct, within(EXACT)).isPositive();
    }

    @Test
    void freeEnergySumsTheHiddenUnits() {
        Rbm rbm = randomRbm(UnitType.BINARY, 3, 2, 5);
        double[] v = {1, 0, 1};
        double[] h = new double[2];
        double z = 0;
        for (int ch = 0; ch < 4; ch++) {
            RbmExact.decode(UnitType.BINARY, ch, 2, h);
            z += Math.exp(-rbm.energy(v, h));
        }
        assertThat(rbm.freeEnergy(v)).isCloseTo(-Math.log(z), within(EXACT));
    }
}
