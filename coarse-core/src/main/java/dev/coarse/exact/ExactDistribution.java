package dev.coarse.exact;

import dev.coarse.model.Model;

/**
 * The exact Boltzmann distribution of a small model, found by enumerating every configuration.
 *
 * <p>A configuration is encoded as an integer in base {@code statesPerSite}: site i is digit i (site 0
 * least significant); an Ising digit is 1 for s = +1 and 0 for s = −1, a Potts digit is the state itself.
 *
 * @param model                the model enumerated
 * @param probabilities        probability of each code; shared, callers must not modify it
 * @param logPartitionFunction ln Z
 */
public record ExactDistribution(Model model, double[] probabilities, double logPartitionFunction) {

    /** Number of configurations, statesPerSite^N. */
    public int stateCount() {
        return probabilities.length;
    }

    /** The integer code of a configuration. */
    public int encode(byte[] configuration) {
        return encode(model, configuration);
    }

    /** The configuration with a given code (a fresh array). */
    public byte[] decode(int code) {
        return decode(model, code);
    }

    static int encode(Model model, byte[] configuration) {
        int q = model.statesPerSite();
        boolean ising = q == 2 && model instanceof dev.coarse.model.IsingModel;
        int code = 0;
        for (int i = configuration.length - 1; i >= 0; i--) {
            int digit = ising ? (configuration[i] > 0 ? 1 : 0) : configuration[i];
            code = code * q + digit;
        }
        return code;
    }

    static byte[] decode(Model model, int code) {
        int n = model.lattice().siteCount();
        int q = model.statesPerSite();
        boolean ising = model instanceof dev.coarse.model.IsingModel;
        byte[] c = new byte[n];
        for (int i = 0; i < n; i++) {
            int digit = code % q;
            code /= q;
            c[i] = ising ? (byte) (digit == 1 ? 1 : -1) : (byte) digit;
        }
        return c;
    }

    /** Exact mean of energy per site. */
    public double energyPerSite() {
        double e = 0;
        for (int code = 0; code < probabilities.length; code++) {
            e += probabilities[code] * model.energy(decode(code));
        }
        return e / model.lattice().siteCount();
    }

    /** Exact specific heat per site, N (⟨e²⟩ − ⟨e⟩²) / T² with e the energy per site. */
    public double specificHeatPerSite() {
        double e1 = 0;
        double e2 = 0;
        for (int code = 0; code < probabilities.length; code++) {
            double e = model.energy(decode(code));
            e1 += probabilities[code] * e;
            e2 += probabilities[code] * e * e;
        }
        int n = model.lattice().siteCount();
        double t = model.temperature();
        return (e2 - e1 * e1) / (n * t * t);
    }

    /** Shannon entropy of the whole distribution, in nats. */
    public double entropy() {
        double h = 0;
        for (double p : probabilities) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
