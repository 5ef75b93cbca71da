package dev.coarse.dynamics.reaction;

/**
 * The deterministic (mean-field) rate equations dx/dt = Σ<sub>r</sub> ν<sub>r</sub> k<sub>r</sub> Π
 * x<sub>s</sub><sup>r<sub>s</sub></sup>/r<sub>s</sub>! of a network, the large-number limit of its stochastic
 * dynamics (Kurtz 1972) — exact in the mean only for networks whose rates are linear in the counts.
 */
public final class RateEquations {

    private RateEquations() {
    }

    /** The mean-field trajectory from the network's initial counts. */
    public static DeterministicPath meanField(ReactionNetwork network, double[] times) {
        Gillespie.requireTimes(times);
        int n = network.speciesCount();
        int[][] change = network.reactions().stream().map(Reaction::change).toArray(int[][]::new);
        OdeIntegrator.Field field = (x, dxdt) -> {
            java.util.Arrays.fill(dxdt, 0);
            for (int r = 0; r < change.length; r++) {
                double v = network.reactions().get(r).deterministicRate(x);
                for (int s = 0; s < n; s++) {
                    dxdt[s] += change[r][s] * v;
                }
            }
        };
        long[] initial = network.initialCounts();
        double[] x0 = new double[n];
        for (int s = 0; s < n; s++) {
            x0[s] = initial[s];
        }
        return new DeterministicPath("mean field", network.species(), times.clone(),
                OdeIntegrator.integrate(field, x0, times));
    }
}
