package dev.coarse.model;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.Map;

/**
 * A lattice field theory with a Euclidean action S(φ): configurations are real fields, weight e<sup>−S</sup> (no
 * temperature: the couplings carry it). The sibling of {@link Model}, whose configurations are {@code byte[]} and
 * whose weight is e<sup>−H/T</sup>; a field model's configuration is a {@code double[]} in the layout of
 * {@link #degreesOfFreedom()} (one real per site, or re, im interleaved per site for a complex field).
 *
 * <p>What a sampler or a flow trained on the energy needs: the action, its gradient with respect to every real
 * component, and the part of the action that one site's value enters (for local updates).
 */
public sealed interface FieldModel permits Phi4Model, ComplexPhi4Model {

    /** The periodic lattice (chain, square or cubic). */
    Lattice lattice();

    /** Real or complex values, one per site. */
    DegreesOfFreedom degreesOfFreedom();

    /** The model's name in files and on the command line: "phi4", "phi4c". */
    String name();

    /** The couplings by name, as an ensemble's metadata records them (e.g. "kappa", "lambda"). */
    Map<String, Double> parameters();

    /** Array length of one configuration: N for a real field, 2N for a complex one. */
    default int fieldLength() {
        return degreesOfFreedom().length(lattice());
    }

    /** Real values per site: 1 for a real field, 2 (re, im) for a complex one. */
    default int componentsPerSite() {
        return degreesOfFreedom().valuesPerElement();
    }

    /** The action S(φ) of a configuration (total, not per site). Not modified: {@code field}. */
    double action(double[] field);

    /**
     * ∂S/∂φ<sub>k</sub> for every real component k of the configuration.
     *
     * <p>Modified: {@code gradient} (all {@link #fieldLength()} entries). Not modified: {@code field}.
     */
    void gradient(double[] field, double[] gradient);

    /**
     * The terms of S that depend on site {@code site}'s value, evaluated with that value replaced by
     * ({@code re}, {@code im}) ({@code im} is ignored for a real field) and every other site as in {@code field}:
     * S(φ with site set to v) − S(φ with site set to w) = siteAction(…, v) − siteAction(…, w).
     * Not modified: {@code field}.
     */
    double siteAction(double[] field, int site, double re, double im);

    /**
     * Checks one configuration: the right length and finite values.
     *
     * @throws IllegalArgumentException naming the problem
     */
    default void validate(double[] field) {
        if (field.length != fieldLength()) {
            throw new IllegalArgumentException(name() + " configuration has " + field.length + " values, the "
                    + lattice() + " lattice needs " + fieldLength());
        }
        degreesOfFreedom().validate(field);
    }

    /** Helper for record constructors: a coupling must be finite and ≥ 0. */
    static void requireNonNegative(String name, double value, String why) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 (" + why + "), got " + value);
        }
    }
}
