package dev.coarse.dynamics.reaction;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The quasi-steady-state reduction of the rate equations (Briggs &amp; Haldane 1925; Segel &amp; Slemrod 1989): the
 * network's quasi-steady species (an enzyme and its complexes, whose total T is conserved) are put at the steady
 * state of their own fast dynamics for the current slow concentrations, and only the slow species are integrated.
 *
 * <p>Every reaction touching the quasi-steady species moves one of their molecules from one form to another at a
 * rate k<sub>r</sub> g<sub>r</sub>(y) c<sub>in(r)</sub> (y the slow concentrations), so their dynamics is linear,
 * dc/dt = W(y) c, and the quasi-steady state solves W(y) c = 0 with Σ c = T (EJML's linear solve). For
 * Michaelis–Menten this is dP/dt = k<sub>cat</sub> E<sub>0</sub> S/(K<sub>M</sub> + S). Valid when the conserved
 * total is small: E<sub>0</sub> ≪ S<sub>0</sub> + K<sub>M</sub>.
 */
public final class QuasiSteadyState {

    private QuasiSteadyState() {
    }

    /**
     * The reduced trajectory; its values hold the slow species integrated and the quasi-steady species at their
     * quasi-steady values.
     */
    public static DeterministicPath solve(ReactionNetwork network, double[] times) {
        Gillespie.requireTimes(times);
        if (network.quasiSteadySpecies().isEmpty()) {
            throw new IllegalArgumentException(network.name() + " names no quasi-steady species");
        }
        int n = network.speciesCount();
        int[] fast = network.quasiSteadySpecies().stream().mapToInt(network::speciesIndex).toArray();
        boolean[] isFast = new boolean[n];
        for (int f : fast) {
            isFast[f] = true;
        }
        long[] initial = network.initialCounts();
        double total = 0;
        for (int f : fast) {
            total += initial[f];
        }
        List<Reaction> reactions = network.reactions();
        int[][] change = reactions.stream().map(Reaction::change).toArray(int[][]::new);
        int[] fastIn = new int[reactions.size()];
        int[] fastOut = new int[reactions.size()];
        for (int r = 0; r < reactions.size(); r++) {
            fastIn[r] = -1;
            fastOut[r] = -1;
            for (int k = 0; k < fast.length; k++) {
                if (reactions.get(r).reactants()[fast[k]] > 0) {
                    fastIn[r] = k;
                }
                if (reactions.get(r).products()[fast[k]] > 0) {
                    fastOut[r] = k;
                }
            }
        }
        final double conserved = total;
        double[] x = new double[n];
        OdeIntegrator.Field field = (y, dydt) -> {
            double[] state = withQuasiSteady(y, fast, isFast, fastIn, fastOut, reactions, conserved);
            Arrays.fill(dydt, 0);
            for (int r = 0; r < reactions.size(); r++) {
                double v = reactions.get(r).deterministicRate(state);
                for (int s = 0; s < n; s++) {
                    if (!isFast[s]) {
                        dydt[s] += change[r][s] * v;
                    }
                }
            }
        };
        for (int s = 0; s < n; s++) {
            x[s] = isFast[s] ? 0 : initial[s];
        }
        double[][] path = OdeIntegrator.integrate(field, x, times);
        for (int i = 0; i < path.length; i++) {
            path[i] = withQuasiSteady(path[i], fast, isFast, fastIn, fastOut, reactions, conserved);
        }
        return new DeterministicPath("quasi-steady state", network.species(), times.clone(), path);
    }

    /** The slow part of {@code y} with the quasi-steady species set to their steady state (a new array). */
    private static double[] withQuasiSteady(double[] y, int[] fast, boolean[] isFast, int[] fastIn, int[] fastOut,
                                            List<Reaction> reactions, double total) {
        int m = fast.length;
        double[] state = y.clone();
        double[] probe = y.clone();
        for (int f : fast) {
            probe[f] = 1;
        }
        DMatrixRMaj w = new DMatrixRMaj(m, m);
        for (int r = 0; r < reactions.size(); r++) {
            if (fastIn[r] < 0 || fastIn[r] == fastOut[r]) {
                continue;
            }
            // rate per molecule of the consumed fast form: the deterministic rate with that form (and every
            // other fast form) set to 1
            double perMolecule = reactions.get(r).deterministicRate(probe);
            w.add(fastIn[r], fastIn[r], -perMolecule);
            w.add(fastOut[r], fastIn[r], perMolecule);
        }
        DMatrixRMaj b = new DMatrixRMaj(m, 1);
        for (int k = 0; k < m; k++) {
            w.set(m - 1, k, 1);
        }
        b.set(m - 1, 0, total);
        DMatrixRMaj c = new DMatrixRMaj(m, 1);
        if (!CommonOps_DDRM.solve(w, b, c)) {
            throw new IllegalStateException("the quasi-steady state is not unique at " + Arrays.toString(y));
        }
        for (int k = 0; k < m; k++) {
            state[fast[k]] = c.get(k, 0);
        }
        for (int s = 0; s < isFast.length; s++) {
            if (!isFast[s]) {
                state[s] = y[s];
            }
        }
        return state;
    }
}
