package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.stats.Estimate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract for entropy estimators used through {@link DiscreteInformation}: a ternary X and a ternary Y
 * that copies X with probability {@value #COPY} and is otherwise uniform, so
 * p(x,y) = (1/3)[COPY·δ<sub>xy</sub> + (1−COPY)/3] and I(X;Y) follows by direct summation here.
 */
public abstract class DiscreteEstimatorContract extends InformationEstimatorContract {

    static final double COPY = 0.4;
    static final int SAMPLES = 5000;
    private static final long[] RELABEL_X = {17, -3, 100};
    private static final long[] RELABEL_Y = {9, 8, -70};

    protected abstract EntropyEstimator estimator();

    private DiscreteInformation information(long seed) {
        return new DiscreteInformation(estimator(), 200, seed);
    }

    private static long[][] sample(long seed, boolean dependent) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] x = new long[SAMPLES];
        long[] y = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            x[i] = rng.nextInt(3);
            y[i] = dependent && rng.nextDouble() < COPY ? x[i] : rng.nextInt(3);
        }
        return new long[][] {x, y};
    }

    @Override
    protected Estimate independent(long seed) {
        long[][] c = sample(seed, false);
        return information(seed).mutualInformation(SymbolTable.ofColumns(c, null, 1), new int[] {0}, new int[] {1});
    }

    @Override
    protected Estimate known(long seed) {
        long[][] c = sample(seed, true);
        return information(seed).mutualInformation(SymbolTable.ofColumns(c, null, 1), new int[] {0}, new int[] {1});
    }

    @Override
    protected Estimate knownRelabelled(long seed) {
        long[][] c = sample(seed, true);
        for (int i = 0; i < SAMPLES; i++) {
            c[0][i] = RELABEL_X[(int) c[0][i]];
            c[1][i] = RELABEL_Y[(int) c[1][i]];
        }
        return information(seed).mutualInformation(SymbolTable.ofColumns(c, null, 1), new int[] {0}, new int[] {1});
    }

    @Override
    protected double knownValue() {
        double diagonal = (COPY + (1 - COPY) / 3) / 3;
        double offDiagonal = (1 - COPY) / 9;
        // marginals are uniform: I = Σ p ln(p / (1/9))
        return 3 * diagonal * Math.log(9 * diagonal) + 6 * offDiagonal * Math.log(9 * offDiagonal);
    }

    @Test
    void entropyOfAKnownDistributionWithinErrors() {
        double[] p = {0.5, 0.3, 0.15, 0.05};
        SplittableRandom rng = new SplittableRandom(3);
        long[] x = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double u = rng.nextDouble();
            int s = 0;
            while (s < p.length - 1 && u >= p[s]) {
                u -= p[s];
                s++;
            }
            x[i] = s;
        }
        double exact = 0;
        for (double q : p) {
            exact -= q * Math.log(q);
        }
        Estimate e = information(3).entropy(SymbolTable.ofColumns(new long[][] {x}, new double[] {4}, 1),
                new int[] {0});
        assertThat(e.sigmasFrom(exact)).as("%s vs %s", e, exact).isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
    }

    @Test
    void conditionalMutualInformationAndTotalCorrelationOfAMarkovTriple() {
        // X → Y → Z copies: I(X;Z|Y) = 0 exactly; TC(X,Y,Z) = I(X;Y) + I(Y;Z) for this chain
        SplittableRandom rng = new SplittableRandom(8);
        long[][] c = new long[3][SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            c[0][i] = rng.nextInt(3);
            c[1][i] = rng.nextDouble() < COPY ? c[0][i] : rng.nextInt(3);
            c[2][i] = rng.nextDouble() < COPY ? c[1][i] : rng.nextInt(3);
        }
        SymbolTable t = SymbolTable.ofColumns(c, null, 1);
        Estimate cmi = information(8).conditionalMutualInformation(t, new int[] {0}, new int[] {2}, new int[] {1});
        assertThat(Math.abs(cmi.mean())).as("%s", cmi).isLessThanOrEqualTo(Tolerances.STAT_SIGMAS * cmi.error());
        Estimate tc = information(8).totalCorrelation(t, new int[][] {{0}, {1}, {2}});
        assertThat(tc.sigmasFrom(2 * knownValue())).as("%s vs %s", tc, 2 * knownValue())
                .isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
    }
}
