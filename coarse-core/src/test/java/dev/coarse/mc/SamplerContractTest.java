package dev.coarse.mc;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.PottsModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link SamplerContract} for every sampler of {@link SamplerKind}, run through {@link ChainRunner} (one sample per
 * chain): on the 3×3 Ising torus at three temperatures around T<sub>c</sub> (in zero field and, for the local
 * kernels, in a field), on the 7-site Ising ring, the 2×2×2 Ising torus and the 2×2 and 4×4 Ising tori (where
 * Metropolis runs its packed kernel), and on the 3×3 q = 3 Potts torus. 3×3 is odd, so this also checks that the
 * checkerboard Metropolis sweep stays valid when the colours are not independent. Ising uses the full 512-state
 * histogram; Potts groups configurations into orbits of the relabelling symmetry (≈ 3300 classes instead of 19683).
 */
class SamplerContractTest extends SamplerContract {

    private static final int ISING_SAMPLES = 20_000;
    private static final int POTTS_SAMPLES = 30_000;

    @Override
    protected Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Lattice lattice = Lattice.square(3);
        for (double t : new double[] {1.5, 2.27, 4.0}) {
            IsingModel model = IsingModel.atTemperature(lattice, t);
            for (SamplerKind kind : SamplerKind.available(model)) {
                cases.add(new Case(kind, model, false, ISING_SAMPLES));
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
                cases.add(new Case(kind, model, false, ISING_SAMPLES));
            }
        }
        IsingModel inField = new IsingModel(lattice, 3.0, 0.4);
        cases.add(new Case(SamplerKind.METROPOLIS, inField, false, ISING_SAMPLES));
        cases.add(new Case(SamplerKind.HEAT_BATH, inField, false, ISING_SAMPLES));
        for (double t : new double[] {0.8, 2.0}) {
            PottsModel potts = new PottsModel(lattice, 3, t);
            for (SamplerKind kind : SamplerKind.available(potts)) {
                cases.add(new Case(kind, potts, true, POTTS_SAMPLES));
            }
        }
        return cases.stream();
    }

    @Override
    protected byte[][] independentSamples(Case c, long seed) {
        RunSpec spec = new RunSpec(c.model(), c.sampler(), 1, THERMALIZE, 1, c.samples(), seed, 1);
        return ChainRunner.run(spec, null).configurations();
    }
}
