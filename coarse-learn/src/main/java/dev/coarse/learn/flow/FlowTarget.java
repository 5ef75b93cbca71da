package dev.coarse.learn.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.OptionalDouble;

/**
 * A target density e<sup>−S(x)</sup> on the real field x of shape (B, C, L, L), with ln Z = {@link #lnZOffset()} +
 * ln ∫dx e<sup>−S(x)</sup>: what a flow is trained on (no data). Implementations: {@link IsingHsTarget} (the 2D Ising
 * model through its Hubbard–Stratonovich field) and {@link FieldTarget} (real and complex φ⁴).
 */
public interface FlowTarget {

    /** The model's name (as on the command line). */
    String name();

    /** The couplings that, with {@link #name()} and L, rebuild this target ({@link FlowFile#target}). */
    java.util.Map<String, Double> parameters();

    /** L. */
    int linearSize();

    /** Real components per site. */
    int channels();

    /** The number of lattice sites, L² (the unit of "per site"). */
    default int sites() {
        return linearSize() * linearSize();
    }

    /** S(x) per configuration, shape (B); differentiable (DJL arrays only). */
    NDArray action(NDArray x);

    /** The constant with ln Z = lnZOffset + ln ∫dx e<sup>−S(x)</sup> (zero for a field theory). */
    double lnZOffset();

    /** The exact ln Z of the whole lattice, when known. */
    OptionalDouble exactLnZ();

    /** The observable reweighted and reported per configuration, shape (B): see {@link #observableName()}. */
    NDArray observable(NDArray x);

    /** What {@link #observable} is, e.g. "energy_per_site". */
    String observableName();

    /** The exact expectation of {@link #observable}, when known. */
    OptionalDouble exactObservable();

    /** Makes any constant arrays the target needs in {@code manager} (called once before use). */
    void attach(NDManager manager);
}
