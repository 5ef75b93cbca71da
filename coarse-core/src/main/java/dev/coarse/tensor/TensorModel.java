package dev.coarse.tensor;

import dev.coarse.exact.Kaufman;
import dev.coarse.exact.Onsager;
import dev.coarse.model.PottsModel;
import dev.coarse.naming.Identified;
import java.util.OptionalDouble;

/**
 * A 2D model whose local tensor this package builds ({@link LocalTensors}): the Ising model in a field or the
 * q-state Potts model, at a temperature. Validated here, so a bad T, q or field never reaches a step.
 *
 * @param family      which model
 * @param q           states per site (2 for Ising)
 * @param temperature T &gt; 0
 * @param field       h (Ising only; 0 for Potts)
 */
public record TensorModel(Family family, int q, double temperature, double field) {

    /** The models; ids "ising2d", "potts2d". */
    public enum Family implements Identified {
        ISING2D,
        POTTS2D
    }

    public TensorModel {
        if (family == null) {
            throw new IllegalArgumentException("a model family is needed");
        }
        LocalTensors.checkTemperature(temperature);
        if (!Double.isFinite(field)) {
            throw new IllegalArgumentException("the field h must be finite, got " + field);
        }
        if (family == Family.ISING2D && q != 2) {
            throw new IllegalArgumentException("the Ising model has q = 2, got " + q);
        }
        if (family == Family.POTTS2D && (q < 2 || q > 127)) {
            throw new IllegalArgumentException("Potts q must be between 2 and 127, got " + q);
        }
        if (family == Family.POTTS2D && field != 0) {
            throw new IllegalArgumentException("the Potts tensor has no field (h must be 0, got " + field + ")");
        }
    }

    public static TensorModel ising(double temperature, double field) {
        return new TensorModel(Family.ISING2D, 2, temperature, field);
    }

    public static TensorModel potts(int q, double temperature) {
        return new TensorModel(Family.POTTS2D, q, temperature, 0);
    }

    public TensorModel atTemperature(double t) {
        return new TensorModel(family, q, t, field);
    }

    public TensorModel atField(double h) {
        return new TensorModel(family, q, temperature, h);
    }

    /** The local tensor of one site. */
    public Tensor4 localTensor() {
        return family == Family.ISING2D ? LocalTensors.ising(temperature, field)
                : LocalTensors.potts(q, temperature);
    }

    /** The exact T<sub>c</sub> of the square lattice: Onsager's, or 1/ln(1 + √q). */
    public double criticalTemperature() {
        return family == Family.ISING2D ? Onsager.CRITICAL_TEMPERATURE : PottsModel.squareLatticeCriticalTemperature(q);
    }

    /**
     * The exact ln Z per site where one is known: the Ising model at h = 0 — Onsager's on the infinite lattice
     * (torusSize 0), Kaufman's on the L×L torus.
     */
    public OptionalDouble exactLnZPerSite(int torusSize) {
        if (family != Family.ISING2D || field != 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(torusSize == 0 ? Onsager.logPartitionFunctionPerSite(temperature)
                : Kaufman.logPartitionFunctionPerSite(torusSize, temperature));
    }
}
