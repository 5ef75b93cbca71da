package dev.coarse.learn.rbm;

/**
 * Exact quantities of small RBMs by enumeration: ln Z (summing the smaller layer analytically over the
 * other), the visible marginal p(v), the mean log-likelihood of data and KL(P<sub>target</sub>‖P<sub>rbm</sub>).
 *
 * <p>A visible configuration is an integer code: bit i set means unit i is up (+1 or 1), as in
 * {@link dev.coarse.exact.ExactDistribution} for Ising spins (site 0 least significant).
 */
public final class RbmExact {

    /** Largest layer enumerated: 2^24 states. */
    public static final int MAX_ENUMERATED_UNITS = 24;

    private RbmExact() {
    }

    /** The unit values of code {@code code} over {@code n} units. Modified: {@code values}. */
    public static void decode(UnitType type, int code, int n, double[] values) {
        for (int i = 0; i < n; i++) {
            values[i] = type.value(((code >>> i) & 1) != 0);
        }
    }

    /** The code of a stored configuration (bytes > 0 are up). */
    public static int encode(byte[] stored) {
        int code = 0;
        for (int i = stored.length - 1; i >= 0; i--) {
            code = (code << 1) | (stored[i] > 0 ? 1 : 0);
        }
        return code;
    }

    /**
     * ln Z = ln Σ<sub>v,h</sub> e<sup>−E(v,h)</sup>, enumerating whichever layer is smaller and summing the other
     * analytically.
     *
     * @throws IllegalArgumentException if both layers exceed {@link #MAX_ENUMERATED_UNITS}
     */
    public static double logPartitionFunction(Rbm rbm) {
        int nv = rbm.visibleCount();
        int nh = rbm.hiddenCount();
        boolean overVisible = nv <= nh;
        int n = overVisible ? nv : nh;
        require(n, "ln Z");
        double[] state = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        double[] minusF = new double[1 << n];
        for (int code = 0; code < minusF.length; code++) {
            decode(rbm.unitType(), code, n, state);
            minusF[code] = overVisible ? -rbm.freeEnergy(state) : -rbm.hiddenFreeEnergy(state);
            max = Math.max(max, minusF[code]);
        }
        double sum = 0;
        for (double x : minusF) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }

    /** The exact visible marginal p(v), indexed by visible code (2^visibleCount entries). */
    public static double[] visibleProbabilities(Rbm rbm) {
        int nv = rbm.visibleCount();
        require(nv, "p(v)");
        double[] state = new double[nv];
        double[] logWeights = new double[1 << nv];
        for (int code = 0; code < logWeights.length; code++) {
            decode(rbm.unitType(), code, nv, state);
            logWeights[code] = -rbm.freeEnergy(state);
        }
        return normalizeExp(logWeights);
    }

    /**
     * The distribution p ∝ e<sup>w</sup> of log-weights w, normalised in place (each w shifted by the largest, so
     * that no term overflows); returns the array. Modified: {@code logWeights}.
     */
    static double[] normalizeExp(double[] logWeights) {
        double max = Double.NEGATIVE_INFINITY;
        for (double w : logWeights) {
            max = Math.max(max, w);
        }
        double sum = 0;
        for (int i = 0; i < logWeights.length; i++) {
            logWeights[i] = Math.exp(logWeights[i] - max);
            sum += logWeights[i];
        }
        for (int i = 0; i < logWeights.length; i++) {
            logWeights[i] /= sum;
        }
        return logWeights;
    }

    /** Mean log-likelihood per sample, (1/M) Σ<sub>m</sub> ln p(v<sub>m</sub>), in nats. */
    public static double logLikelihood(Rbm rbm, byte[][] samples) {
        double lnZ = logPartitionFunction(rbm);
        double[] v = new double[rbm.visibleCount()];
        double sum = 0;
        for (byte[] s : samples) {
            Rbm.toValues(rbm.unitType(), s, v);
            sum += -rbm.freeEnergy(v) - lnZ;
        }
        return sum / samples.length;
    }

    /**
     * KL(P<sub>target</sub>‖P<sub>rbm</sub>) = Σ<sub>v</sub> p(v) ln(p(v)/q(v)) in nats.
     *
     * @param target probabilities indexed by visible code, length 2^visibleCount, summing to 1
     */
    public static double klDivergence(double[] target, Rbm rbm) {
        if (target.length != 1 << rbm.visibleCount()) {
            throw new IllegalArgumentException("target has " + target.length + " states, the RBM's visible layer "
                    + (1 << rbm.visibleCount()));
        }
        double lnZ = logPartitionFunction(rbm);
        double[] v = new double[rbm.visibleCount()];
        double kl = 0;
        for (int code = 0; code < target.length; code++) {
            if (target[code] > 0) {
                decode(rbm.unitType(), code, v.length, v);
                kl += target[code] * (Math.log(target[code]) + rbm.freeEnergy(v) + lnZ);
            }
        }
        return kl;
    }

    static void require(int n, String what) {
        if (n > MAX_ENUMERATED_UNITS) {
            throw new IllegalArgumentException("cannot enumerate 2^" + n + " states for " + what + " (limit 2^"
                    + MAX_ENUMERATED_UNITS + ")");
        }
    }
}
