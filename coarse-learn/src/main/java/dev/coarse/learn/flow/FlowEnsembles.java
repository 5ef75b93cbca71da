package dev.coarse.learn.flow;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.CoarseVersion;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Ensembles of the target drawn with a trained flow as independence Metropolis–Hastings proposal
 * ({@link IndependenceMetropolis}): exact in law whatever the flow (the flow only sets the acceptance and
 * autocorrelation). Fields are stored as φ⁴ configurations (complex ones re, im per site); the Ising target's
 * Hubbard–Stratonovich fields become spins ({@link IsingHsTarget#spins}). Randomness: one seed, split into the
 * proposals' stream, the accept/reject coins and (Ising) the spin draws.
 */
public final class FlowEnsembles {

    private FlowEnsembles() {
    }

    /** A chain's ensemble and its statistics. */
    public record Result(Ensemble ensemble, IndependenceMetropolis chain) {
    }

    /** n configurations, one per proposal (rejected proposals repeat the current configuration). */
    public static Result sample(FlowTarget target, TrainedFlow flow, int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 configurations, got " + n);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom proposals = root.split();
        SplittableRandom coins = root.split();
        SplittableRandom spins = root.split();
        FlowSampler.Draws draws;
        try (FlowSampler sampler = new FlowSampler(target, flow)) {
            draws = sampler.draw(n, proposals, true);
        }
        IndependenceMetropolis.Chain chain = IndependenceMetropolis.chain(draws.samples(), coins);
        int v = flow.architecture().variables();
        int c = target.channels();
        int sites = target.sites();
        double[][] fields = new double[n][v];
        for (int k = 0; k < n; k++) {
            int from = chain.states()[k] * v;
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < sites; i++) {
                    // (C, L, L) → per site, components adjacent (re, im)
                    fields[k][i * c + ch] = draws.fields()[from + ch * sites + i];
                }
            }
        }
        Lattice lattice = Lattice.square(target.linearSize());
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", "coarse flow sample");
        provenance.put("acceptance", Double.toString(chain.result().acceptance()));
        provenance.put("flow_epochs", Integer.toString(flow.epochsDone()));
        Configurations data;
        EnsembleMeta meta;
        if (target instanceof IsingHsTarget ising) {
            data = new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), ising.spins(fields, spins));
            meta = new EnsembleMeta("ising2d", 2, target.linearSize(), ising.temperature(), 0, 2, "flow-imh", seed, n,
                    0, 1, 1, chain.result().tauInt(), CoarseVersion.get(), provenance);
        } else {
            FieldTarget field = (FieldTarget) target;
            data = new ContinuousConfigurations(field.model().degreesOfFreedom(), fields);
            meta = new EnsembleMeta(target.name(), 2, target.linearSize(), 1.0, 0, 2, "flow-imh", seed, n, 0, 1, 1,
                    chain.result().tauInt(), CoarseVersion.get(), provenance, target.parameters());
        }
        return new Result(new Ensemble(meta, lattice, data), chain.result());
    }
}
