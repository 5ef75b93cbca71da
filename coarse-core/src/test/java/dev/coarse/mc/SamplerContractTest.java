package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Sampler} must meet: the histogram of sampled configurations matches the exact
 * Boltzmann distribution (χ² goodness of fit against {@link Enumeration}), on the 3×3 Ising torus at three
 * temperatures around T<sub>c</sub> (in zero field and, for the local kernels, in a field), on the 7-site Ising
 * ring, the 2×2×2 Ising torus and the 2×2 and 4×4 Ising tori (where Metropolis runs its packed kernel), and on the
 * 3×3 q = 3 Potts torus. 3×3 is odd, so this also checks that the checkerboard Metropolis sweep stays valid
 * when the colours are not independent.
 *
 * <p>Every sample comes from its own chain (random start, {@value #THERMALIZE} thermalisation sweeps, far
 * more than τ<sub>int</sub> on 3×3), so the samples are independent and Pearson's χ² applies as is. Two
 * slow modes made thinned samples from long chains unusable: at low T a local kernel stays in one ordered
 * phase for a whole chain, and at high T a Metropolis sweep is nearly a global flip, so the flip orbit of
 * the state hardly changes from sweep to sweep (found by this test: χ² ≈ 2300 on 255 dof at T = 4). The
 * hot start is symmetric, so both phases are equally likely. Ising uses the full 512-state histogram; Potts
 * groups configurations into orbits of the relabelling symmetry (≈ 3300 classes instead of 19683).
 */
class SamplerContractTest {

    /** Threshold for the χ² p-value: a correct sampler fails on about 1 seed in 10⁴. */
    private static final double P_THRESHOLD = 1e-4;
    private static final int ISING_SAMPLES = 20_000;
    private static final int POTTS_SAMPLES = 30_000;
    private static final int THERMALIZE = 100;
    private static final long SEED = 20261123L;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Lattice lattice = Lattice.square(3);
        for (double t : new double[] {1.5, 2.27, 4.0}) {
            IsingModel model = IsingModel.atTemperature(lattice, t);
            for (SamplerKind kind : SamplerKind.available(model)) {
                cases.add(Arguments.of(kind, model, false, ISING_SAMPLES));
            }
        }
        // the chain and the cubic lattice: Swendsen–Wang draws one word per site and pair of axes, so d = 1 and 3
        // take paths d = 2 does not (the 2×2×2 torus counts each bond twice, in the sampler as in the enumeration)
        // even square tori: the packed Metropolis kernel (one word per half-row, padding lanes on 2×2) and the
        // square-lattice paths of the other samplers
        for (IsingModel model : new IsingModel[] {IsingModel.atTemperature(Lattice.chain(7), 1.2),
                IsingModel.atTemperature(Lattice.cubic(2), 9.0), IsingModel.atTemperature(Lattice.square(2), 1.5),
                IsingModel.atTemperature(Lattice.square(4), 2.27), IsingModel.atTemperature(Lattice.square(4), 4.0)}) {
            for (SamplerKind kind : SamplerKind.available(model)) {
                cases.add(Arguments.of(kind, model, false, ISING_SAMPLES));
            }
        }
        IsingModel inField = new IsingModel(lattice, 3.0, 0.4);
        cases.add(Arguments.of(SamplerKind.METROPOLIS, inField, false, ISING_SAMPLES));
        cases.add(Arguments.of(SamplerKind.HEAT_BATH, inField, false, ISING_SAMPLES));
        for (double t : new double[] {0.8, 2.0}) {
            PottsModel potts = new PottsModel(lattice, 3, t);
            for (SamplerKind kind : SamplerKind.available(potts)) {
                cases.add(Arguments.of(kind, potts, true, POTTS_SAMPLES));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void histogramMatchesExactBoltzmannDistribution(SamplerKind sampler, Model model, boolean symmetric, int samples) {
        ExactDistribution exact = Enumeration.boltzmann(model);
        RunSpec spec = new RunSpec(model, sampler, 1, THERMALIZE, 1, samples, SEED, 1);
        ChainResult result = ChainRunner.run(spec, null);
        int[] classes = symmetric ? ChiSquareGoodnessOfFit.relabellingClasses(exact)
                : ChiSquareGoodnessOfFit.identityClasses(exact.stateCount());
        ChiSquareGoodnessOfFit.Result fit = ChiSquareGoodnessOfFit.test(exact, classes, exact.stateCount(),
                result.configurations());
        assertThat(fit.pValue())
                .as("%s on %s: χ² = %.1f with %d dof, p = %.3g; a correct sampler has p < %s on about 1 seed in 10⁴",
                        sampler, model, fit.chiSquared(), fit.degreesOfFreedom(), fit.pValue(), P_THRESHOLD)
                .isGreaterThan(P_THRESHOLD);
    }
}
