package dev.coarse.data;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything needed to reproduce or interpret an ensemble: the model and its parameters, how it was
 * sampled, and where it came from.
 *
 * @param model         model name, e.g. "ising2d" or "potts2d"
 * @param dimension     lattice dimension (1, 2 or 3)
 * @param linearSize    L
 * @param temperature   T
 * @param field         h (0 for Potts)
 * @param q             Potts q (2 for Ising)
 * @param sampler       sampler name, or the coarse-graining rule for a coarse ensemble
 * @param seed          the run's seed
 * @param sweeps        measured sweeps per chain
 * @param thermalize    thermalisation sweeps per chain
 * @param thin          sweeps between stored configurations
 * @param chains        number of independent chains
 * @param tauInt        integrated autocorrelation time of |m| (in stored samples), NaN if unknown
 * @param coarseVersion version of Coarse that wrote it
 * @param provenance    free-form extra facts (e.g. "rule" → "majority", "level" → "2", "source" → a file)
 * @param parameters    the model's couplings beyond T, h and q, by name (e.g. a dimer interaction "v", φ⁴'s
 *                      "kappa" and "lambda"); empty for Ising and Potts. Sorted by name; values finite.
 */
public record EnsembleMeta(String model, int dimension, int linearSize, double temperature, double field, int q,
                           String sampler, long seed, long sweeps, long thermalize, long thin, int chains,
                           double tauInt, String coarseVersion, Map<String, String> provenance,
                           Map<String, Double> parameters) {

    public EnsembleMeta {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(coarseVersion, "coarseVersion");
        provenance = Map.copyOf(provenance == null ? Map.of() : provenance);
        TreeMap<String, Double> sorted = new TreeMap<>(parameters == null ? Map.of() : parameters);
        for (Map.Entry<String, Double> p : sorted.entrySet()) {
            if (p.getKey().isEmpty() || p.getKey().indexOf('/') >= 0) {
                throw new IllegalArgumentException("parameter name '" + p.getKey() + "' must be non-empty without '/'");
            }
            if (p.getValue() == null || !Double.isFinite(p.getValue())) {
                throw new IllegalArgumentException("parameter " + p.getKey() + " must be finite, got " + p.getValue());
            }
        }
        parameters = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    /** The metadata of a model with no parameters beyond T, h and q (Ising, Potts). */
    public EnsembleMeta(String model, int dimension, int linearSize, double temperature, double field, int q,
                        String sampler, long seed, long sweeps, long thermalize, long thin, int chains, double tauInt,
                        String coarseVersion, Map<String, String> provenance) {
        this(model, dimension, linearSize, temperature, field, q, sampler, seed, sweeps, thermalize, thin, chains,
                tauInt, coarseVersion, provenance, Map.of());
    }
}
