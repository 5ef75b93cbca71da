package dev.coarse.learn.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.exact.Kaufman;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.MeanEstimator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link IsingHsTarget#fields}: Hubbard–Stratonovich fields drawn from Boltzmann spins (Wolff, L = 8, T_c) follow the
 * target's law. Two exact identities, each within 4 errors (false failure ~6·10⁻⁵ each for Gaussian errors, the
 * errors from the series' autocorrelation): Stein's identity E[y·∇S(y)] = N for any density e<sup>−S</sup> (here
 * ∇S = y − M tanh(My), M = K̃<sup>1/2</sup>), which a wrong matrix, a wrong noise variance or a missing term breaks;
 * and the energy estimator −(1/N)Σ tanh x<sub>i</sub> tanh x<sub>j</sub> (x = My) against Kaufman's energy.
 */
class IsingHsFieldsTest {

    private static final int L = 8;
    private static final double TC = 2 / Math.log(1 + Math.sqrt(2));

    @Test
    void fieldsOfBoltzmannSpinsSatisfySteinsIdentityAndGiveKaufmansEnergy() {
        IsingHsTarget target = new IsingHsTarget(L, TC);
        int n = 20_000;
        ChainResult chain = ChainRunner.run(new RunSpec(IsingModel.atTemperature(Lattice.square(L), TC),
                SamplerKind.WOLFF, n * 5L, 1000, 5, 1, 7, 1), null);
        byte[][] spins = new byte[n][];
        for (int k = 0; k < n; k++) {
            spins[k] = chain.configuration(0, k);
        }
        double[][] y = target.fields(spins, new SplittableRandom(8));
        double[] m = sqrtCoupling(target);
        int sites = L * L;
        double[] stein = new double[n];
        double[] energy = new double[n];
        for (int k = 0; k < n; k++) {
            double[] x = new double[sites];
            for (int i = 0; i < sites; i++) {
                for (int j = 0; j < sites; j++) {
                    x[i] += m[i * sites + j] * y[k][j];
                }
            }
            double s = 0;
            for (int i = 0; i < sites; i++) {
                // y·∇S = |y|² − (My)·tanh(My), M symmetric
                s += y[k][i] * y[k][i] - x[i] * Math.tanh(x[i]);
            }
            stein[k] = s;
            double e = 0;
            for (int r = 0; r < L; r++) {
                for (int c = 0; c < L; c++) {
                    double t = Math.tanh(x[r * L + c]);
                    e -= t * (Math.tanh(x[r * L + (c + 1) % L]) + Math.tanh(x[((r + 1) % L) * L + c]));
                }
            }
            energy[k] = e / sites;
        }
        Estimate steinMean = MeanEstimator.of(stein);
        assertThat(steinMean.sigmasFrom(sites)).as("E[y·∇S] = %s, N = %d", steinMean, sites).isLessThan(4);
        Estimate e = MeanEstimator.of(energy);
        double kaufman = Kaufman.energyPerSite(L, TC);
        assertThat(e.sigmasFrom(kaufman)).as("energy %s, Kaufman %s", e, kaufman).isLessThan(4);
        assertThat(e.error()).as("a test that can tell").isLessThan(0.01);
    }

    @Test
    void refusesWhatIsNotASpinConfiguration() {
        IsingHsTarget target = new IsingHsTarget(4, TC);
        assertThatThrownBy(() -> target.fields(new byte[][] {new byte[15]}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sites");
        assertThatThrownBy(() -> target.fields(new byte[][] {new byte[16]}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("±1");
        assertThatThrownBy(() -> new IsingHsTarget(4, TC, false).fields(new byte[][] {new byte[16]},
                new SplittableRandom(1))).isInstanceOf(IllegalStateException.class);
    }

    /** M = K̃^{1/2} from the momentum sum, written here independently of the target's own kernel. */
    private static double[] sqrtCoupling(IsingHsTarget target) {
        int n = L * L;
        double k = 1 / TC;
        double c = target.offset();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int dr = Math.floorMod(i / L - j / L, L);
                int dc = Math.floorMod(i % L - j % L, L);
                double sum = 0;
                for (int a = 0; a < L; a++) {
                    for (int b = 0; b < L; b++) {
                        double lambda = c + 2 * k * (Math.cos(2 * Math.PI * a / L) + Math.cos(2 * Math.PI * b / L));
                        sum += Math.cos(2 * Math.PI * (a * dr + b * dc) / L) * Math.sqrt(lambda);
                    }
                }
                out[i * n + j] = sum / n;
            }
        }
        return out;
    }
}
